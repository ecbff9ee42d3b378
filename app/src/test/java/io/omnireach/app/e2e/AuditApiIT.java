package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.testing.TestDatabase;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * /api/v1/audit end to end: a sign-in (and a failed one), a settings change, a policy change, a
 * blocked send and an export appear with actor, IP and request id; filters, problem+json on bad
 * dates, the CSV, roles, tenant isolation by content, the Owner's platform view, and the hash chain
 * verified before and after a row is tampered with in SQL.
 */
class AuditApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void appStarted() throws Exception {
    Journeys.awaitReady();
  }

  private static HttpResponse<String> send(
      String method, String path, String token, String body, String requestId) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + path)).header("X-Request-Id", requestId);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<JsonNode> items(String path, String token) throws Exception {
    HttpResponse<String> r = E2e.get(path, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return StreamSupport.stream(JSON.readTree(r.body()).get("items").spliterator(), false).toList();
  }

  private static JsonNode only(List<JsonNode> entries, String action) {
    List<JsonNode> found =
        entries.stream().filter(e -> e.get("action").asText().equals(action)).toList();
    assertThat(found).as("entries %s in %s", action, entries).hasSize(1);
    return found.get(0);
  }

  @Test
  void actions_are_audited_with_actor_ip_and_request_id_and_searchable_by_admins_only()
      throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("aud");
    String admin = t.adminEmail();
    String run = UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> failed =
        send(
            "POST",
            "/api/v1/auth/token",
            null,
            "{\"email\":\"" + admin + "\",\"password\":\"wrong-password\"}",
            "audit-fail-" + run);
    assertThat(failed.statusCode()).isEqualTo(401);
    HttpResponse<String> signIn =
        send(
            "POST",
            "/api/v1/auth/token",
            null,
            "{\"email\":\"" + admin + "\",\"password\":\"" + StripeE2e.PASSWORD + "\"}",
            "audit-signin-" + run);
    assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
    String token = JSON.readTree(signIn.body()).get("access_token").asText();

    HttpResponse<String> settings =
        send(
            "PUT",
            "/api/v1/compliance",
            token,
            "{\"postalAddress\":\"Audit Inc., 1 Main St\"}",
            "audit-settings-" + run);
    assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
    HttpResponse<String> policy =
        send(
            "POST",
            "/api/v1/policies",
            token,
            "{\"kind\":\"max_discount\",\"percent\":15,\"severity\":\"block\"}",
            "audit-policy-" + run);
    assertThat(policy.statusCode()).as(policy.body()).isEqualTo(201);
    long policyId = JSON.readTree(policy.body()).get("id").asLong();
    HttpResponse<String> changed =
        send(
            "PUT",
            "/api/v1/policies/" + policyId,
            token,
            "{\"kind\":\"max_discount\",\"percent\":10,\"severity\":\"block\"}",
            "audit-policy2-" + run);
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    String lead = Journeys.lead(token, "Maria", "Garcia", "Northwind " + run);
    HttpResponse<String> blocked =
        send(
            "POST",
            "/api/v1/leads/" + lead + "/messages",
            token,
            "{\"channel\":\"email\",\"subject\":\"Offer\",\"body\":\"Take 50% off today.\"}",
            "audit-blocked-" + run);
    assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(422);
    assertThat(E2e.get("/api/v1/leads/export", token).statusCode()).isEqualTo(200);

    List<JsonNode> log = items("/api/v1/audit?size=200", token);
    JsonNode in = only(log, "auth.sign-in");
    assertThat(in.get("actor").asText()).isEqualTo(admin);
    assertThat(in.get("tenant").asText()).isEqualTo(t.slug());
    assertThat(in.get("requestId").asText()).isEqualTo("audit-signin-" + run);
    assertThat(in.get("ip").asText()).isNotBlank();
    assertThat(in.get("after").asText()).contains("Admin");
    JsonNode fail = only(log, "auth.sign-in-failed");
    assertThat(fail.get("requestId").asText()).isEqualTo("audit-fail-" + run);
    assertThat(fail.get("after").asText()).contains("bad_credentials");
    JsonNode address = only(log, "settings.postal-address");
    assertThat(address.get("actor").asText()).isEqualTo(admin);
    assertThat(address.get("requestId").asText()).isEqualTo("audit-settings-" + run);
    assertThat(address.get("ip").asText()).isEqualTo(in.get("ip").asText());
    JsonNode created = only(log, "policy.create");
    assertThat(created.get("target").asText()).isEqualTo("" + policyId);
    assertThat(created.get("after").asText()).contains("block", "15");
    assertThat(created.get("requestId").asText()).isEqualTo("audit-policy-" + run);
    JsonNode update = only(log, "policy.update");
    assertThat(update.get("before").asText()).contains("\"percent\":15");
    assertThat(update.get("after").asText()).contains("\"percent\":10");
    JsonNode send = only(log, "send.blocked");
    assertThat(send.get("target").asText()).isEqualTo("lead " + lead);
    assertThat(send.get("requestId").asText()).isEqualTo("audit-blocked-" + run);
    assertThat(only(log, "lead.export").get("after").asText()).isEqualTo("1 leads");
    // newest first, each in its place in the tenant's chain
    assertThat(log.get(0).get("seq").asLong()).isGreaterThan(log.get(1).get("seq").asLong());

    // filters: action prefix, actor, dates
    assertThat(items("/api/v1/audit?action=policy.", token))
        .extracting(e -> e.get("action").asText())
        .containsExactly("policy.update", "policy.create");
    assertThat(items("/api/v1/audit?size=200&actor=" + admin.toUpperCase(), token))
        .hasSize((int) log.stream().filter(e -> e.get("actor").asText().equals(admin)).count())
        .hasSizeGreaterThanOrEqualTo(7);
    assertThat(items("/api/v1/audit?actor=nobody@else.example", token)).isEmpty();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(items("/api/v1/audit?size=200&from=" + today + "&to=" + today, token))
        .hasSize(log.size());
    assertThat(items("/api/v1/audit?from=" + today.plusDays(1), token)).isEmpty();
    assertThat(items("/api/v1/audit?to=" + today.minusDays(1), token)).isEmpty();
    JsonNode page = JSON.readTree(E2e.get("/api/v1/audit?size=2&page=1", token).body());
    assertThat(page.get("items")).hasSize(2);
    assertThat(page.get("more").asBoolean()).isTrue();

    HttpResponse<String> bad = E2e.get("/api/v1/audit?from=yesterday", token);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("from");
    HttpResponse<String> backwards =
        E2e.get("/api/v1/audit.csv?from=" + today + "&to=" + today.minusDays(2), token);
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(backwards.body()).get("field").asText()).isEqualTo("to");

    // CSV: the same entries, parsed as CSV
    HttpResponse<String> csv = E2e.get("/api/v1/audit.csv?action=policy.", token);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv.body()))
            .getRecords();
    assertThat(rows)
        .extracting(r -> r.get("action"))
        .containsExactly("policy.update", "policy.create");
    assertThat(rows.get(0).get("actor")).isEqualTo(admin);
    assertThat(rows.get(0).get("before")).contains("\"percent\":15");
    assertThat(rows.get(0).get("request_id")).isEqualTo("audit-policy2-" + run);
    assertThat(rows.get(1).get("hash")).hasSize(64);

    // another tenant's admin sees none of it (ids repeat across tenants: compare content)
    StripeE2e.NewTenant other = StripeE2e.newTenant("aud2");
    String otherToken = other.token();
    assertThat(items("/api/v1/audit?size=200", otherToken))
        .allSatisfy(
            e -> {
              assertThat(e.get("tenant").asText()).isEqualTo(other.slug());
              assertThat(e.get("actor").asText()).isNotEqualTo(admin);
            });
    assertThat(E2e.get("/api/v1/audit.csv", otherToken).body()).doesNotContain(admin, t.slug());

    // roles: Sales and Viewer may not read it, a tenant admin not the platform's
    String sales = E2e.token("sales@acme.demo");
    assertThat(E2e.get("/api/v1/audit", sales).statusCode()).isEqualTo(403);
    assertThat(E2e.get("/api/v1/audit.csv", sales).statusCode()).isEqualTo(403);
    assertThat(E2e.get("/api/v1/audit/verify", sales).statusCode()).isEqualTo(403);
    assertThat(E2e.get("/api/v1/platform/audit", token).statusCode()).isEqualTo(403);
    assertThat(E2e.get("/api/v1/audit", null).statusCode()).isEqualTo(401);

    // the Owner sees every tenant's, narrowed to one
    String owner = E2e.token("owner@omnireach.demo");
    List<JsonNode> platform = items("/api/v1/platform/audit?size=200&tenant=" + t.slug(), owner);
    assertThat(platform)
        .extracting(e -> e.get("id").asLong())
        .containsExactlyElementsOf(log.stream().map(e -> e.get("id").asLong()).toList());
    assertThat(items("/api/v1/platform/audit?action=tenant.create&size=200", owner))
        .anySatisfy(e -> assertThat(e.get("target").asText()).isEqualTo(other.slug()));
  }

  @Test
  void workflow_and_document_deletions_billing_sessions_and_sign_outs_are_audited()
      throws Exception {
    StripeE2e.fake(); // Checkout and Portal sessions come from the local Stripe fake
    StripeE2e.NewTenant t = StripeE2e.newTenant("aud3");
    String admin = t.adminEmail();
    HttpResponse<String> signIn =
        E2e.send(
            "POST",
            "/api/v1/auth/token",
            null,
            "{\"email\":\"" + admin + "\",\"password\":\"" + StripeE2e.PASSWORD + "\"}");
    assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
    JsonNode tokens = JSON.readTree(signIn.body());
    String token = tokens.get("access_token").asText();

    String workflow =
        E2e.field(
            WorkflowApiIT.created(token, WorkflowApiIT.GRAPH.formatted("one day")).body(), "id");
    assertThat(E2e.send("DELETE", "/api/v1/workflows/" + workflow, token, null).statusCode())
        .isEqualTo(204);
    HttpResponse<String> doc =
        Knowledge.upload(
            token, "pricing-notes.txt", "text/plain", "Prices rise in May.".getBytes());
    assertThat(doc.statusCode()).as(doc.body()).isEqualTo(202); // indexed in the background
    String docId = Knowledge.json(doc).get("id").asText();
    assertThat(E2e.send("DELETE", "/api/v1/knowledge/documents/" + docId, token, null).statusCode())
        .isEqualTo(204);
    HttpResponse<String> checkout = E2e.send("POST", "/api/v1/billing/checkout", token, null);
    assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(200);
    HttpResponse<String> portal = E2e.send("POST", "/api/v1/billing/portal", token, null);
    assertThat(portal.statusCode()).as(portal.body()).isEqualTo(200);
    HttpResponse<String> logout =
        E2e.send(
            "POST",
            "/api/v1/auth/logout",
            null,
            "{\"refresh_token\":\"" + tokens.get("refresh_token").asText() + "\"}");
    assertThat(logout.statusCode()).isEqualTo(204);
    // an unknown refresh token revokes nothing, so it leaves no entry
    assertThat(
            E2e.send("POST", "/api/v1/auth/logout", null, "{\"refresh_token\":\"nope\"}")
                .statusCode())
        .isEqualTo(204);

    List<JsonNode> log =
        items("/api/v1/audit?size=200", E2e.token(admin, StripeE2e.PASSWORD, null));
    JsonNode archived = only(log, "workflow.archive");
    assertThat(archived.get("actor").asText()).isEqualTo(admin);
    assertThat(archived.get("target").asText()).startsWith(workflow + " ");
    assertThat(archived.get("before").asText()).isEqualTo("draft");
    assertThat(archived.get("after").asText()).isEqualTo("archived");
    assertThat(only(log, "knowledge.delete").get("target").asText())
        .isEqualTo(docId + " pricing-notes.txt");
    String customer = only(log, "billing.checkout").get("target").asText();
    assertThat(customer).startsWith("cus_");
    assertThat(only(log, "billing.portal").get("target").asText()).isEqualTo(customer);
    assertThat(log.toString()).doesNotContain(JSON.readTree(checkout.body()).get("url").asText());
    JsonNode out = only(log, "auth.sign-out");
    assertThat(out.get("actor").asText()).isEqualTo(admin);
    assertThat(out.get("tenant").asText()).isEqualTo(t.slug());
    assertThat(out.get("ip").asText()).isNotBlank();

    // another tenant's admin sees none of these
    assertThat(items("/api/v1/audit?size=200", StripeE2e.newTenant("aud4").token()))
        .noneSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo(admin));
  }

  @Test
  void the_chain_verifies_and_a_row_changed_in_sql_is_found() throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("audv");
    String token = t.token();
    for (int percent : new int[] {10, 20, 30}) {
      assertThat(
              E2e.send(
                      "POST",
                      "/api/v1/policies",
                      token,
                      "{\"kind\":\"max_discount\",\"percent\":" + percent + "}")
                  .statusCode())
          .isEqualTo(201);
    }
    JsonNode ok = JSON.readTree(E2e.get("/api/v1/audit/verify", token).body());
    assertThat(ok.get("ok").asBoolean()).as(ok.toString()).isTrue();
    long rows = ok.get("rows").asLong();
    assertThat(rows).isEqualTo(items("/api/v1/audit?size=200", token).size());

    JsonNode second = items("/api/v1/audit?action=policy.create", token).get(1); // the 20 % one
    long id = second.get("id").asLong();
    // an UPDATE is refused outright …
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(TestDatabase.SERVER + System.getProperty("omnireach.test.db", "omnireach_e2e"));
    ds.setUser(TestDatabase.USER);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () ->
                      s.executeUpdate(
                          "update platform.audit_log set detail = 'x' where id = " + id)))
          .hasMessageContaining("append-only");
      // … so the tamperer switches the triggers off (superuser) and rewrites the entry
      c.setAutoCommit(false);
      s.execute("set local session_replication_role = replica");
      s.executeUpdate(
          "update platform.audit_log set detail = 'Discounts up to 90%' where id = " + id);
      c.commit();
    }
    JsonNode broken = JSON.readTree(E2e.get("/api/v1/audit/verify", token).body());
    assertThat(broken.get("ok").asBoolean()).isFalse();
    assertThat(broken.get("brokenId").asLong()).isEqualTo(id);
    assertThat(broken.get("brokenSeq").asLong()).isEqualTo(second.get("seq").asLong());
    assertThat(broken.get("rows").asLong()).isEqualTo(second.get("seq").asLong() - 1);
    assertThat(broken.get("problem").asText()).contains("hash");

    JsonNode all =
        JSON.readTree(
            E2e.get("/api/v1/platform/audit/verify", E2e.token("owner@omnireach.demo")).body());
    assertThat(all.get("ok").asBoolean()).isFalse();
    assertThat(all.get("chains"))
        .anySatisfy(
            c -> {
              assertThat(c.get("tenant").asText()).isEqualTo(t.slug());
              assertThat(c.get("brokenId").asLong()).isEqualTo(id);
            });
  }

  @Test
  void the_openapi_document_describes_the_audit_endpoints_with_examples() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/audit:",
            "/api/v1/audit.csv:",
            "/api/v1/audit/verify:",
            "/api/v1/platform/audit:",
            "/api/v1/platform/audit.csv:",
            "/api/v1/platform/audit/verify:",
            "name: Audit",
            "AuditPage",
            "AuditVerification",
            "its content does not match its hash",
            "from must be a date");
  }
}
