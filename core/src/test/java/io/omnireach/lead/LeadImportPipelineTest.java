package io.omnireach.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.db.Migrations;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detect → read → check → write, as the import job chains them, on a real database. */
class LeadImportPipelineTest {

  static TestDatabase db;
  static final TenantRef T = new TenantRef(1, "importer");
  @TempDir Path dir;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), T.schema());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  Path file(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void encodings_and_delimiters_are_detected() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "email;name\nzoë@x.example;Zoë\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(body, 0, withBom, 3, body.length);
    CsvLayout utf8Bom = CsvLayout.detect(file("bom.csv", withBom));
    assertThat(utf8Bom.encodingName()).isEqualTo("UTF-8 (BOM)");
    assertThat(utf8Bom.delimiter()).isEqualTo(';');

    CsvLayout latin1 =
        CsvLayout.detect(
            file(
                "latin1.csv",
                "email\tname\nj@x.example\tJosé Müller\n".getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(latin1.encodingName()).isEqualTo("Latin-1");
    assertThat(latin1.delimiter()).isEqualTo('\t');
    try (LeadCsvReader r = new LeadCsvReader(dir.resolve("latin1.csv"), latin1, 1)) {
      assertThat(r.next().cells()).containsExactly("j@x.example", "José Müller");
    }
    assertThatThrownBy(
            () ->
                CsvLayout.detect(file("utf16.csv", new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0})))
        .hasMessageContaining("UTF-16");
  }

  @Test
  void headers_map_automatically_and_a_file_without_a_way_to_reach_leads_is_refused() {
    ImportMapping m =
        ImportMapping.of(List.of("First Name", "E-mail", "Job Title", "Favourite"), null);
    assertThat(m.targets())
        .containsEntry("First Name", "firstName")
        .containsEntry("E-mail", "email")
        .containsEntry("Job Title", "title")
        .containsEntry("Favourite", "custom:Favourite");
    assertThatThrownBy(() -> ImportMapping.of(List.of("name", "title"), null))
        .hasMessageContaining("Missing required column: email, phone or linkedinUrl");
    // a phone (SMS, calls) or LinkedIn column alone is enough since email became optional
    assertThat(ImportMapping.of(List.of("name", "phone"), null).targets())
        .containsEntry("phone", "phone");
  }

  @Test
  void a_mixed_file_stores_good_rows_reports_bad_ones_and_resumes_after_a_checkpoint()
      throws Exception {
    String csv =
        "first_name,last_name,email,phone,stage,tags\n"
            + "Ana,Silva,ana@x.example,+5511999990000,new,a;b\n"
            + "Bad,Email,not-an-email,,new,\n"
            + "Ben,Ode,ben@x.example,12,contacted,\n"
            + "Cy,Rus,cy@x.example,,won,vip\n"
            + "Short,Row,short@x.example\n"
            + "Ana,Again,ANA@x.example,,,\n"
            + "Di,Ana,di@x.example,,,\n";
    Path f = file("mixed.csv", csv.getBytes(StandardCharsets.UTF_8));
    CsvLayout layout = CsvLayout.detect(f);
    ImportStore store = new ImportStore(db.transactions(), Clock.systemUTC());
    long id;
    List<String> headers;
    try (LeadCsvReader r = new LeadCsvReader(f, layout, 1)) {
      headers = r.headers();
      id =
          store.create(
              T,
              "mixed.csv",
              f.toString(),
              Files.size(f),
              ImportMapping.of(headers, null),
              DuplicatePolicy.SKIP,
              layout,
              "t");
    }
    ImportMapping mapping = ImportMapping.of(headers, null);
    // first "chunk": rows 2-4, then a restart after the checkpoint at row 4
    chunk(id, f, layout, 1, 3, headers, mapping, store);
    chunk(id, f, layout, 4, 100, headers, mapping, store);

    LeadImport done = store.get(T, id);
    assertThat(done.processed()).isEqualTo(7);
    assertThat(done.imported()).isEqualTo(3); // ana, cy, di
    assertThat(done.failed()).isEqualTo(3); // bad email, bad phone, short row
    assertThat(done.skipped()).isEqualTo(1); // ANA@ again
    StringWriter report = new StringWriter();
    store.writeErrors(T, id, report);
    assertThat(report.toString())
        .contains("row,column,reason", "3,email,", "4,phone,", "6,,\"Expected 6 columns, found 3");
    LeadRepository leads = new LeadRepository(db.transactions(), Clock.systemUTC());
    assertThat(leads.count(T, LeadQuery.all())).isEqualTo(3);
    assertThat(leads.slice(T, LeadQuery.all().withText("ana@"), 0, 5).get(0).tags())
        .containsExactly("a", "b");
  }

  @Test
  void the_update_policy_fills_in_values_without_losing_stored_ones() throws Exception {
    TenantRef t = new TenantRef(2, "updater");
    Migrations.migrateTenant(db.dataSource(), t.schema());
    LeadRepository leads = new LeadRepository(db.transactions(), Clock.systemUTC());
    leads.create(
        t,
        new LeadDraft()
            .set(LeadField.EMAIL, "keep@x.example")
            .set(LeadField.COMPANY, "Stored Inc")
            .set(LeadField.STAGE, "meeting")
            .tags(List.of("old")),
        "t");
    Path f =
        file(
            "upd.csv",
            "email,title,company,tags\nkeep@x.example,CTO,,new\nfresh@x.example,CEO,Fresh,\n"
                .getBytes(StandardCharsets.UTF_8));
    CsvLayout layout = CsvLayout.detect(f);
    List<ImportRow> rows = new ArrayList<>();
    try (LeadCsvReader r = new LeadCsvReader(f, layout, 1)) {
      ImportMapping m = ImportMapping.of(r.headers(), null);
      for (LeadCsvReader.Row row = r.next(); row != null; row = r.next()) {
        rows.add(ImportRows.check(row, r.headers(), m));
      }
    }
    LeadImportWriter.Outcome out =
        db.transactions()
            .tenant(
                t,
                c ->
                    LeadImportWriter.write(
                        c, t.id(), rows, DuplicatePolicy.UPDATE, "t", Instant.now()));
    assertThat(out.counts().updated()).isEqualTo(1);
    assertThat(out.counts().imported()).isEqualTo(1);
    Lead kept = leads.slice(t, LeadQuery.all().withText("keep@"), 0, 1).get(0);
    assertThat(kept.title()).isEqualTo("CTO");
    assertThat(kept.company()).isEqualTo("Stored Inc");
    assertThat(kept.stage()).isEqualTo(Stage.MEETING);
    assertThat(kept.tags()).containsExactlyInAnyOrder("old", "new");
  }

  @Test
  void rows_without_email_are_kept_by_phone_or_linkedin_and_deduplicated_by_phone()
      throws Exception {
    TenantRef t = new TenantRef(3, "phones");
    Migrations.migrateTenant(db.dataSource(), t.schema());
    LeadRepository leads = new LeadRepository(db.transactions(), Clock.systemUTC());
    leads.create(
        t, new LeadDraft().set(LeadField.PHONE, "+14155550100").set(LeadField.TITLE, "Old"), "t");
    String csv =
        "first_name,email,phone,linkedin,title\n"
            + "Ana,ana@x.example,,,CTO\n"
            + "Bo,,+1 415 555 0100,,COO\n" // the stored phone-only lead: updated
            + "Cy,,+14155550111,,CEO\n" // a new phone-only lead
            + "Cy2,,+1 (415) 555-0111,,\n" // same phone in this file: skipped
            + "Di,,,linkedin.com/in/di,VP\n" // LinkedIn only
            + "Nobody,,,,Intern\n"; // no way to reach: failed
    Path f = file("phones.csv", csv.getBytes(StandardCharsets.UTF_8));
    CsvLayout layout = CsvLayout.detect(f);
    List<ImportRow> rows = new ArrayList<>();
    try (LeadCsvReader r = new LeadCsvReader(f, layout, 1)) {
      ImportMapping m = ImportMapping.of(r.headers(), null);
      for (LeadCsvReader.Row row = r.next(); row != null; row = r.next()) {
        rows.add(ImportRows.check(row, r.headers(), m));
      }
    }
    LeadImportWriter.Outcome out =
        db.transactions()
            .tenant(
                t,
                c ->
                    LeadImportWriter.write(
                        c, t.id(), rows, DuplicatePolicy.UPDATE, "t", Instant.now()));
    assertThat(out.counts().imported()).isEqualTo(3); // ana, cy, di
    assertThat(out.counts().updated()).isEqualTo(1); // bo
    assertThat(out.counts().skipped()).isEqualTo(1); // cy2
    assertThat(out.counts().failed()).isEqualTo(1); // nobody
    assertThat(out.errors())
        .extracting(LeadImportWriter.RowError::column, LeadImportWriter.RowError::reason)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "phone", "Same phone as row 4 of this file; skipped."),
            org.assertj.core.groups.Tuple.tuple("email", LeadRules.UNREACHABLE));
    assertThat(leads.count(t, LeadQuery.all())).isEqualTo(4);
    Lead bo = leads.slice(t, LeadQuery.all().withText("Bo"), 0, 1).get(0);
    assertThat(bo.email()).isNull();
    assertThat(bo.phone()).isEqualTo("+14155550100");
    assertThat(bo.title()).isEqualTo("COO");
    Lead di = leads.slice(t, LeadQuery.all().withText("Di"), 0, 1).get(0);
    assertThat(di.linkedinUrl()).isEqualTo("https://linkedin.com/in/di");
    assertThat(di.fullName()).isEqualTo("Di");

    // the same file again with CREATE: the phone-only duplicates now fail with the reason
    LeadImportWriter.Outcome again =
        db.transactions()
            .tenant(
                t,
                c ->
                    LeadImportWriter.write(
                        c, t.id(), rows, DuplicatePolicy.CREATE, "t", Instant.now()));
    assertThat(again.errors())
        .extracting(LeadImportWriter.RowError::reason)
        .contains("A lead with phone +14155550111 and no email already exists.");
  }

  @Test
  void rows_read_ahead_keep_file_order_exact_counts_and_a_restart_from_the_last_row_handed_out()
      throws Exception {
    TenantRef t = new TenantRef(4, "ahead");
    Migrations.migrateTenant(db.dataSource(), t.schema());
    LeadRepository leads = new LeadRepository(db.transactions(), Clock.systemUTC());
    leads.create(t, new LeadDraft().set(LeadField.EMAIL, "p5@co5.example"), "t");
    StringBuilder csv = new StringBuilder("email,company\n");
    for (int i = 0; i < 2000; i++) {
      csv.append('p').append(i).append("@co").append(i % 10).append(".example,Co ");
      csv.append(i % 10).append('\n');
    }
    Path f = file("ahead.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    CsvLayout layout = CsvLayout.detect(f);
    ImportStore store = new ImportStore(db.transactions(), Clock.systemUTC());
    ImportMapping mapping;
    long id;
    try (LeadCsvReader r = new LeadCsvReader(f, layout, 1)) {
      mapping = ImportMapping.of(r.headers(), null);
      id =
          store.create(
              t,
              "ahead.csv",
              f.toString(),
              Files.size(f),
              mapping,
              DuplicatePolicy.SKIP,
              layout,
              "t");
    }
    // small blocks, few of them: the reading thread waits for the writer many times
    List<Long> handedOut = new ArrayList<>();
    long checkpoint;
    try (PrefetchedRows rows =
        new PrefetchedRows(new LeadCsvReader(f, layout, 1), mapping, 7, 3, Thread::new)) {
      importChunks(t, id, rows, 5, handedOut); // 500 rows, then the "crash"
      checkpoint = rows.rowNumber();
    }
    assertThat(checkpoint).isEqualTo(501);
    try (PrefetchedRows rows =
        new PrefetchedRows(new LeadCsvReader(f, layout, checkpoint), mapping, 7, 3, Thread::new)) {
      importChunks(t, id, rows, Integer.MAX_VALUE, handedOut);
      assertThat(rows.next()).isNull();
    }
    assertThat(handedOut)
        .containsExactlyElementsOf(LongStream.rangeClosed(2, 2001).boxed().toList());
    LeadImport done = store.get(t, id);
    assertThat(done.processed()).isEqualTo(2000);
    assertThat(done.imported()).isEqualTo(1999);
    assertThat(done.skipped()).isEqualTo(1); // p5, stored before
    assertThat(done.failed()).isZero();
    db.transactions()
        .tenant(
            t,
            c -> {
              try (var s = c.createStatement();
                  var rs =
                      s.executeQuery(
                          "select string_agg(email, ',' order by id), count(*),"
                              + " count(account_id), count(distinct account_id)"
                              + " from leads where import_id = "
                              + id)) {
                rs.next();
                // in file order (p5 was stored first), all with their account, p5 marked too
                List<String> emails = List.of(rs.getString(1).split(","));
                assertThat(emails.get(0)).isEqualTo("p5@co5.example");
                assertThat(emails.subList(1, emails.size()))
                    .containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 2000)
                            .filter(i -> i != 5)
                            .mapToObj(i -> "p" + i + "@co" + (i % 10) + ".example")
                            .toList());
                assertThat(rs.getLong(2)).isEqualTo(2000);
                assertThat(rs.getLong(3)).isEqualTo(2000); // each in its domain's account
                assertThat(rs.getLong(4)).isEqualTo(10);
              }
              return null;
            });
  }

  @Test
  void a_large_file_is_cut_into_parts_of_whole_rows_that_read_back_as_the_whole_file()
      throws Exception {
    // quoted line breaks, delimiters and quotes in every 7th row: a cut by bytes alone would split
    // those rows; multi-byte characters make characters and bytes differ
    StringBuilder csv = new StringBuilder("email,first_name,company,notes\n");
    int n = 0;
    while (csv.length() < 3 * LeadCsvReader.MIN_PART_BYTES) {
      String notes = n % 7 == 0 ? "\"line one,\nsays \"\"hi\"\"\r\nline three\"" : "plain ünïcode";
      csv.append("p").append(n).append("@x.example,Zoë ").append(n).append(",Co,").append(notes);
      csv.append(n % 11 == 0 ? "\n\n" : "\n"); // empty lines are skipped, not numbered
      n++;
    }
    Path f = file("large.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    CsvLayout layout = CsvLayout.detect(f);
    List<String> whole = new ArrayList<>();
    try (LeadCsvReader r = new LeadCsvReader(f, layout, 1)) {
      for (LeadCsvReader.Row row = r.next(); row != null; row = r.next()) {
        whole.add(row.number() + ":" + row.cells());
      }
    }
    assertThat(whole).hasSize(n);

    List<LeadCsvReader.Part> parts = LeadCsvReader.parts(f, layout, 4);
    assertThat(parts).hasSize(3); // at least 1 MB each
    assertThat(parts.get(0).startChar()).isZero();
    List<String> byParts = new ArrayList<>();
    long bytes = 0;
    for (LeadCsvReader.Part part : parts) {
      try (LeadCsvReader r = new LeadCsvReader(f, layout, part, 1)) {
        assertThat(r.headers()).containsExactly("email", "first_name", "company", "notes");
        for (LeadCsvReader.Row row = r.next(); row != null; row = r.next()) {
          byParts.add(row.number() + ":" + row.cells());
        }
        bytes += r.bytesRead();
      }
    }
    assertThat(byParts).containsExactlyElementsOf(whole);
    // progress adds up to the file, less what the later parts' buffers had read ahead at the cut
    assertThat(bytes).isBetween(Files.size(f) - 2 * 72 * 1024, Files.size(f));

    // a restart inside the last part goes on after its checkpoint row
    LeadCsvReader.Part last = parts.get(2);
    long checkpoint = last.firstRow() + 10;
    try (LeadCsvReader r = new LeadCsvReader(f, layout, last, checkpoint)) {
      assertThat(r.next().number()).isEqualTo(checkpoint + 1);
    }
    // a small file is one part
    assertThat(LeadCsvReader.parts(file("small.csv", "email\na@x.example\n".getBytes()), layout, 4))
        .containsExactly(LeadCsvReader.Part.WHOLE);
  }

  @Test
  void new_leads_get_their_accounts_before_the_insert_and_erased_people_are_refused_once_any_exist()
      throws Exception {
    TenantRef t = new TenantRef(5, "accounts");
    Migrations.migrateTenant(db.dataSource(), t.schema());
    LeadRepository leads = new LeadRepository(db.transactions(), Clock.systemUTC());
    leads.create(
        t,
        new LeadDraft().set(LeadField.EMAIL, "old@globex.example").set(LeadField.COMPANY, "Globex"),
        "t");
    leads.create(
        t,
        new LeadDraft().set(LeadField.EMAIL, "kept@initech.example").set(LeadField.TITLE, "Old"),
        "t");
    long accountsBefore = count(t, "accounts", "true");
    // no suppression entry yet: nothing is looked up, a later-erased address still imports
    List<ImportRow> first =
        rows(
            "accounts1.csv",
            "email,company,title\n"
                + "new@globex.example,,\n" // a stored domain account
                + "a@hooli.example,Hooli,\n" // a new domain account
                + "b@gmail.com,Hooli Inc,\n" // by name: the account row 3 creates
                + "c@gmail.com,Globex Corporation,\n" // by name: the stored domain account
                + "d@gmail.com,Umbrella,\n" // a new name-only account
                + "kept@initech.example,,CTO\n" // stored: updated, keeps its account
                + "free@gmail.com,,\n"); // nothing says where it works: no account
    LeadImportWriter.Outcome out = write(t, first, DuplicatePolicy.UPDATE);
    assertThat(out.counts().imported()).isEqualTo(6);
    assertThat(out.counts().updated()).isEqualTo(1);
    assertThat(out.counts().failed()).isZero();
    long globex = accountOf(t, "old@globex.example");
    assertThat(accountOf(t, "new@globex.example")).isEqualTo(globex);
    assertThat(accountOf(t, "c@gmail.com")).isEqualTo(globex);
    long hooli = accountOf(t, "a@hooli.example");
    assertThat(hooli).isNotEqualTo(globex);
    assertThat(accountOf(t, "b@gmail.com")).isEqualTo(hooli);
    assertThat(accountOf(t, "d@gmail.com")).isNotIn(globex, hooli);
    assertThat(accountOf(t, "kept@initech.example")).isPositive().isNotIn(globex, hooli);
    assertThat(accountOf(t, "free@gmail.com")).isZero();
    assertThat(count(t, "accounts", "domain = 'hooli.example'")).isEqualTo(1);
    assertThat(count(t, "accounts", "domain is null and name_key = 'umbrella'")).isEqualTo(1);
    long accountsAfter = count(t, "accounts", "true");
    assertThat(accountsAfter).isEqualTo(accountsBefore + 2);
    assertThat(leads.slice(t, LeadQuery.all().withText("kept@"), 0, 1).get(0).title())
        .isEqualTo("CTO");

    // the same rows again with SKIP: all stored, no account created for them
    LeadImportWriter.Outcome again = write(t, first, DuplicatePolicy.SKIP);
    assertThat(again.counts().skipped()).isEqualTo(7);
    assertThat(again.counts().imported()).isZero();
    assertThat(count(t, "accounts", "true")).isEqualTo(accountsAfter);

    // once someone is erased, the lookup runs: their address and phone are refused
    db.transactions()
        .tenant(
            t,
            c -> {
              io.omnireach.channel.Suppressions.addErased(
                  c, "erased@y.example", "+14155550199", Instant.now());
              return null;
            });
    LeadImportWriter.Outcome later =
        write(
            t,
            rows(
                "accounts2.csv",
                "email,phone,company\n"
                    + "Erased@y.example,,Yco\n"
                    + ",+1 415 555 0199,\n"
                    + "e@yco.example,,Yco\n"),
            DuplicatePolicy.SKIP);
    assertThat(later.counts().imported()).isEqualTo(1);
    assertThat(later.counts().failed()).isEqualTo(2);
    assertThat(later.errors())
        .extracting(LeadImportWriter.RowError::rowNumber, LeadImportWriter.RowError::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "email"),
            org.assertj.core.groups.Tuple.tuple(3L, "phone"));
    assertThat(count(t, "leads", "lower(email) = 'erased@y.example'")).isZero();
    assertThat(accountOf(t, "e@yco.example")).isPositive();
  }

  private List<ImportRow> rows(String name, String csv) throws Exception {
    Path f = file(name, csv.getBytes(StandardCharsets.UTF_8));
    CsvLayout layout = CsvLayout.detect(f);
    List<ImportRow> rows = new ArrayList<>();
    try (LeadCsvReader r = new LeadCsvReader(f, layout, 1)) {
      ImportMapping m = ImportMapping.of(r.headers(), null);
      for (LeadCsvReader.Row row = r.next(); row != null; row = r.next()) {
        rows.add(ImportRows.check(row, r.headers(), m));
      }
    }
    return rows;
  }

  private LeadImportWriter.Outcome write(
      TenantRef t, List<ImportRow> rows, DuplicatePolicy policy) {
    return db.transactions()
        .tenant(t, c -> LeadImportWriter.write(c, t.id(), rows, policy, "t", Instant.now()));
  }

  private long count(TenantRef t, String table, String where) {
    return db.transactions()
        .tenant(
            t,
            c -> {
              try (var s = c.createStatement();
                  var rs = s.executeQuery("select count(*) from " + table + " where " + where)) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }

  /** The lead's account id (0 when it has none). */
  private long accountOf(TenantRef t, String email) {
    return db.transactions()
        .tenant(
            t,
            c -> {
              try (var ps =
                  c.prepareStatement(
                      "select coalesce(account_id, 0) from leads where lower(email) = ?")) {
                ps.setString(1, email);
                try (var rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  /** Chunks of 100 rows through the job's chunk code; stops after {@code chunks} chunks. */
  private void importChunks(
      TenantRef t, long id, PrefetchedRows rows, int chunks, List<Long> handedOut) {
    long counted = 0;
    for (int n = 0; n < chunks; n++) {
      List<ImportRow> chunk = new ArrayList<>();
      long bytes = 0;
      for (PrefetchedRows.Item item = chunk.size() < 100 ? rows.next() : null;
          item != null;
          item = chunk.size() < 100 ? rows.next() : null) {
        chunk.add(item.row());
        handedOut.add(item.row().rowNumber());
        bytes = item.bytesRead();
      }
      if (chunk.isEmpty()) {
        return;
      }
      long read = bytes - counted;
      counted = bytes;
      db.transactions()
          .tenant(
              t,
              c ->
                  LeadImportWriter.writeChunk(
                      c, t.id(), id, chunk, DuplicatePolicy.SKIP, "t", Instant.now(), read));
    }
  }

  private void chunk(
      long id,
      Path f,
      CsvLayout layout,
      long afterRow,
      int max,
      List<String> headers,
      ImportMapping m,
      ImportStore store)
      throws Exception {
    try (LeadCsvReader r = new LeadCsvReader(f, layout, afterRow)) {
      List<ImportRow> rows = new ArrayList<>();
      LeadCsvReader.Row row;
      while (rows.size() < max && (row = r.next()) != null) {
        rows.add(ImportRows.check(row, headers, m));
      }
      long bytes = r.bytesRead();
      db.transactions()
          .tenant(
              T,
              c -> {
                LeadImportWriter.Outcome out =
                    LeadImportWriter.write(
                        c, T.id(), rows, DuplicatePolicy.SKIP, "t", Instant.now());
                ImportStore.recordChunk(c, id, out, bytes);
                return null;
              });
    }
  }
}
