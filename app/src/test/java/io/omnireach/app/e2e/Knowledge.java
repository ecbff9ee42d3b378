package io.omnireach.app.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Uploads knowledge documents as multipart forms and waits for their indexing jobs. */
final class Knowledge {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Knowledge() {}

  static HttpResponse<String> upload(String token, String fileName, String type, byte[] content)
      throws Exception {
    return upload("/api/v1/knowledge/documents", token, fileName, type, content);
  }

  /** POSTs a multipart form with the file as field "file" (no file: only another field). */
  static HttpResponse<String> upload(
      String path, String token, String fileName, String type, byte[] content) throws Exception {
    String boundary = "----omni" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (content != null) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: "
                  + type
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    } else {
      body.writeBytes(
          ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** Polls the document until READY or FAILED; returns its JSON. */
  static JsonNode awaitIndexed(String token, long id) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              JsonNode d = json(E2e.get("/api/v1/knowledge/documents/" + id, token));
              last.set(d);
              String s = d.path("status").asText();
              return s.equals("READY") || s.equals("FAILED");
            });
    return last.get();
  }
}
