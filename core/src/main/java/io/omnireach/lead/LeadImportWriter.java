package io.omnireach.lead;

import io.omnireach.account.AccountLinks;
import io.omnireach.account.Companies;
import io.omnireach.common.ContactHashes;
import io.omnireach.common.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one chunk of checked import rows with set-based SQL (a few statements per chunk over
 * {@code unnest} arrays), inside the caller's transaction, so a chunk and its progress commit
 * together and a restarted job never writes a row twice. New leads get their accounts in a
 * statement before their insert; updated leads join theirs after ({@link AccountLinks}).
 */
public final class LeadImportWriter {

  /** A problem to put in the error report. */
  public record RowError(long rowNumber, String column, String reason) {}

  /** What the chunk did, and the rows it could not store. */
  public record Outcome(ImportCounts counts, List<RowError> errors) {}

  private static final List<LeadField> COLUMNS =
      List.of(
          LeadField.FIRST_NAME,
          LeadField.LAST_NAME,
          LeadField.EMAIL,
          LeadField.PHONE,
          LeadField.COMPANY,
          LeadField.TITLE,
          LeadField.INDUSTRY,
          LeadField.COMPANY_SIZE,
          LeadField.COUNTRY,
          LeadField.TIMEZONE,
          LeadField.LINKEDIN_URL,
          LeadField.WEBSITE,
          LeadField.STAGE);
  private static final String TAG_SEPARATOR = "\u001f";

  /**
   * The accounts of the chunk's new leads, created on first sight as {@link AccountLinks} does it
   * for stored leads: by work domain (stored ones only read: an upsert would write each again,
   * every chunk), else the oldest account of the same company name, else one a domain lead of this
   * chunk created, else a new name-only account. Rows whose lead is stored already (f) get none, so
   * a skipped duplicate leaves no empty account. Returns each new lead's domain, name key and
   * account. The accounts table is only read by {@code = any(array(…))} on its indexes, which the
   * generic plan cannot turn into a scan of all accounts per chunk row.
   */
  private static final String ACCOUNTS =
      "with t as (select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::bool[]) as t(email, phone, domain, account_name, name_key, named)),"
          + " f as materialized (select * from t where not exists (select 1 from leads l"
          + " where t.email is not null and lower(l.email) = t.email) and not exists (select 1"
          + " from leads l where t.email is null and t.phone is not null and l.email is null"
          + " and l.phone = t.phone)),"
          + " dx as (select a.id, a.domain, a.name_key from accounts a where a.domain is not null"
          + " and a.domain = any(array(select domain from f where domain is not null))),"
          + " di as (insert into accounts (domain, name, name_key)"
          + " select distinct on (domain) domain, account_name, name_key from f"
          + " where domain is not null and domain not in (select domain from dx)"
          + " order by domain, named desc, account_name"
          + " on conflict (domain) where domain is not null"
          + " do update set domain = excluded.domain returning id, domain, name_key),"
          + " d as (select * from dx union all select * from di),"
          + " existing as (select distinct on (a.name_key) a.name_key, a.id from accounts a"
          + " where a.name_key = any(array(select name_key from f where domain is null))"
          + " order by a.name_key, a.domain is null, a.id),"
          + " n as (insert into accounts (name, name_key)"
          + " select distinct on (name_key) account_name, name_key from f"
          + " where domain is null and name_key is not null"
          + " and name_key not in (select name_key from existing)"
          + " and name_key not in (select name_key from d)"
          + " order by name_key, account_name"
          + " on conflict (name_key) where domain is null"
          + " do update set name_key = excluded.name_key returning id, name_key)"
          + " select distinct f.domain, f.name_key, coalesce(d.id, e.id, (select min(d2.id)"
          + " from d d2 where f.domain is null and d2.name_key = f.name_key), n.id) from f"
          + " left join d on d.domain = f.domain"
          + " left join existing e on f.domain is null and e.name_key = f.name_key"
          + " left join n on f.domain is null and n.name_key = f.name_key";

  private static final String ROWS;
  private static final String INSERT;
  private static final String STAMP;
  private static final String STAMP_WITHOUT_EMAIL;
  private static final String UPDATE;
  private static final String UPDATE_PHONE_ONLY;

  /**
   * A row's dedup key in SQL, the same as {@link #key}: the email where there is one, else the
   * phone, else the LinkedIn URL (V25: email is optional, phone-only leads are unique by phone).
   */
  private static final String KEY =
      "coalesce(lower(l.email), 'tel:' || l.phone, 'in:' || l.linkedin_url)";

  static {
    StringBuilder types = new StringBuilder();
    StringBuilder names = new StringBuilder();
    for (LeadField f : COLUMNS) {
      types.append("?::text[], ");
      names.append(f.column()).append(", ");
    }
    ROWS =
        "unnest("
            + types
            + "?::int[], ?::bigint[], ?::bool[], ?::text[], ?::text[]) as t("
            + names
            + "score, owner_id, dnc, tags, custom)";
    StringBuilder insertCols = new StringBuilder();
    StringBuilder insertVals = new StringBuilder();
    StringBuilder updates = new StringBuilder();
    for (LeadField f : COLUMNS) {
      if (f == LeadField.STAGE) {
        continue;
      }
      insertCols.append(f.column()).append(", ");
      insertVals.append("t.").append(f.column()).append(", ");
      if (f != LeadField.EMAIL) {
        updates
            .append(f.column())
            .append(" = coalesce(t.")
            .append(f.column())
            .append(", l.")
            .append(f.column())
            .append("), ");
      }
    }
    // The chunk's new leads get their accounts in a statement of their own (ACCOUNTS), then are
    // inserted by a plain insert over the unnest arrays with the account ids bound (INSERT).
    // Joined inside one statement, the account lookups ran under the cached generic plan (which
    // assumes a small unnest) as a nested loop of the chunk over all accounts (≈887k rows filtered
    // per chunk at 1M rows). Here accounts are only read through their indexes (= any(array(…))),
    // and the insert joins nothing. A concurrent import of the same key after ACCOUNTS makes the
    // insert skip the row (on conflict do nothing); an account created for it may then stay empty.
    INSERT =
        "with t as (select * from unnest("
            + types
            + "?::int[], ?::bigint[], ?::bool[], ?::text[], ?::text[], ?::bigint[])"
            + " with ordinality as t("
            + names
            + "score, owner_id, dnc, tags, custom, account_id, ord))"
            + " insert into leads ("
            + insertCols
            + "stage, score, owner_id, do_not_contact, tags, custom_fields, created_at, updated_at,"
            + " created_by, updated_by, import_id, account_id) select "
            + insertVals
            + "coalesce(t.stage, 'new'), coalesce(t.score, 0), t.owner_id, coalesce(t.dnc, false),"
            + " coalesce(string_to_array(t.tags, '"
            + TAG_SEPARATOR
            + "'), '{}'),"
            + " coalesce(t.custom::jsonb, '{}'), ?, ?, ?, ?, ?::bigint, t.account_id from t"
            + " order by t.ord on conflict do nothing returning "
            + KEY.replace("l.", "");
    STAMP = "update leads set import_id = ? where lower(email) = any(?)";
    STAMP_WITHOUT_EMAIL =
        "update leads set import_id = ? where email is null"
            + " and (phone = any(?) or linkedin_url = any(?))";
    String update =
        "update leads l set "
            + updates
            + "stage = coalesce(t.stage, l.stage), score = coalesce(t.score, l.score),"
            + " owner_id = coalesce(t.owner_id, l.owner_id), do_not_contact = coalesce(t.dnc, l.do_not_contact),"
            + " tags = case when t.tags is null then l.tags else"
            + " array(select distinct unnest(l.tags || string_to_array(t.tags, '"
            + TAG_SEPARATOR
            + "'))) end,"
            + " custom_fields = l.custom_fields || coalesce(t.custom::jsonb, '{}'),"
            + " updated_at = ?, updated_by = ? from "
            + ROWS;
    String returning = " returning l.id, " + KEY + ", l.email, l.company";
    UPDATE = update + " where lower(l.email) = t.email" + returning;
    UPDATE_PHONE_ONLY =
        update + " where l.email is null and t.email is null and l.phone = t.phone" + returning;
  }

  private LeadImportWriter() {}

  /** Whether the workspace has any suppression entry (an erased person) at all. */
  private static boolean anyErased(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select exists (select 1 from suppression_hashes)");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /** The hashes among the chunk's emails and phones that belong to erased people (GDPR). */
  private static Set<String> erasedHashes(Connection c, List<ImportRow> rows) throws SQLException {
    List<String> hashes = new ArrayList<>();
    for (ImportRow row : rows) {
      if (row.ok()) {
        Map<LeadField, Object> v = row.valid().values();
        String e = ContactHashes.email((String) v.get(LeadField.EMAIL));
        String p = ContactHashes.phone((String) v.get(LeadField.PHONE));
        if (e != null) {
          hashes.add(e);
        }
        if (p != null) {
          hashes.add(p);
        }
      }
    }
    Set<String> found = new HashSet<>();
    if (hashes.isEmpty()) {
      return found;
    }
    try (PreparedStatement ps =
        c.prepareStatement("select hash from suppression_hashes where hash = any(?)")) {
      ps.setArray(1, c.createArrayOf("text", hashes.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
  }

  private static String erasedField(ImportRow row, Set<String> erased) {
    if (erased.isEmpty()) {
      return null;
    }
    Map<LeadField, Object> v = row.valid().values();
    if (erased.contains(ContactHashes.email((String) v.get(LeadField.EMAIL)))) {
      return "email";
    }
    return erased.contains(ContactHashes.phone((String) v.get(LeadField.PHONE))) ? "phone" : null;
  }

  /**
   * What the {@code lead-import} job does per chunk, in the caller's transaction: writes the rows
   * ({@link #write(Connection, long, Long, List, DuplicatePolicy, String, Instant)}) and adds the
   * outcome to the import's counters and error report ({@link ImportStore#recordChunk}); {@code
   * bytes} is what the chunk's rows took of the file, added to the progress.
   */
  public static Outcome writeChunk(
      Connection c,
      long tenantId,
      long importId,
      List<ImportRow> rows,
      DuplicatePolicy policy,
      String actor,
      Instant now,
      long bytes)
      throws SQLException {
    Outcome outcome = write(c, tenantId, importId, rows, policy, actor, now);
    ImportStore.recordChunk(c, importId, outcome, bytes);
    return outcome;
  }

  /** Writes rows outside an import (no {@code import_id} on the leads). */
  public static Outcome write(
      Connection c,
      long tenantId,
      List<ImportRow> rows,
      DuplicatePolicy policy,
      String actor,
      Instant now)
      throws SQLException {
    return write(c, tenantId, null, rows, policy, actor, now);
  }

  /**
   * Writes one chunk. With an {@code importId}, every stored lead the chunk's valid rows name
   * (inserted, updated or skipped as a duplicate) is marked as this import's, for "enrol on
   * import"; inserted leads get it in the insert itself.
   */
  public static Outcome write(
      Connection c,
      long tenantId,
      Long importId,
      List<ImportRow> rows,
      DuplicatePolicy policy,
      String actor,
      Instant now)
      throws SQLException {
    List<RowError> errors = new ArrayList<>();
    int failed = 0;
    int skipped = 0;
    Set<Long> members = null;
    Map<String, ImportRow> byKey = new LinkedHashMap<>();
    Map<String, Long> firstRow = new HashMap<>();
    // most workspaces never erased anyone: then one cheap query instead of hashing every row
    Set<String> erased = anyErased(c) ? erasedHashes(c, rows) : Set.of();
    for (ImportRow row : rows) {
      if (!row.ok()) {
        failed++;
        row.errors().forEach(e -> errors.add(new RowError(row.rowNumber(), e.field(), e.reason())));
        continue;
      }
      String erasedField = erasedField(row, erased);
      if (erasedField != null) {
        failed++;
        errors.add(
            new RowError(
                row.rowNumber(),
                erasedField,
                "This person was erased at their request (GDPR) and may not be stored or"
                    + " contacted again; not imported."));
        continue;
      }
      Long owner = (Long) row.valid().values().get(LeadField.OWNER_ID);
      if (owner != null) {
        if (members == null) {
          members = members(c, tenantId);
        }
        if (!members.contains(owner)) {
          failed++;
          errors.add(
              new RowError(
                  row.rowNumber(),
                  "ownerId",
                  "User " + owner + " is not a member of this workspace."));
          continue;
        }
      }
      String key = key(row);
      Long earlier = firstRow.putIfAbsent(key, row.rowNumber());
      if (earlier != null) {
        skipped++;
        errors.add(
            new RowError(
                row.rowNumber(),
                keyField(key),
                "Same " + keyField(key) + " as row " + earlier + " of this file; skipped."));
        continue;
      }
      byKey.put(key, row);
    }
    List<ImportRow> valid = new ArrayList<>(byKey.values());
    int updated = 0;
    int imported = 0;
    Set<String> inserted = new HashSet<>();
    if (!valid.isEmpty()) {
      Set<String> updatedKeys = new HashSet<>();
      List<AccountLinks.LeadCompany> written = new ArrayList<>();
      if (policy == DuplicatePolicy.UPDATE) {
        List<ImportRow> withEmail = new ArrayList<>();
        List<ImportRow> phoneOnly = new ArrayList<>();
        for (ImportRow row : valid) {
          Map<LeadField, Object> v = row.valid().values();
          if (v.get(LeadField.EMAIL) != null) {
            withEmail.add(row);
          } else if (v.get(LeadField.PHONE) != null) {
            phoneOnly.add(row);
          }
        }
        // two statements so the common one keeps its plain join on the email index
        update(c, UPDATE, withEmail, actor, now, updatedKeys, written);
        update(c, UPDATE_PHONE_ONLY, phoneOnly, actor, now, updatedKeys, written);
        updated = updatedKeys.size();
      }
      List<ImportRow> fresh = new ArrayList<>();
      for (ImportRow row : valid) {
        if (!updatedKeys.contains(key(row))) {
          fresh.add(row);
        }
      }
      if (!fresh.isEmpty()) {
        Long[] accountIds = accounts(c, fresh);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
          int i = bindRows(c, ps, 1, fresh);
          ps.setArray(i++, c.createArrayOf("int8", accountIds));
          Timestamp ts = Timestamp.from(now);
          ps.setTimestamp(i++, ts);
          ps.setTimestamp(i++, ts);
          ps.setString(i++, actor);
          ps.setString(i++, actor);
          if (importId == null) {
            ps.setNull(i, java.sql.Types.BIGINT);
          } else {
            ps.setLong(i, importId);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              inserted.add(rs.getString(1));
            }
          }
        }
      }
      // updated leads into their accounts (inserted ones got theirs in the insert)
      AccountLinks.link(c, written);
      imported = inserted.size();
      for (ImportRow row : valid) {
        String key = key(row);
        if (inserted.contains(key) || updatedKeys.contains(key)) {
          continue;
        }
        if (policy == DuplicatePolicy.CREATE) {
          failed++;
          String field = keyField(key);
          errors.add(
              new RowError(
                  row.rowNumber(),
                  field,
                  field.equals("email")
                      ? "A lead with email " + key + " already exists."
                      : "A lead with phone " + key.substring(4) + " and no email already exists."));
        } else {
          skipped++;
        }
      }
    }
    if (importId != null) {
      stamp(c, importId, rows, inserted);
    }
    return new Outcome(new ImportCounts(rows.size(), imported, updated, skipped, failed), errors);
  }

  /**
   * Marks the stored leads the chunk's valid rows name, except those just inserted (they carry the
   * import already): by email, and rows without email by phone or LinkedIn URL. Usually nothing is
   * left, and no statement runs.
   */
  private static void stamp(Connection c, long importId, List<ImportRow> rows, Set<String> inserted)
      throws SQLException {
    List<String> emails = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    List<String> linkedin = new ArrayList<>();
    for (ImportRow row : rows) {
      if (!row.ok() || inserted.contains(key(row))) {
        continue;
      }
      Map<LeadField, Object> v = row.valid().values();
      Object email = v.get(LeadField.EMAIL);
      if (email != null) {
        emails.add(((String) email).toLowerCase(java.util.Locale.ROOT));
      } else {
        if (v.get(LeadField.PHONE) != null) {
          phones.add((String) v.get(LeadField.PHONE));
        }
        if (v.get(LeadField.LINKEDIN_URL) != null) {
          linkedin.add((String) v.get(LeadField.LINKEDIN_URL));
        }
      }
    }
    if (!emails.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(STAMP)) {
        ps.setLong(1, importId);
        ps.setArray(2, c.createArrayOf("text", emails.toArray()));
        ps.executeUpdate();
      }
    }
    if (!phones.isEmpty() || !linkedin.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(STAMP_WITHOUT_EMAIL)) {
        ps.setLong(1, importId);
        ps.setArray(2, c.createArrayOf("text", phones.toArray()));
        ps.setArray(3, c.createArrayOf("text", linkedin.toArray()));
        ps.executeUpdate();
      }
    }
  }

  private static void update(
      Connection c,
      String sql,
      List<ImportRow> rows,
      String actor,
      Instant now,
      Set<String> updatedKeys,
      List<AccountLinks.LeadCompany> written)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, actor);
      bindRows(c, ps, 3, rows);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          updatedKeys.add(rs.getString(2));
          written.add(
              new AccountLinks.LeadCompany(rs.getLong(1), rs.getString(3), rs.getString(4)));
        }
      }
    }
  }

  /** A row's dedup key, as {@link #KEY} computes it for stored leads. */
  static String key(ImportRow row) {
    Map<LeadField, Object> v = row.valid().values();
    Object email = v.get(LeadField.EMAIL);
    if (email != null) {
      return (String) email;
    }
    Object phone = v.get(LeadField.PHONE);
    return phone != null ? "tel:" + phone : "in:" + v.get(LeadField.LINKEDIN_URL);
  }

  /** The field a dedup key came from. */
  private static String keyField(String key) {
    return key.startsWith("tel:")
        ? "phone"
        : key.startsWith("in:") ? LeadField.LINKEDIN_URL.json() : "email";
  }

  /** Binds the unnest arrays starting at parameter {@code first}; returns the next index. */
  private static int bindRows(Connection c, PreparedStatement ps, int first, List<ImportRow> rows)
      throws SQLException {
    int i = first;
    for (LeadField f : COLUMNS) {
      String[] values = new String[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        Object v = rows.get(r).valid().values().get(f);
        values[r] = v == null ? null : v instanceof Stage s ? s.value() : v.toString();
      }
      ps.setArray(i++, c.createArrayOf("text", values));
    }
    Integer[] scores = new Integer[rows.size()];
    Long[] owners = new Long[rows.size()];
    Boolean[] dnc = new Boolean[rows.size()];
    String[] tags = new String[rows.size()];
    String[] custom = new String[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      LeadRules.Valid v = rows.get(r).valid();
      scores[r] = v.has(LeadField.SCORE) ? (Integer) v.values().get(LeadField.SCORE) : null;
      owners[r] = (Long) v.values().get(LeadField.OWNER_ID);
      dnc[r] =
          v.has(LeadField.DO_NOT_CONTACT)
              ? (Boolean) v.values().get(LeadField.DO_NOT_CONTACT)
              : null;
      tags[r] = v.tags() == null ? null : String.join(TAG_SEPARATOR, v.tags());
      custom[r] = v.customFields() == null ? null : Json.object(v.customFields(), false);
    }
    ps.setArray(i++, c.createArrayOf("int4", scores));
    ps.setArray(i++, c.createArrayOf("int8", owners));
    ps.setArray(i++, c.createArrayOf("bool", dnc));
    ps.setArray(i++, c.createArrayOf("text", tags));
    ps.setArray(i++, c.createArrayOf("text", custom));
    return i;
  }

  /**
   * Finds or creates the accounts of rows about to be inserted ({@link #ACCOUNTS}); returns each
   * row's account id, null where nothing says where it works or its lead is stored already.
   */
  private static Long[] accounts(Connection c, List<ImportRow> rows) throws SQLException {
    int size = rows.size();
    Long[] ids = new Long[size];
    Companies.Key[] keys = new Companies.Key[size];
    List<String> emails = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    List<String> domains = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> nameKeys = new ArrayList<>();
    List<Boolean> named = new ArrayList<>();
    for (int r = 0; r < size; r++) {
      Map<LeadField, Object> v = rows.get(r).valid().values();
      String email = (String) v.get(LeadField.EMAIL);
      Companies.Key key = Companies.of(email, (String) v.get(LeadField.COMPANY));
      keys[r] = key;
      if (key != null) {
        emails.add(email);
        phones.add((String) v.get(LeadField.PHONE));
        domains.add(key.domain());
        names.add(key.name());
        nameKeys.add(key.nameKey());
        named.add(key.named());
      }
    }
    if (domains.isEmpty()) {
      return ids;
    }
    Map<String, Long> byDomain = new HashMap<>();
    Map<String, Long> byName = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(ACCOUNTS)) {
      ps.setArray(1, c.createArrayOf("text", emails.toArray()));
      ps.setArray(2, c.createArrayOf("text", phones.toArray()));
      ps.setArray(3, c.createArrayOf("text", domains.toArray()));
      ps.setArray(4, c.createArrayOf("text", names.toArray()));
      ps.setArray(5, c.createArrayOf("text", nameKeys.toArray()));
      ps.setArray(6, c.createArrayOf("bool", named.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(3);
          if (rs.wasNull()) {
            continue;
          }
          if (rs.getString(1) != null) {
            byDomain.put(rs.getString(1), id);
          } else {
            byName.put(rs.getString(2), id);
          }
        }
      }
    }
    for (int r = 0; r < size; r++) {
      Companies.Key key = keys[r];
      if (key != null) {
        ids[r] = key.domain() != null ? byDomain.get(key.domain()) : byName.get(key.nameKey());
      }
    }
    return ids;
  }

  private static Set<Long> members(Connection c, long tenantId) throws SQLException {
    Set<Long> ids = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement("select user_id from platform.memberships where tenant_id = ?")) {
      ps.setLong(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }
}
