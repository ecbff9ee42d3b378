package io.omnireach.sdk;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Leads and their CSV import ({@code /api/v1/leads}). */
public final class LeadsApi {

  private final Http http;
  private final Duration pollInterval;

  LeadsApi(Http http, Duration pollInterval) {
    this.http = http;
    this.pollInterval = pollInterval;
  }

  /**
   * One page of leads.
   *
   * @param q text in name, email or company, or null
   * @param cursor the previous page's {@code nextCursor}, null for the first
   * @param limit 1 to 200
   */
  public Lead.Page list(String q, String cursor, int limit) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("q", q);
    params.put("cursor", cursor);
    params.put("limit", limit);
    return http.get("/api/v1/leads" + Http.query(params), Lead.Page.class);
  }

  public Lead get(long id) {
    return http.get("/api/v1/leads/" + id, Lead.class);
  }

  /**
   * Uploads the CSV (streamed from the file, not read into memory) and returns at once with the
   * job's first state (STARTING).
   */
  public LeadImport startImport(Path csv, LeadImport.DuplicatePolicy duplicates) {
    if (!Files.isReadable(csv)) {
      throw new UncheckedIOException("cannot read " + csv, new NoSuchFileException(csv.toString()));
    }
    String boundary = "----omnireach-sdk-" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    if (duplicates != null) {
      head.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"duplicatePolicy\"\r\n\r\n")
          .append(duplicates.wire())
          .append("\r\n");
    }
    head.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(csv.getFileName().toString().replace("\"", ""))
        .append("\"\r\nContent-Type: text/csv\r\n\r\n");
    HttpRequest.BodyPublisher body;
    try {
      body =
          HttpRequest.BodyPublishers.concat(
              HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8),
              HttpRequest.BodyPublishers.ofFile(csv),
              HttpRequest.BodyPublishers.ofString(
                  "\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
    LeadImport started =
        http.post(
            "/api/v1/leads/imports",
            "multipart/form-data; boundary=" + boundary,
            body,
            LeadImport.class);
    return importStatus(started.id());
  }

  public LeadImport importStatus(long id) {
    return http.get("/api/v1/leads/imports/" + id, LeadImport.class);
  }

  /**
   * Uploads the CSV and follows the import job until it is COMPLETED or FAILED, telling {@code
   * progress} each state it reads (first STARTING, last the finished one).
   */
  public LeadImport importCsv(
      Path csv, LeadImport.DuplicatePolicy duplicates, Consumer<LeadImport> progress) {
    LeadImport state = startImport(csv, duplicates);
    progress.accept(state);
    while (!state.status().finished()) {
      pause();
      state = importStatus(state.id());
      progress.accept(state);
    }
    return state;
  }

  private void pause() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while following the import", e);
    }
  }
}
