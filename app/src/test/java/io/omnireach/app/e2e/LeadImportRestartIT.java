package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  static final Path WLP = Path.of(System.getProperty("omnireach.wlp", "target/liberty/wlp"));
  static final String SERVER = "omnireach-e2e";

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
    killServer();
    startServer();

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

  private static int awaitProcessedAtLeast(String token, String id, int rows) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      String json = E2e.get("/api/v1/leads/imports/" + id, token).body();
      int processed = Integer.parseInt(E2e.field(json, "processed"));
      if (processed >= rows) {
        return processed;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("import did not progress");
  }

  private static void killServer() throws Exception {
    long pid =
        Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + SERVER + ".pid")).trim());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    server.destroyForcibly();
    server.onExit().get();
  }

  private static void startServer() throws Exception {
    Process p =
        new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", SERVER)
            .inheritIO()
            .start();
    assertThat(p.waitFor()).isZero();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (E2e.get("/health/ready", null).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("server did not come back");
  }
}
