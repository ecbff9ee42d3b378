package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Kills the server (kill -9) in the middle of an import, starts it again, and checks that the job
 * resumes from its checkpoint: every row imported once, none lost, none twice.
 */
class LeadImportRestartIT {

  static final int ROWS = 120_000;

  @Test
  void an_import_cut_off_by_a_crash_resumes_without_losing_or_repeating_rows() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String tag = "crash" + UUID.randomUUID().toString().substring(0, 6);
    StringBuilder csv = new StringBuilder("email,first_name,company,tags\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append(tag)
          .append('.')
          .append(i)
          .append("@bulk.example,Lead ")
          .append(i)
          .append(",Bulk Co,")
          .append(tag)
          .append('\n');
    }
    String id =
        E2e.field(
            Imports.upload(
                    admin, "crash.csv", csv.toString().getBytes(StandardCharsets.UTF_8), Map.of())
                .body(),
            "id");

    int before = awaitProcessedAtLeast(admin, id, 3_000);
    assertThat(before).isLessThan(ROWS);
    E2eServer.kill();
    E2eServer.start();

    String token = E2e.token("admin@acme.demo");
    String done = Imports.awaitFinished(token, id, Duration.ofMinutes(3));
    assertThat(E2e.field(done, "status")).isEqualTo("COMPLETED");
    assertThat(E2e.field(done, "processed")).isEqualTo(Integer.toString(ROWS));
    assertThat(E2e.field(done, "imported")).isEqualTo(Integer.toString(ROWS));
    assertThat(E2e.field(done, "failed")).isEqualTo("0");
    String export = E2e.get("/api/v1/leads/export?tag=" + tag, token).body();
    assertThat(export.lines().count() - 1).isEqualTo(ROWS);
    System.out.printf(
        "restart test: killed after %d of %d rows; resumed and finished with %d leads%n",
        before, ROWS, ROWS);
  }

  private static int awaitProcessedAtLeast(String token, String id, int rows) {
    String json =
        org.awaitility.Awaitility.await("import " + id + " processed " + rows + " rows")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> E2e.get("/api/v1/leads/imports/" + id, token).body(),
                j -> Integer.parseInt(E2e.field(j, "processed")) >= rows);
    return Integer.parseInt(E2e.field(json, "processed"));
  }
}
