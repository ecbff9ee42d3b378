package io.omnireach.meeting;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.lead.MeetingLink;
import io.omnireach.tenant.TenantRef;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tenant's Calendly connection. Connecting checks the personal access token with {@code GET
 * /users/me} (a refused token is UNPROCESSABLE, nothing stored), takes the scheduling link given or
 * the user's own, and subscribes {@code <public URL>/webhooks/calendly} to invitee.created and
 * invitee.canceled under a signing key (given, or 32 random bytes), replacing the subscription of
 * an earlier connection. Token and signing key are sealed with {@link SecretBox} like the Twilio
 * auth token; the token is never returned, only its last four characters.
 */
public final class CalendlyAccounts {

  private static final Logger LOG = Logger.getLogger(CalendlyAccounts.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  public static final String WEBHOOK_PATH = "/webhooks/calendly";

  /** The connection as shown: no token, no signing key. */
  public record View(
      String tokenLast4,
      String schedulingUrl,
      String userUri,
      String organizationUri,
      String webhookUri,
      String webhookUrl,
      Instant updatedAt,
      String updatedBy) {}

  /**
   * What an Admin sends: a blank {@code token} keeps the stored one, a blank {@code schedulingUrl}
   * takes the user's from Calendly, a blank {@code signingKey} makes a new random one.
   */
  public record Connect(String token, String schedulingUrl, String signingKey) {}

  /** What the webhook needs to check a delivery. */
  record Signing(String key, String userUri) {}

  private final Transactions tx;
  private final SecretBox secrets;
  private final CalendlyClient client;
  private final String webhookUrl;
  private final Clock clock;

  public CalendlyAccounts(
      Transactions tx, SecretBox secrets, CalendlyClient client, String publicUrl, Clock clock) {
    this.tx = tx;
    this.secrets = secrets;
    this.client = client;
    this.webhookUrl = publicUrl.replaceAll("/+$", "") + WEBHOOK_PATH;
    this.clock = clock;
  }

  public View connect(TenantRef tenant, Connect in, String actor) {
    String given = blankToNull(in.token());
    if (given != null && (given.length() > 2000 || given.contains(" "))) {
      throw DomainException.invalid("token", "token is not a Calendly personal access token.");
    }
    String link = blankToNull(in.schedulingUrl());
    if (link != null) {
      checkLink(link);
    }
    String key = blankToNull(in.signingKey());
    if (key != null && (key.length() < 16 || key.length() > 200)) {
      throw DomainException.invalid("signingKey", "signingKey must be 16 to 200 characters long.");
    }
    Optional<Stored> old = tx.tenant(tenant, this::stored);
    String token =
        given != null
            ? given
            : old.map(Stored::token)
                .orElseThrow(
                    () ->
                        DomainException.invalid(
                            "token", "token is required: a Calendly personal access token."));
    CalendlyClient.Me me = client.me(token);
    if (link == null) {
      link = me.schedulingUrl();
      if (link == null) {
        throw DomainException.unprocessable(
            "schedulingUrl", "Calendly has no scheduling link for this user: give schedulingUrl.");
      }
    }
    // Calendly keeps one subscription per URL: the earlier connection's goes first
    old.filter(o -> o.webhookUri() != null)
        .ifPresent(
            o -> {
              try {
                client.unsubscribe(o.token(), o.webhookUri());
              } catch (DomainException e) {
                LOG.log(
                    Level.WARNING, "old Calendly subscription of " + tenant.slug() + " kept", e);
              }
            });
    String signingKey = key != null ? key : randomKey();
    String webhookUri =
        client.subscribe(token, webhookUrl, me.organizationUri(), me.uri(), signingKey);
    String schedulingUrl = link;
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into calendly_settings (id, token_enc, token_last4, scheduling_url,"
                      + " user_uri, organization_uri, webhook_uri, signing_key_enc, updated_at,"
                      + " updated_by) values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " on conflict (id) do update set token_enc = excluded.token_enc,"
                      + " token_last4 = excluded.token_last4,"
                      + " scheduling_url = excluded.scheduling_url, user_uri = excluded.user_uri,"
                      + " organization_uri = excluded.organization_uri,"
                      + " webhook_uri = excluded.webhook_uri,"
                      + " signing_key_enc = excluded.signing_key_enc,"
                      + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
            ps.setString(1, secrets.encrypt(token));
            ps.setString(2, token.length() <= 4 ? token : token.substring(token.length() - 4));
            ps.setString(3, schedulingUrl);
            ps.setString(4, me.uri());
            ps.setString(5, me.organizationUri());
            ps.setString(6, webhookUri);
            ps.setString(7, secrets.encrypt(signingKey));
            ps.setTimestamp(8, Timestamp.from(clock.instant()));
            ps.setString(9, actor);
            ps.executeUpdate();
          }
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "settings.calendly",
              schedulingUrl,
              old.isPresent() ? "connected" : null,
              "connected"
                  + (given != null ? ", new token" : "")
                  + (key != null ? ", new signing key" : ""));
          return view(c).orElseThrow();
        });
  }

  public Optional<View> get(TenantRef tenant) {
    return tx.tenant(tenant, this::view);
  }

  /** Deletes the webhook subscription at Calendly (best effort) and the stored connection. */
  public void disconnect(TenantRef tenant, String actor) {
    Stored old =
        tx.tenant(tenant, this::stored)
            .orElseThrow(() -> DomainException.notFound("Calendly is not connected."));
    if (old.webhookUri() != null) {
      try {
        client.unsubscribe(old.token(), old.webhookUri());
      } catch (DomainException e) {
        LOG.log(
            Level.WARNING,
            "Calendly subscription of " + tenant.slug() + " not deleted (" + actor + ")",
            e);
      }
    }
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("delete from calendly_settings")) {
            ps.executeUpdate();
          }
          AuditLog.record(
              c, actor, tenant.slug(), "settings.calendly", null, "connected", "disconnected");
          return null;
        });
  }

  /** The scheduling link drafts and merge fields use, when Calendly is connected. */
  public Optional<String> schedulingUrl(TenantRef tenant) {
    return tx.tenant(tenant, c -> Optional.ofNullable(MeetingLink.schedulingUrl(c)));
  }

  /** The signing key and user of the tenant's subscription, or null when not connected. */
  Signing signing(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select signing_key_enc, user_uri from calendly_settings");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? new Signing(secrets.decrypt(rs.getString(1)), rs.getString(2)) : null;
    }
  }

  private record Stored(String token, String webhookUri) {}

  private Optional<Stored> stored(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select token_enc, webhook_uri from calendly_settings");
        ResultSet rs = ps.executeQuery()) {
      return rs.next()
          ? Optional.of(new Stored(secrets.decrypt(rs.getString(1)), rs.getString(2)))
          : Optional.empty();
    }
  }

  private Optional<View> view(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select token_last4, scheduling_url, user_uri, organization_uri, webhook_uri,"
                    + " updated_at, updated_by from calendly_settings");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new View(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              webhookUrl,
              rs.getTimestamp(6).toInstant(),
              rs.getString(7)));
    }
  }

  private static void checkLink(String link) {
    URI uri;
    try {
      uri = URI.create(link);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (link.length() > 500
        || uri == null
        || uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw DomainException.invalid(
          "schedulingUrl",
          "schedulingUrl must be a web address such as https://calendly.com/elena-marsh/30min.");
    }
  }

  private static String randomKey() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
