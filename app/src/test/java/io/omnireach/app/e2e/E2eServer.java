package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The e2e Liberty server as a process: killed with kill -9 and started again by crash tests. */
final class E2eServer {

  static final Path WLP = Path.of(System.getProperty("omnireach.wlp", "target/liberty/wlp"));
  static final String SERVER = "omnireach-e2e";

  private E2eServer() {}

  /** kill -9: no shutdown hooks, no batch job stopped cleanly, no transaction finished. */
  static void kill() throws Exception {
    long pid =
        Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + SERVER + ".pid")).trim());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    server.destroyForcibly();
    server.onExit().get();
  }

  /** {@code server start}, then waits until the application reports ready. */
  static void start() throws Exception {
    Process p =
        new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", SERVER)
            .inheritIO()
            .start();
    assertThat(p.waitFor()).isZero();
    awaitReady();
  }

  /** On a busy machine the application may be ready well after Liberty says it started. */
  static void awaitReady() {
    await("the application is ready")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> E2e.get("/health/ready", null).statusCode() == 200);
  }
}
