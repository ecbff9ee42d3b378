package io.omnireach.channel;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tenant's SMS sender (Twilio): account SID, auth token sealed with {@link SecretBox} (never
 * returned), and a sender number or messaging service. The relay reads it through {@link #load}.
 */
public final class SmsAccounts implements SmsSettingsSource {

  private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
  private static final Pattern SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /** The settings as shown: everything but the token, of which only whether it is set. */
  public record View(
      String accountSid,
      String fromNumber,
      String messagingServiceSid,
      SendWindow sendWindow,
      Integer dailyCap,
      boolean authTokenSet,
      Instant updatedAt) {}

  /**
   * New settings; a blank {@code authToken} keeps the stored one. {@code dailyCap}: SMS the number
   * sends per UTC day at most (null: no cap; the relay defers the rest to the next day).
   */
  public record Update(
      String accountSid,
      String authToken,
      String fromNumber,
      String messagingServiceSid,
      SendWindow sendWindow,
      Integer dailyCap) {

    public Update(
        String accountSid,
        String authToken,
        String fromNumber,
        String messagingServiceSid,
        SendWindow sendWindow) {
      this(accountSid, authToken, fromNumber, messagingServiceSid, sendWindow, null);
    }
  }

  private final Transactions tx;
  private final SecretBox secrets;
  private final Clock clock;

  public SmsAccounts(Transactions tx, SecretBox secrets, Clock clock) {
    this.tx = tx;
    this.secrets = secrets;
    this.clock = clock;
  }

  public View save(TenantRef tenant, Update u, String actor) {
    String sid = required("accountSid", u.accountSid());
    if (!ACCOUNT_SID.matcher(sid).matches()) {
      throw DomainException.invalid(
          "accountSid", "accountSid must be a Twilio account SID (AC and 32 hex digits).");
    }
    String from = blankToNull(u.fromNumber());
    String service = blankToNull(u.messagingServiceSid());
    if ((from == null) == (service == null)) {
      throw DomainException.invalid(
          "fromNumber", "Give either fromNumber or messagingServiceSid (one of them).");
    }
    if (from != null && !E164.matcher(from).matches()) {
      throw DomainException.invalid(
          "fromNumber", "fromNumber must be in E.164 format, e.g. +14155550123.");
    }
    if (service != null && !SERVICE_SID.matcher(service).matches()) {
      throw DomainException.invalid(
          "messagingServiceSid",
          "messagingServiceSid must be a messaging service SID (MG and 32 hex digits).");
    }
    if (u.dailyCap() != null && (u.dailyCap() < 1 || u.dailyCap() > 100_000)) {
      throw DomainException.invalid(
          "dailyCap", "dailyCap is a whole number from 1 to 100000, or left out for no cap.");
    }
    String token = blankToNull(u.authToken());
    if (token != null && token.length() > 200) {
      throw DomainException.invalid("authToken", "authToken is too long.");
    }
    return tx.tenant(
        tenant,
        c -> {
          if (token == null && !exists(c)) {
            throw DomainException.invalid("authToken", "authToken is required.");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into sms_settings (id, account_sid, auth_token_enc, from_number,"
                      + " messaging_service_sid, send_window, updated_at, updated_by, daily_cap)"
                      + " values (1, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)"
                      + " on conflict (id) do update set account_sid = excluded.account_sid,"
                      + " auth_token_enc = coalesce(?, sms_settings.auth_token_enc),"
                      + " from_number = excluded.from_number,"
                      + " messaging_service_sid = excluded.messaging_service_sid,"
                      + " send_window = excluded.send_window, updated_at = excluded.updated_at,"
                      + " updated_by = excluded.updated_by, daily_cap = excluded.daily_cap")) {
            String sealed = token == null ? null : secrets.encrypt(token);
            ps.setString(1, sid);
            ps.setString(2, sealed == null ? "" : sealed);
            ps.setString(3, from);
            ps.setString(4, service);
            ps.setString(5, u.sendWindow() == null ? null : u.sendWindow().toJson());
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            ps.setString(7, actor);
            ps.setObject(8, u.dailyCap(), java.sql.Types.INTEGER);
            ps.setString(9, sealed);
            ps.executeUpdate();
          }
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "settings.sms",
              sid,
              "sender "
                  + (from != null ? from : service)
                  + (u.dailyCap() == null ? "" : ", daily cap " + u.dailyCap())
                  + (token == null ? "" : ", new auth token"));
          return view(c).orElseThrow();
        });
  }

  public Optional<View> get(TenantRef tenant) {
    return tx.tenant(tenant, SmsAccounts::view);
  }

  /** Whether the tenant can send SMS at all (in the caller's transaction). */
  static boolean exists(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from sms_settings");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /** Whether the tenant's Twilio settings have a number (calls need one; a service cannot call). */
  static boolean hasNumber(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select 1 from sms_settings where from_number is not null");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  @Override
  public SmsSettings load(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select account_sid, auth_token_enc, from_number, messaging_service_sid,"
                    + " send_window::text, daily_cap from sms_settings");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      return new SmsSettings(
          rs.getString(1),
          secrets.decrypt(rs.getString(2)),
          rs.getString(3),
          rs.getString(4),
          OutboxClaim.windowOrNull(rs.getString(5)),
          (Integer) rs.getObject(6));
    }
  }

  private static Optional<View> view(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select account_sid, from_number, messaging_service_sid, send_window::text,"
                    + " auth_token_enc <> '', updated_at, daily_cap from sms_settings");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new View(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              OutboxClaim.windowOrNull(rs.getString(4)),
              (Integer) rs.getObject(7),
              rs.getBoolean(5),
              rs.getTimestamp(6).toInstant()));
    }
  }

  private static String required(String field, String value) {
    String v = blankToNull(value);
    if (v == null) {
      throw DomainException.invalid(field, field + " is required.");
    }
    return v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
