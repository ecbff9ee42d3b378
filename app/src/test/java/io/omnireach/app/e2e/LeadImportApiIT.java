package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CSV import through the REST contract: good, bad and mixed files, policies, isolation. */
class LeadImportApiIT {

  static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void a_mixed_file_imports_the_good_rows_and_reports_the_bad_ones() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    String tag = "imp" + UUID.randomUUID().toString().substring(0, 6);
    String csv =
        "First Name,Last Name,E-mail,Phone,Company,Tags,Stage\n"
            + "Ana,Silva,ana."
            + tag
            + "@x.example,+5511999990000,Acme,\""
            + tag
            + ";a\",new\n"
            + "Bad,Mail,not-an-email,,Acme,"
            + tag
            + ",new\n"
            + "Ben,Ode,ben."
            + tag
            + "@x.example,12,Acme,"
            + tag
            + ",new\n"
            + "Cy,Rus,cy."
            + tag
            + "@x.example,,\"Quoted, Inc\","
            + tag
            + ",won\n"
            + "Short,Row\n";
    HttpResponse<String> accepted =
        Imports.upload(sales, "mixed.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(E2e.field(accepted.body(), "status")).isEqualTo("STARTING");
    String id = E2e.field(accepted.body(), "id");

    String done = Imports.awaitFinished(sales, id, WAIT);
    assertThat(E2e.field(done, "status")).isEqualTo("COMPLETED");
    assertThat(E2e.field(done, "processed")).isEqualTo("5");
    assertThat(E2e.field(done, "imported")).isEqualTo("2");
    assertThat(E2e.field(done, "failed")).isEqualTo("3");
    assertThat(E2e.field(done, "skipped")).isEqualTo("0");

    HttpResponse<String> errors = E2e.get("/api/v1/leads/imports/" + id + "/errors", sales);
    assertThat(errors.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(errors.body())
        .startsWith("row,column,reason")
        .contains("3,email,", "4,phone,", "6,,");
    assertThat(E2e.get("/api/v1/leads?tag=" + tag, sales).body())
        .contains("ana." + tag, "\"company\":\"Quoted, Inc\"", "\"stage\":\"won\"")
        .doesNotContain("ben." + tag);
  }

  @Test
  void semicolon_separated_latin1_files_keep_their_accents() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String email = "jose." + UUID.randomUUID().toString().substring(0, 6) + "@x.example";
    byte[] latin1 =
        ("email;first_name;last_name\n" + email + ";José;Müller\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    String id = E2e.field(Imports.upload(admin, "latin1.csv", latin1, Map.of()).body(), "id");
    String done = Imports.awaitFinished(admin, id, WAIT);
    assertThat(done)
        .contains("\"encoding\":\"Latin-1\"", "\"delimiter\":\"semicolon\"", "\"imported\":1");
    assertThat(E2e.get("/api/v1/leads?q=" + email, admin).body())
        .contains("\"firstName\":\"José\"", "\"lastName\":\"Müller\"");
  }

  @Test
  void the_update_policy_fills_existing_leads_and_skip_leaves_them() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String email = "upd." + UUID.randomUUID().toString().substring(0, 6) + "@x.example";
    E2e.send(
        "POST", "/api/v1/leads", admin, "{\"email\":\"" + email + "\",\"company\":\"Kept Co\"}");
    byte[] csv = ("email,title\n" + email + ",CTO\n").getBytes(StandardCharsets.UTF_8);
    String skip =
        Imports.awaitFinished(
            admin, E2e.field(Imports.upload(admin, "a.csv", csv, Map.of()).body(), "id"), WAIT);
    assertThat(skip).contains("\"skipped\":1", "\"updated\":0");
    String update =
        Imports.awaitFinished(
            admin,
            E2e.field(
                Imports.upload(admin, "b.csv", csv, Map.of("duplicatePolicy", "update")).body(),
                "id"),
            WAIT);
    assertThat(update).contains("\"updated\":1");
    assertThat(E2e.get("/api/v1/leads?q=" + email, admin).body())
        .contains("\"title\":\"CTO\"", "\"company\":\"Kept Co\"");
  }

  @Test
  void unusable_uploads_are_refused_at_once_with_a_clear_400_or_413() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    HttpResponse<String> noEmail =
        Imports.upload(
            admin, "x.csv", "name,title\nAna,CTO\n".getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(noEmail.statusCode()).isEqualTo(400);
    assertThat(E2e.field(noEmail.body(), "detail"))
        .contains("Missing required column: email, phone or linkedinUrl");
    HttpResponse<String> noFile =
        Imports.upload(admin, null, null, Map.of("duplicatePolicy", "skip"));
    assertThat(noFile.statusCode()).isEqualTo(400);
    assertThat(E2e.field(noFile.body(), "field")).isEqualTo("file");
    HttpResponse<String> badPolicy =
        Imports.upload(
            admin,
            "x.csv",
            "email\na@b.example\n".getBytes(StandardCharsets.UTF_8),
            Map.of("duplicatePolicy", "merge"));
    assertThat(badPolicy.statusCode()).isEqualTo(400);
    assertThat(E2e.field(badPolicy.body(), "field")).isEqualTo("duplicatePolicy");
    byte[] huge = new byte[21_000_000];
    java.util.Arrays.fill(huge, (byte) 'a');
    System.arraycopy("email\n".getBytes(StandardCharsets.UTF_8), 0, huge, 0, 6);
    HttpResponse<String> tooBig = Imports.upload(admin, "huge.csv", huge, Map.of());
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(E2e.field(tooBig.body(), "detail")).contains("larger than");
  }

  @Test
  void imports_belong_to_their_tenant_and_viewers_cannot_start_one() throws Exception {
    String acme = E2e.token("admin@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    String id =
        E2e.field(
            Imports.upload(
                    acme,
                    "iso.csv",
                    "email\niso@x.example\n".getBytes(StandardCharsets.UTF_8),
                    Map.of())
                .body(),
            "id");
    Imports.awaitFinished(acme, id, WAIT);
    assertThat(E2e.get("/api/v1/leads/imports/" + id, globex).statusCode()).isIn(404, 200);
    if (E2e.get("/api/v1/leads/imports/" + id, globex).statusCode() == 200) {
      // globex has its own import with this number: it must not be acme's file
      assertThat(E2e.get("/api/v1/leads/imports/" + id, globex).body()).doesNotContain("iso.csv");
    }
    assertThat(E2e.get("/api/v1/leads/imports", globex).body()).doesNotContain("iso.csv");
    assertThat(
            Imports.upload(
                    E2e.token("viewer@acme.demo"),
                    "v.csv",
                    "email\nv@x.example\n".getBytes(StandardCharsets.UTF_8),
                    Map.of())
                .statusCode())
        .isEqualTo(403);
  }
}
