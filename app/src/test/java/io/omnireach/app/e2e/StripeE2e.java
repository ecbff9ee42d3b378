package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.billing.testing.StripeEvents;
import io.omnireach.billing.testing.StripeFake;
import io.omnireach.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the Stripe ITs share: the local Stripe fake on the port the e2e server's {@code
 * OMNIREACH_STRIPE_API_BASE} names (system property {@code omnireach.e2e.stripe.port}), webhooks
 * signed with the library's own signing code and the server's secret, a fresh tenant per test (so
 * the other ITs' usage is not in the totals), and the usage ledger read straight from the e2e
 * database (the source of truth Stripe is reconciled against).
 */
final class StripeE2e {

  static final int PORT = Integer.getInteger("omnireach.e2e.stripe.port", 12111);
  static final String SECRET =
      System.getProperty("omnireach.e2e.stripe.webhook-secret", "whsec_omnireach_e2e");
  static final String PASSWORD = "stripe-e2e-passphrase";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A tenant made for one test, and its first admin. */
  record NewTenant(long id, String slug, String adminEmail) {
    String token() throws Exception {
      return E2e.token(adminEmail, PASSWORD, null);
    }
  }

  private StripeE2e() {}

  private static StripeFake shared;

  /**
   * The one fake of the test run: like Stripe, it outlives each test class (the e2e database keeps
   * the customer ids it gave out). Stopped when the test JVM ends.
   */
  static synchronized StripeFake fake() {
    if (shared == null) {
      shared = StripeFake.start(PORT);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  static NewTenant newTenant(String prefix) throws Exception {
    String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    String admin = "admin@" + slug + ".example";
    ObjectNode body =
        JSON.createObjectNode()
            .put("slug", slug)
            .put("displayName", "Billing " + slug)
            .put("adminEmail", admin)
            .put("adminName", "Ada Admin")
            .put("adminPassword", PASSWORD);
    HttpResponse<String> r =
        E2e.send("POST", "/api/v1/tenants", E2e.token("owner@omnireach.demo"), body.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new NewTenant(JSON.readTree(r.body()).get("id").asLong(), slug, admin);
  }

  /** An invoice event (the invoice as the fake holds it), as Stripe sends it. */
  static String event(String id, String type, Instant created, JsonNode object) {
    return StripeEvents.event(id, type, created, object);
  }

  /** Posts a payload to the webhook with a {@code Stripe-Signature} made by stripe-java. */
  static HttpResponse<String> deliver(String payload) throws Exception {
    return deliver(payload, StripeEvents.sign(payload, SECRET));
  }

  static HttpResponse<String> deliver(String payload, String signature) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + "/api/v1/billing/stripe/webhook"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (signature != null) {
      b.header("Stripe-Signature", signature);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The customer the server created for a tenant (by the metadata it sets). */
  static String customerOf(StripeFake stripe, NewTenant tenant) {
    return await("a Stripe customer for " + tenant.slug())
        .atMost(Duration.ofMinutes(2))
        .until(
            () -> stripe.customerWithMetadata("omnireach_slug", tenant.slug()), o -> o.isPresent())
        .orElseThrow();
  }

  /** Sum of a tenant's usage events of one meter (the exactly-once ledger). */
  static long ledger(long tenantId, String meter) throws Exception {
    return query(
        "select coalesce(sum(quantity), 0) from usage_events where tenant_id = ? and meter = ?",
        tenantId,
        meter);
  }

  /** A count or sum over the e2e server's platform schema, with a tenant id and a text bound. */
  static long query(String sql, long tenantId, String text) throws Exception {
    return read(
        sql,
        ps -> {
          ps.setLong(1, tenantId);
          if (text != null) {
            ps.setString(2, text);
          }
        },
        rs -> rs.next() ? rs.getLong(1) : 0L);
  }

  /** A count over the e2e server's platform schema with one text bound. */
  static long count(String sql, String text) throws Exception {
    return read(sql, ps -> ps.setString(1, text), rs -> rs.next() ? rs.getLong(1) : 0L);
  }

  /** The first column of every row, for one bound id. */
  static List<Long> ids(String sql, long id) throws Exception {
    return read(
        sql,
        ps -> ps.setLong(1, id),
        rs -> {
          List<Long> ids = new ArrayList<>();
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
          return ids;
        });
  }

  /** The first column of the first row as text (null when no row), for one bound id. */
  static String text(String sql, long id) throws Exception {
    return read(sql, ps -> ps.setLong(1, id), rs -> rs.next() ? rs.getString(1) : null);
  }

  private interface Bind {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private interface Read<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static <T> T read(String sql, Bind bind, Read<T> read) throws SQLException {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(TestDatabase.SERVER + System.getProperty("omnireach.test.db", "omnireach_e2e"));
    ds.setUser(TestDatabase.USER);
    try (Connection c = ds.getConnection()) {
      c.createStatement().execute("set search_path to platform");
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          return read.read(rs);
        }
      }
    }
  }
}
