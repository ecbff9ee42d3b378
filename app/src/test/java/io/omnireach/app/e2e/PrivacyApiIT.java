package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.omnireach.common.ContactHashes;
import io.omnireach.db.Transactions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * GDPR through the real server: a lead with a sent email (GreenMail), a reply, a signal, a history
 * text, a task and a graph edge is exported (the zip read back with Jackson) and erased (every
 * table queried afterwards), its address stays suppressed as a hash (a later send and an import are
 * refused), and globex can neither export nor erase nor read acme's requests.
 */
class PrivacyApiIT {

  static final String SMTP_PASSWORD = "smtp-pw-" + UUID.randomUUID();
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  static String admin;
  static String sales;
  static String globex;
  static Transactions db;

  @BeforeAll
  static void tokens() throws Exception {
    Journeys.awaitReady();
    admin = E2e.token("admin@acme.demo");
    sales = E2e.token("sales@acme.demo");
    globex = E2e.token("admin@globex.demo");
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(
        "jdbc:postgresql://127.0.0.1:5432/"
            + System.getProperty("omnireach.test.db", "omnireach_e2e"));
    ds.setUser("postgres");
    db = new Transactions(ds);
  }

  static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  /** Rows of an acme table matching a condition; every {@code ?} is {@code param}. */
  static long count(String table, String where, Object param) {
    return db.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select count(*) from tenant_acme." + table + " where " + where)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
              ps.setObject(i, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  static void sql(String statement, Object... params) {
    db.platform(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
              ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
          }
          return null;
        });
  }

  static JsonNode awaitFinished(String path) {
    return Awaitility.await(path + " finished")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> json(E2e.get(path, admin), 200),
            j -> List.of("COMPLETED", "FAILED").contains(j.path("status").asText()));
  }

  static Map<String, String> unzip(byte[] zip) throws Exception {
    Map<String, String> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  static HttpResponse<byte[]> download(String url, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + url))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  String mailbox() throws Exception {
    String body =
        "{\"name\":\"Privacy "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + smtp.getSmtp().getPort()
            + ",\"username\":\"relay\",\"password\":\""
            + SMTP_PASSWORD
            + "\",\"tls\":false,\"fromAddress\":\"elena@acme.example\","
            + "\"fromName\":\"Elena Marsh\",\"dailyCap\":50}";
    return json(E2e.sendOnceMigrated("POST", "/api/v1/mailboxes", admin, body), 201)
        .path("id")
        .asText();
  }

  static String newLead(String email) throws Exception {
    return json(
            E2e.send(
                "POST",
                "/api/v1/leads",
                sales,
                "{\"firstName\":\"Ingrid\",\"lastName\":\"Nygaard\",\"email\":\""
                    + email
                    + "\",\"phone\":\"+4791234567\",\"company\":\"Fjord Freight\","
                    + "\"customFields\":{\"shoeSize\":\"42\"}}"),
            201)
        .path("id")
        .asText();
  }

  @Test
  void a_lead_is_exported_then_erased_everywhere_and_never_contacted_again() throws Exception {
    String mailboxId = mailbox();
    String email = "ingrid-" + UUID.randomUUID().toString().substring(0, 8) + "@fjord.example";
    String leadId = newLead(email);
    long lead = Long.parseLong(leadId);

    // a real send through the outbox, then what other parts of the product store about her
    String messageId =
        json(
                E2e.send(
                    "POST",
                    "/api/v1/leads/" + leadId + "/messages",
                    sales,
                    "{\"mailboxId\":"
                        + mailboxId
                        + ",\"subject\":\"Pallets to Bergen\",\"body\":\"Hi Ingrid, a word on"
                        + " pallets.\"}"),
                202)
            .path("id")
            .asText();
    assertThat(E2e.field(E2e.settledMessage(sales, messageId), "status")).isEqualTo("SENT");
    String rawId = "<" + UUID.randomUUID() + "@fjord.example>";
    sql(
        "insert into tenant_acme.replies (message_id, lead_id, from_address, subject, body,"
            + " classification, raw_message_id) values (?, ?, ?, 'Re: Pallets to Bergen',"
            + " 'Yes, call me on Tuesday.', 'INTERESTED', ?)",
        Long.parseLong(messageId),
        lead,
        email,
        rawId);
    sql(
        "insert into tenant_acme.lead_signals (lead_id, kind, occurred_at) values (?, 'REPLY',"
            + " now())",
        lead);
    sql(
        "insert into tenant_acme.lead_history_chunks (lead_id, message_id, occurred_at, title,"
            + " text, embedding) values (?, ?, now(), 'Email: Pallets to Bergen', 'Hi Ingrid, a"
            + " word on pallets.', array_fill(0.1, array[384])::real[]::extensions.vector)"
            + " on conflict (message_id) do nothing",
        lead,
        Long.parseLong(messageId));
    sql("insert into tenant_acme.workflow_tasks (lead_id, title) values (?, 'Call Ingrid')", lead);
    String peer = newLead("peer-" + UUID.randomUUID().toString().substring(0, 8) + "@x.example");
    json(
        E2e.send(
            "POST",
            "/api/v1/leads/" + leadId + "/connections",
            sales,
            "{\"kind\":\"knows\",\"leadId\":" + peer + "}"),
        201);

    // export: Admin only, acme only
    assertThat(
            E2e.send("POST", "/api/v1/leads/" + leadId + "/gdpr-export", sales, null).statusCode())
        .isEqualTo(403);
    HttpResponse<String> foreign =
        E2e.send("POST", "/api/v1/leads/" + leadId + "/gdpr-export", globex, null);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode accepted =
        json(E2e.send("POST", "/api/v1/leads/" + leadId + "/gdpr-export", admin, null), 202);
    String exportId = accepted.path("id").asText();
    assertThat(E2e.get("/api/v1/gdpr-exports/" + exportId, globex).statusCode()).isEqualTo(404);
    assertThat(download("/api/v1/gdpr-exports/" + exportId + "/archive", globex).statusCode())
        .isEqualTo(404);
    assertThat(E2e.get("/api/v1/gdpr-exports/999999", admin).statusCode()).isEqualTo(404);

    JsonNode export = awaitFinished("/api/v1/gdpr-exports/" + exportId);
    assertThat(export.path("status").asText()).as(export.toString()).isEqualTo("COMPLETED");
    assertThat(export.path("progress").asDouble()).isEqualTo(1.0);
    assertThat(export.path("counts").path("messages").asInt()).isEqualTo(1);
    HttpResponse<byte[]> zip = download(export.path("archiveUrl").asText(), admin);
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
    Map<String, String> files = unzip(zip.body());
    assertThat(files)
        .containsKeys(
            "README.txt",
            "lead.json",
            "messages.json",
            "message_events.json",
            "replies.json",
            "tasks.json",
            "signals.json",
            "history_texts.json",
            "connections.json",
            "graph_edges.json",
            "deals.json");
    assertThat(files.get("README.txt")).contains("lead " + leadId, "messages.json  1 record");
    JsonNode leadJson = JSON.readTree(files.get("lead.json"));
    assertThat(leadJson.path("email").asText()).isEqualTo(email);
    assertThat(leadJson.path("custom_fields").path("shoeSize").asText()).isEqualTo("42");
    JsonNode messages = JSON.readTree(files.get("messages.json"));
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).path("subject").asText()).isEqualTo("Pallets to Bergen");
    assertThat(JSON.readTree(files.get("message_events.json")).findValuesAsText("type"))
        .contains("SENT");
    assertThat(JSON.readTree(files.get("replies.json")).get(0).path("body").asText())
        .isEqualTo("Yes, call me on Tuesday.");
    JsonNode history = JSON.readTree(files.get("history_texts.json"));
    // the history indexer may also have indexed the reply by now: order is not fixed
    assertThat(history.findValuesAsText("text")).anyMatch(t -> t.contains("a word on pallets"));
    history.forEach(chunk -> assertThat(chunk.has("embedding")).isFalse());
    assertThat(JSON.readTree(files.get("tasks.json")).get(0).path("title").asText())
        .isEqualTo("Call Ingrid");
    assertThat(JSON.readTree(files.get("signals.json"))).hasSize(1);
    assertThat(JSON.readTree(files.get("connections.json")).get(0).path("peer_lead_id").asText())
        .isEqualTo(peer);

    // erasure: Admin only, acme only
    assertThat(E2e.send("POST", "/api/v1/leads/" + leadId + "/erase", sales, null).statusCode())
        .isEqualTo(403);
    assertThat(E2e.send("POST", "/api/v1/leads/" + leadId + "/erase", globex, null).statusCode())
        .isEqualTo(404);
    String erasureId =
        json(E2e.send("POST", "/api/v1/leads/" + leadId + "/erase", admin, null), 202)
            .path("id")
            .asText();
    assertThat(E2e.get("/api/v1/gdpr-erasures/" + erasureId, globex).statusCode()).isEqualTo(404);
    assertThat(E2e.get("/api/v1/gdpr-exports/" + erasureId, admin).statusCode()).isEqualTo(404);
    JsonNode erasure = awaitFinished("/api/v1/gdpr-erasures/" + erasureId);
    assertThat(erasure.path("status").asText()).as(erasure.toString()).isEqualTo("COMPLETED");
    assertThat(erasure.path("counts").path("messages").asInt()).isEqualTo(1);
    assertThat(erasure.path("counts").path("lead").asInt()).isEqualTo(1);

    assertThat(E2e.get("/api/v1/leads/" + leadId, admin).statusCode()).isEqualTo(404);
    assertThat(E2e.get("/api/v1/messages/" + messageId, admin).statusCode()).isEqualTo(404);
    assertThat(count("leads", "id = ?", lead)).isZero();
    assertThat(count("leads", "lower(email) = ?", email)).isZero();
    assertThat(count("messages", "lead_id = ? or to_address = '" + email + "'", lead)).isZero();
    assertThat(count("message_events", "message_id = ?", Long.parseLong(messageId))).isZero();
    assertThat(count("replies", "lead_id = ? or from_address = '" + email + "'", lead)).isZero();
    assertThat(count("lead_signals", "lead_id = ?", lead)).isZero();
    assertThat(count("lead_history_chunks", "lead_id = ?", lead)).isZero();
    assertThat(count("workflow_tasks", "lead_id = ? or title = 'Call Ingrid'", lead)).isZero();
    assertThat(count("lead_connections", "lead_id = ? or peer_lead_id = ?", lead)).isZero();
    assertThat(count("graph_edges", "lead_id = ?", lead)).isZero();
    assertThat(count("workflow_runs", "lead_id = ?", lead)).isZero();
    assertThat(count("deals", "lead_id = ?", lead)).isZero();
    assertThat(count("meetings", "lead_id = ?", lead)).isZero();
    assertThat(count("ai_call", "lead_id = ?", lead)).isZero();
    assertThat(count("suppressions", "email = ?", email)).isZero();
    assertThat(count("privacy_requests", "lead_id = ? and archive is not null", lead)).isZero();
    assertThat(count("suppression_hashes", "hash = ?", ContactHashes.email(email))).isEqualTo(1);
    assertThat(count("suppression_hashes", "hash = ?", ContactHashes.phone("+47 912 34 567")))
        .isEqualTo(1);
    assertThat(download(export.path("archiveUrl").asText(), admin).statusCode()).isEqualTo(409);
    assertThat(json(E2e.get("/api/v1/audit?action=privacy.", admin), 200).toString())
        .contains("privacy.erase.requested", "privacy.export.downloaded")
        .doesNotContain(email);

    // never contacted again: a hand send to the same address is refused, so is an import of it
    String again = newLead(email.toUpperCase());
    HttpResponse<String> refused =
        E2e.send(
            "POST",
            "/api/v1/leads/" + again + "/messages",
            sales,
            "{\"mailboxId\":" + mailboxId + ",\"subject\":\"Hello again\",\"body\":\"Hi.\"}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("erased");
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    String csv =
        "email,first_name\n" + email + ",Ingrid\nok-" + UUID.randomUUID() + "@x.example,Ok\n";
    HttpResponse<String> upload =
        Imports.upload(sales, "again.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    String done =
        Imports.awaitFinished(sales, E2e.field(upload.body(), "id"), Duration.ofSeconds(60));
    assertThat(E2e.field(done, "failed")).isEqualTo("1");
    assertThat(E2e.field(done, "imported")).isEqualTo("1");
    assertThat(
            E2e.get("/api/v1/leads/imports/" + E2e.field(upload.body(), "id") + "/errors", sales)
                .body())
        .contains("erased at their request");
  }

  @Test
  void retention_settings_are_admin_only_validated_and_per_tenant() throws Exception {
    assertThat(E2e.get("/api/v1/privacy/retention", sales).statusCode()).isEqualTo(403);
    HttpResponse<String> bad =
        E2e.send("PUT", "/api/v1/privacy/retention", admin, "{\"aiCacheDays\":0}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(bad, 400).path("detail").asText()).contains("aiCacheDays");
    JsonNode saved =
        json(
            E2e.send(
                "PUT",
                "/api/v1/privacy/retention",
                admin,
                "{\"messageBodyMonths\":24,\"replyBodyMonths\":12,\"aiCacheDays\":30}"),
            200);
    assertThat(saved.path("messageBodyMonths").asInt()).isEqualTo(24);
    JsonNode read = json(E2e.get("/api/v1/privacy/retention", admin), 200);
    assertThat(read.path("replyBodyMonths").asInt()).isEqualTo(12);
    assertThat(read.path("aiCacheDays").asInt()).isEqualTo(30);
    assertThat(read.path("signalDays").isNull()).isTrue();
    JsonNode other = json(E2e.get("/api/v1/privacy/retention", globex), 200);
    assertThat(other.path("messageBodyMonths").isNull()).as(other.toString()).isTrue();
    json(E2e.send("PUT", "/api/v1/privacy/retention", admin, "{}"), 200);
  }
}
