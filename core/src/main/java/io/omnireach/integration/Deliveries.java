package io.omnireach.integration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.audit.AuditLog;
import io.omnireach.channel.HostPolicy;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The delivery log: every webhook event and every HTTP action request is a row, written in the
 * transaction of what caused it (triggers for events, the step for HTTP actions), then claimed here
 * ({@code FOR UPDATE SKIP LOCKED}, so several servers never send one row twice), sent with its
 * signature, and its outcome recorded. Failures are retried by {@link RetryPolicy#WEBHOOK}: 429,
 * 5xx, timeouts and unreachable hosts again later, any other 4xx never. A row left {@code sending}
 * by a crash goes back to the queue when its lease ends (so a receiver may see a delivery twice
 * after a crash: the {@code X-OmniReach-Delivery} id lets it drop the second).
 */
public final class Deliveries {

  public static final String HTTP_ACTION_EVENT = "http_action";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int KEEP_RESPONSE = 2000;

  /** Headers a step may not set: ours, or the transport's. */
  private static final Set<String> RESERVED =
      Set.of(
          "host",
          "content-length",
          "connection",
          "x-omnireach-signature",
          "x-omnireach-delivery",
          "x-omnireach-event",
          "x-omnireach-tenant");

  public enum Status {
    PENDING,
    SENDING,
    DELIVERED,
    FAILED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One row of the log as the settings page and the API show it. */
  public record Delivery(
      long id,
      Long webhookId,
      Long runId,
      String nodeId,
      String event,
      String method,
      String url,
      Status status,
      int attempts,
      Instant nextAttemptAt,
      Integer responseStatus,
      String responseBody,
      String error,
      Integer durationMs,
      Instant createdAt,
      Instant deliveredAt,
      String body) {}

  /** A claimed row, what the sender needs. */
  record Claimed(
      long id,
      Long webhookId,
      String event,
      String method,
      String url,
      Map<String, String> headers,
      String body,
      int attempts) {}

  private final Transactions tx;
  private final SecretBox secrets;
  private final Webhooks webhooks;
  private final HostPolicy hosts;
  private final RetryPolicy retry;
  private final Clock clock;
  private final HttpClient http;

  public Deliveries(
      Transactions tx,
      SecretBox secrets,
      Webhooks webhooks,
      HostPolicy hosts,
      RetryPolicy retry,
      Clock clock) {
    this.tx = tx;
    this.secrets = secrets;
    this.webhooks = webhooks;
    this.hosts = hosts;
    this.retry = retry;
    this.clock = clock;
    // redirects are not followed: a 3xx is the receiver's answer, not a new target to check
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Queues an HTTP action of a workflow step in the step's transaction; the run goes on at once and
   * the log shows the outcome.
   */
  public static long enqueueHttpAction(
      Connection c,
      long runId,
      String nodeId,
      Long leadId,
      String method,
      String url,
      Map<String, String> headers,
      String body)
      throws SQLException {
    for (String name : headers.keySet()) {
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw DomainException.invalid("headers", "The header " + name + " is set by OmniReach.");
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into webhook_deliveries (run_id, node_id, lead_id, event, method, url,"
                + " headers, body) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning id")) {
      ps.setLong(1, runId);
      ps.setString(2, nodeId);
      ps.setObject(3, leadId);
      ps.setString(4, HTTP_ACTION_EVENT);
      ps.setString(5, method);
      ps.setString(6, url);
      ps.setString(7, JSON.writeValueAsString(headers));
      ps.setString(8, body == null ? "" : body);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends what is due for one tenant (at most {@code max} rows), after putting rows whose lease
   * ended back in the queue.
   *
   * @return how many rows were attempted
   */
  public int deliverDue(TenantRef tenant, int max) {
    List<Claimed> claimed = tx.tenant(tenant, c -> claim(c, max));
    for (Claimed d : claimed) {
      deliver(tenant, d);
    }
    return claimed.size();
  }

  private List<Claimed> claim(Connection c, int max) throws SQLException {
    Instant now = clock.instant();
    try (PreparedStatement ps =
        c.prepareStatement(
            "update webhook_deliveries set status = 'pending', lease_until = null"
                + " where status = 'sending' and lease_until < ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.executeUpdate();
    }
    List<Claimed> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "update webhook_deliveries d set status = 'sending', lease_until = ?,"
                + " attempts = attempts + 1 where id in (select id from webhook_deliveries"
                + " where status = 'pending' and next_attempt_at <= ?"
                + " order by next_attempt_at, id limit ? for update skip locked)"
                + " returning id, webhook_id, event, method, url, headers::text, body, attempts")) {
      ps.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
      ps.setTimestamp(2, Timestamp.from(now));
      ps.setInt(3, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Claimed(
                  rs.getLong("id"),
                  (Long) rs.getObject("webhook_id"),
                  rs.getString("event"),
                  rs.getString("method"),
                  rs.getString("url"),
                  headers(rs.getString("headers")),
                  rs.getString("body"),
                  rs.getInt("attempts")));
        }
      }
    }
    return out;
  }

  private void deliver(TenantRef tenant, Claimed d) {
    Instant started = clock.instant();
    Integer status = null;
    String response = null;
    String error = null;
    RetryPolicy.Failure failure = null;
    try {
      String secret =
          tx.tenant(
              tenant,
              c ->
                  d.webhookId() == null
                      ? httpActionSecret(c)
                      : webhooks.secretOf(c, d.webhookId()));
      if (secret == null) {
        throw DomainException.invalid("webhook", "The webhook was deleted.");
      }
      URI uri = URI.create(d.url());
      // checked again at send time: the name may resolve elsewhere than when it was saved
      hosts.check("url", uri.getHost());
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(TIMEOUT)
              .header("User-Agent", "OmniReach-Webhooks/1")
              .header("X-OmniReach-Event", d.event())
              .header("X-OmniReach-Delivery", String.valueOf(d.id()))
              .header("X-OmniReach-Tenant", tenant.slug())
              .header(WebhookSignature.HEADER, WebhookSignature.header(secret, started, d.body()));
      boolean hasBody = !d.body().isEmpty() && !d.method().equals("GET");
      if (hasBody && d.headers().keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
        request.header("Content-Type", "application/json");
      }
      d.headers().forEach(request::header);
      request.method(
          d.method(),
          hasBody
              ? HttpRequest.BodyPublishers.ofString(d.body())
              : HttpRequest.BodyPublishers.noBody());
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      status = r.statusCode();
      response = truncate(r.body());
      failure = classify(status);
    } catch (HttpConnectTimeoutException e) {
      failure = RetryPolicy.Failure.UNREACHABLE;
      error = "Could not connect within 5 s.";
    } catch (HttpTimeoutException e) {
      failure = RetryPolicy.Failure.TIMEOUT;
      error = "No answer within " + TIMEOUT.toSeconds() + " s.";
    } catch (ConnectException e) {
      failure = RetryPolicy.Failure.UNREACHABLE;
      error = "Connection refused.";
    } catch (IOException e) {
      failure = RetryPolicy.Failure.UNREACHABLE;
      error = "I/O error: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = RetryPolicy.Failure.TIMEOUT;
      error = "Interrupted.";
    } catch (DomainException | IllegalArgumentException e) {
      failure = RetryPolicy.Failure.REJECTED;
      error = e.getMessage();
    }
    Instant ended = clock.instant();
    record(tenant, d, status, response, error, failure, ended, started);
  }

  private void record(
      TenantRef tenant,
      Claimed d,
      Integer status,
      String response,
      String error,
      RetryPolicy.Failure failure,
      Instant ended,
      Instant started) {
    Optional<Instant> next =
        failure == null
            ? Optional.empty()
            : retry.nextAttempt(d.attempts(), failure, ended, d.id());
    Status outcome =
        failure == null ? Status.DELIVERED : next.isPresent() ? Status.PENDING : Status.FAILED;
    if (error == null && failure != null) {
      error = "HTTP " + status + (next.isPresent() ? ", will retry" : "");
    }
    String finalError = error;
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update webhook_deliveries set status = ?, lease_until = null,"
                      + " next_attempt_at = coalesce(?, next_attempt_at), response_status = ?,"
                      + " response_body = ?, error = ?, duration_ms = ?, delivered_at = ?"
                      + " where id = ? and status = 'sending'")) {
            ps.setString(1, outcome.code());
            ps.setTimestamp(2, next.map(Timestamp::from).orElse(null));
            ps.setObject(3, status);
            ps.setString(4, response);
            ps.setString(5, failure == null ? null : finalError);
            ps.setInt(6, (int) Duration.between(started, ended).toMillis());
            ps.setTimestamp(7, outcome == Status.DELIVERED ? Timestamp.from(ended) : null);
            ps.setLong(8, d.id());
            ps.executeUpdate();
          }
          return null;
        });
  }

  static RetryPolicy.Failure classify(int status) {
    if (status / 100 == 2) {
      return null;
    }
    if (status == 429) {
      return RetryPolicy.Failure.RATE_LIMITED;
    }
    if (status == 408) {
      return RetryPolicy.Failure.TIMEOUT;
    }
    if (status / 100 == 5) {
      return RetryPolicy.Failure.SERVER_ERROR;
    }
    return RetryPolicy.Failure.REJECTED;
  }

  /** The log, newest first, optionally of one webhook, one run or one status. */
  public List<Delivery> list(
      TenantRef tenant, Long webhookId, Long runId, Status status, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select * from webhook_deliveries where (?::bigint is null or webhook_id = ?)"
                      + " and (?::bigint is null or run_id = ?) and (?::text is null or status = ?)"
                      + " order by id desc limit ?")) {
            ps.setObject(1, webhookId);
            ps.setObject(2, webhookId);
            ps.setObject(3, runId);
            ps.setObject(4, runId);
            ps.setString(5, status == null ? null : status.code());
            ps.setString(6, status == null ? null : status.code());
            ps.setInt(7, Math.max(1, Math.min(limit, 500)));
            List<Delivery> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(delivery(rs));
              }
            }
            return out;
          }
        });
  }

  public Delivery get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> one(c, id));
  }

  /**
   * Sends a failed or delivered row again (a new attempt budget), e.g. after fixing the receiver.
   */
  public Delivery redeliver(TenantRef tenant, long id, String actor) {
    return tx.tenant(
        tenant,
        c -> {
          Delivery d = one(c, id);
          if (d.status() == Status.PENDING || d.status() == Status.SENDING) {
            throw DomainException.conflict("status", "Delivery " + id + " is already queued.");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update webhook_deliveries set status = 'pending', attempts = 0,"
                      + " next_attempt_at = now(), error = null where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          AuditLog.record(
              c, actor, tenant.slug(), "webhook.redelivered", "delivery " + id, d.event());
          return one(c, id);
        });
  }

  /** The tenant's HTTP action signing secret, made on first use. */
  public String httpActionSecret(TenantRef tenant) {
    return tx.tenant(tenant, this::httpActionSecret);
  }

  private String httpActionSecret(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into integration_secrets (name, secret) values ('http_action', ?)"
                + " on conflict (name) do nothing")) {
      ps.setString(1, secrets.encrypt(Webhooks.newSecret()));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("select secret from integration_secrets where name = 'http_action'")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return secrets.decrypt(rs.getString(1));
      }
    }
  }

  private static Delivery one(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select * from webhook_deliveries where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No delivery " + id + ".");
        }
        return delivery(rs);
      }
    }
  }

  private static Delivery delivery(ResultSet rs) throws SQLException {
    Timestamp delivered = rs.getTimestamp("delivered_at");
    return new Delivery(
        rs.getLong("id"),
        (Long) rs.getObject("webhook_id"),
        (Long) rs.getObject("run_id"),
        rs.getString("node_id"),
        rs.getString("event"),
        rs.getString("method"),
        rs.getString("url"),
        Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        rs.getInt("attempts"),
        rs.getTimestamp("next_attempt_at").toInstant(),
        (Integer) rs.getObject("response_status"),
        rs.getString("response_body"),
        rs.getString("error"),
        (Integer) rs.getObject("duration_ms"),
        rs.getTimestamp("created_at").toInstant(),
        delivered == null ? null : delivered.toInstant(),
        rs.getString("body"));
  }

  private static Map<String, String> headers(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      return Map.of();
    }
  }

  private static String truncate(String s) {
    return s == null || s.length() <= KEEP_RESPONSE ? s : s.substring(0, KEEP_RESPONSE) + "…";
  }
}
