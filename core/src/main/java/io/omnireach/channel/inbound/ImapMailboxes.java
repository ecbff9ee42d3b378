package io.omnireach.channel.inbound;

import io.omnireach.audit.AuditLog;
import io.omnireach.channel.HostPolicy;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IMAP side of the tenant's mailboxes (columns {@code imap_*} of {@code mailboxes}) and where
 * the poller stopped in each folder ({@code imap_cursors}). The password is the mailbox's sealed
 * one; only {@link #settings} opens it, for the poller.
 */
public final class ImapMailboxes {

  /** Input: host (null clears the settings), port (993 by default), TLS (on), username. */
  public record Draft(String host, Integer port, Boolean tls, String username) {}

  private static final String COLUMNS =
      "id, imap_host, imap_port, imap_tls, coalesce(imap_username, username) as imap_user,"
          + " password_enc";

  private final Transactions tx;
  private final SecretBox secrets;
  private final HostPolicy hosts;

  public ImapMailboxes(Transactions tx, SecretBox secrets, HostPolicy hosts) {
    this.tx = tx;
    this.secrets = secrets;
    this.hosts = hosts;
  }

  public HostPolicy hosts() {
    return hosts;
  }

  /** Sets (or, with no host, clears) the IMAP settings of a mailbox. */
  public void configure(TenantRef tenant, long mailboxId, Draft draft, String actor) {
    String host = clean("imapHost", draft.host(), 253);
    int port = draft.port() == null ? 993 : draft.port();
    if (port < 1 || port > 65535) {
      throw DomainException.invalid("imapPort", "Port must be between 1 and 65535.");
    }
    if (host != null) {
      hosts.check("imapHost", host);
    }
    String username = clean("imapUsername", draft.username(), 320);
    tx.tenant(
        tenant,
        c -> {
          // another server or account has other UIDs: start that folder from the beginning
          try (PreparedStatement ps =
              c.prepareStatement(
                  "delete from imap_cursors where mailbox_id = ? and exists (select 1 from"
                      + " mailboxes m where m.id = ? and (m.imap_host is distinct from ?"
                      + " or m.imap_port is distinct from ? or m.imap_username is distinct from ?))")) {
            ps.setLong(1, mailboxId);
            ps.setLong(2, mailboxId);
            ps.setString(3, host);
            ps.setObject(4, host == null ? null : port);
            ps.setString(5, username);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update mailboxes set imap_host = ?, imap_port = ?, imap_tls = ?,"
                      + " imap_username = ? where id = ?")) {
            ps.setString(1, host);
            ps.setObject(2, host == null ? null : port);
            ps.setBoolean(3, draft.tls() == null || draft.tls());
            ps.setString(4, username);
            ps.setLong(5, mailboxId);
            if (ps.executeUpdate() == 0) {
              throw DomainException.notFound("No mailbox " + mailboxId + " in this tenant.");
            }
          }
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "mailbox.imap",
              "" + mailboxId,
              host == null ? "cleared" : host + ":" + port);
          return null;
        });
  }

  /** Ids of the mailboxes that have IMAP settings. */
  public List<Long> polled(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select id from mailboxes where imap_host is not null order by id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
            }
          }
          return ids;
        });
  }

  /** The settings with the password opened; null when the mailbox has no IMAP host. */
  public ImapSettings settings(TenantRef tenant, long mailboxId) {
    return tx.tenant(tenant, c -> settings(c, mailboxId));
  }

  private ImapSettings settings(Connection c, long mailboxId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + COLUMNS + " from mailboxes where id = ?")) {
      ps.setLong(1, mailboxId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No mailbox " + mailboxId + " in this tenant.");
        }
        if (rs.getString("imap_host") == null) {
          return null;
        }
        return new ImapSettings(
            mailboxId,
            rs.getString("imap_host"),
            rs.getInt("imap_port"),
            rs.getBoolean("imap_tls"),
            rs.getString("imap_user"),
            secrets.decrypt(rs.getString("password_enc")));
      }
    }
  }

  /** Where the last poll of the folder stopped; null before the first poll. */
  public ImapCursor cursor(TenantRef tenant, long mailboxId, String folder) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select uid_validity, last_uid, failed_uid, failures from imap_cursors"
                      + " where mailbox_id = ? and folder = ?")) {
            ps.setLong(1, mailboxId);
            ps.setString(2, folder);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? new ImapCursor(
                      rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getInt(4))
                  : null;
            }
          }
        });
  }

  /**
   * Stores where a poll stopped. Under the same UIDVALIDITY the last UID never moves back, so an
   * overlapping poll (the scheduled job and a "poll now") that finished earlier cannot rewind it.
   */
  public void saveCursor(TenantRef tenant, long mailboxId, String folder, ImapCursor cursor) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into imap_cursors (mailbox_id, folder, uid_validity, last_uid,"
                      + " failed_uid, failures, polled_at) values (?, ?, ?, ?, ?, ?, now())"
                      + " on conflict (mailbox_id, folder) do update set"
                      + " last_uid = case when imap_cursors.uid_validity = excluded.uid_validity"
                      + " then greatest(imap_cursors.last_uid, excluded.last_uid)"
                      + " else excluded.last_uid end,"
                      + " uid_validity = excluded.uid_validity, failed_uid = excluded.failed_uid,"
                      + " failures = excluded.failures, polled_at = excluded.polled_at")) {
            ps.setLong(1, mailboxId);
            ps.setString(2, folder);
            ps.setLong(3, cursor.uidValidity());
            ps.setLong(4, cursor.lastUid());
            ps.setObject(5, cursor.failedUid());
            ps.setInt(6, cursor.failures());
            return ps.executeUpdate();
          }
        });
  }

  private static String clean(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.length() > max || v.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      throw DomainException.invalid(
          field, field + " must be one line of at most " + max + " characters.");
    }
    return v;
  }
}
