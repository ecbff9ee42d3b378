package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Uploaded CSV files (personal data) do not stay on the server: the file is deleted when its import
 * finishes, and the tenant's upload folder, with any file still waiting in it, goes with the
 * tenant. The folder is the server's default {@code <server output>/imports/<tenant>}.
 */
class UploadFilesApiIT {

  static final Path IMPORTS =
      Path.of(System.getProperty("omnireach.wlp", "target/liberty/wlp"))
          .resolve("usr/servers/omnireach-e2e/imports");

  @Test
  void the_file_is_gone_after_its_import_and_the_folder_goes_with_the_tenant() throws Exception {
    Journeys.awaitReady();
    String owner = E2e.token("owner@omnireach.demo");
    String slug = "files-" + UUID.randomUUID().toString().substring(0, 6);
    String email = "admin@" + slug + ".example";
    HttpResponse<String> created =
        E2e.send(
            "POST",
            "/api/v1/tenants",
            owner,
            "{\"slug\":\""
                + slug
                + "\",\"displayName\":\"Files\",\"adminEmail\":\""
                + email
                + "\",\"adminName\":\"Fay\",\"adminPassword\":\"a-long-secret-passphrase\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String admin = E2e.token(email, "a-long-secret-passphrase", null);

    byte[] csv = "email,first_name\nada@files.example,Ada\n".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> accepted = Imports.upload(admin, "leads.csv", csv, Map.of());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String done =
        Imports.awaitFinished(admin, E2e.field(accepted.body(), "id"), Duration.ofSeconds(60));
    assertThat(E2e.field(done, "status")).isEqualTo("COMPLETED");
    Path folder = IMPORTS.resolve(slug);
    assertThat(folder).isDirectory();
    assertThat(files(folder)).as("uploads left after the import").isEmpty();

    // a file still waiting for its import (the wizard keeps one while the columns are mapped)
    Files.writeString(folder.resolve(UUID.randomUUID() + ".csv"), "email\nbo@files.example\n");
    HttpResponse<String> deleted = E2e.send("DELETE", "/api/v1/tenants/" + slug, owner, null);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    assertThat(folder).doesNotExist();
  }

  private static List<Path> files(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}
