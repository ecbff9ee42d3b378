package io.omnireach.mail;

import io.omnireach.mail.MailTemplates.Mail;
import io.omnireach.tenant.TenantRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Queues system emails in the platform's {@code system_mail} outbox, on the caller's connection:
 * the mail commits or rolls back with the caller's own change (the invitation row, the reset
 * token). The idempotency key is unique, so queueing the same mail twice keeps one row. {@link
 * SystemMailRelay} sends the rows.
 */
public final class SystemMail {

  /** What a system email is about. */
  public enum Kind {
    INVITATION,
    PASSWORD_RESET,
    ALERT
  }

  /** QUEUED → SENDING → SENT, or back to QUEUED to retry, or FAILED for good. */
  public enum Status {
    QUEUED,
    SENDING,
    SENT,
    FAILED
  }

  private final Clock clock;
  private final String publicUrl;
  private final Function<TenantRef, MailBrand> brands;

  /**
   * @param publicUrl the base of links in mails ({@code omnireach.public-url})
   * @param brands a tenant's brand (the seam to the branding model); null tenant = the platform
   */
  public SystemMail(Clock clock, String publicUrl, Function<TenantRef, MailBrand> brands) {
    this.clock = clock;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.brands = brands;
  }

  /** The brand a tenant's mails carry; the platform's for none. */
  public MailBrand brand(TenantRef tenant) {
    MailBrand brand = tenant == null ? null : brands.apply(tenant);
    return brand == null ? MailBrand.PLATFORM : brand;
  }

  /** An absolute link into the app with one query parameter, e.g. the accept page and its token. */
  public String link(String path, String param, String value) {
    return publicUrl + path + "?" + param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The invitation mail, queued with the invitation row ({@code invitation:<id>}). */
  public void invitation(
      Connection c,
      TenantRef tenant,
      String workspace,
      long invitationId,
      String to,
      String roleLabel,
      String token,
      Instant expiresAt)
      throws SQLException {
    Mail mail =
        MailTemplates.invitation(
            brand(tenant),
            workspace,
            roleLabel,
            link("/accept-invitation", "token", token),
            expiresAt);
    enqueue(c, "invitation:" + invitationId, Kind.INVITATION, to, mail);
  }

  /** The reset link mail, queued with the reset token row ({@code password-reset:<id>}). */
  public void passwordReset(
      Connection c, TenantRef brandOf, long resetId, String to, String token, Duration validity)
      throws SQLException {
    Mail mail =
        MailTemplates.passwordReset(
            brand(brandOf), link("/reset-password", "token", token), validity);
    enqueue(c, "password-reset:" + resetId, Kind.PASSWORD_RESET, to, mail);
  }

  /** A notice to an operator or admin; {@code key} makes it once-only (e.g. per incident). */
  public void alert(
      Connection c,
      TenantRef brandOf,
      String key,
      String to,
      String title,
      String message,
      String actionUrl)
      throws SQLException {
    enqueue(
        c,
        "alert:" + key,
        Kind.ALERT,
        to,
        MailTemplates.alert(brand(brandOf), title, message, actionUrl));
  }

  /**
   * Queues one mail; returns false when a mail with this key exists already (it is not replaced).
   */
  public boolean enqueue(Connection c, String key, Kind kind, String to, Mail mail)
      throws SQLException {
    Instant now = clock.instant();
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into platform.system_mail (idempotency_key, kind, recipient, subject,"
                + " body_text, body_html, status, not_before, created_at)"
                + " values (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)"
                + " on conflict (idempotency_key) do nothing")) {
      ps.setString(1, key);
      ps.setString(2, kind.name());
      ps.setString(3, to);
      ps.setString(4, mail.subject());
      ps.setString(5, mail.text());
      ps.setString(6, mail.html());
      ps.setTimestamp(7, Timestamp.from(now));
      ps.setTimestamp(8, Timestamp.from(now));
      return ps.executeUpdate() == 1;
    }
  }
}
