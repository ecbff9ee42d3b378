package io.omnireach.app.e2e;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Uploads CSV files as multipart forms and waits for their import jobs. */
final class Imports {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Imports() {}

  static HttpResponse<String> upload(
      String token, String fileName, byte[] csv, Map<String, String> fields) throws Exception {
    String boundary = "----omni" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    if (csv != null) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: text/csv\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(csv);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + "/api/v1/leads/imports"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Polls the import until it is COMPLETED or FAILED; returns its JSON. */
  static String awaitFinished(String token, String id, Duration timeout) throws Exception {
    return org.awaitility.Awaitility.await("import " + id + " finished")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> E2e.get("/api/v1/leads/imports/" + id, token).body(),
            json -> List.of("COMPLETED", "FAILED").contains(E2e.field(json, "status")));
  }
}
