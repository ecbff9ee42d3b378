package io.omnireach.channel;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The tenant's sender details for the CAN-SPAM footer: the postal address, kept in the tenant's
 * {@code settings} table under {@code postal_address}. Until it is set, emails carry a placeholder
 * that says so.
 */
public final class ComplianceSettings {

  static final String POSTAL_ADDRESS = "postal_address";
  static final int MAX_POSTAL = 300;

  private final Transactions tx;

  public ComplianceSettings(Transactions tx) {
    this.tx = tx;
  }

  /** The postal address, or null when not set. */
  public String postalAddress(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select value from settings where key = ?")) {
            ps.setString(1, POSTAL_ADDRESS);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getString(1) : null;
            }
          }
        });
  }

  /** Sets (or, when blank, clears) the postal address; at most 300 characters, lines allowed. */
  public String setPostalAddress(TenantRef tenant, String value, String actor) {
    String clean = value == null ? "" : value.strip().replace("\r\n", "\n");
    if (clean.length() > MAX_POSTAL) {
      throw DomainException.invalid(
          "postalAddress", "The postal address is longer than " + MAX_POSTAL + " characters.");
    }
    if (clean.chars().anyMatch(ch -> (ch < 0x20 && ch != '\n') || ch == 0x7f)) {
      throw DomainException.invalid(
          "postalAddress", "The postal address may not contain control characters.");
    }
    return tx.tenant(
        tenant,
        c -> {
          if (clean.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("delete from settings where key = ?")) {
              ps.setString(1, POSTAL_ADDRESS);
              ps.executeUpdate();
            }
          } else {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "insert into settings (key, value) values (?, ?)"
                        + " on conflict (key) do update set value = excluded.value")) {
              ps.setString(1, POSTAL_ADDRESS);
              ps.setString(2, clean);
              ps.executeUpdate();
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "settings.postal-address", null, null);
          return clean.isEmpty() ? null : clean;
        });
  }
}
