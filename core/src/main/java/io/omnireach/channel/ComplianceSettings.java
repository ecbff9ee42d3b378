package io.omnireach.channel;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tenant's sender details for the CAN-SPAM footer: the postal address, kept in the tenant's
 * {@code settings} table under {@code postal_address}. Until it is set, emails carry a placeholder
 * that says so.
 */
public final class ComplianceSettings {

  static final String POSTAL_ADDRESS = "postal_address";
  static final String HOLIDAYS = "holidays";
  static final int MAX_HOLIDAYS = 366;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
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

  /** The tenant's holidays: no email leaves on these dates (in each lead's time zone). */
  public List<LocalDate> holidays(TenantRef tenant) {
    return tx.tenant(tenant, c -> List.copyOf(holidays(c)));
  }

  /**
   * Replaces the holiday list (ISO dates, at most 366; duplicates dropped, kept sorted). Messages
   * claimed from now on honour it.
   */
  public List<LocalDate> setHolidays(TenantRef tenant, List<String> dates, String actor) {
    TreeSet<LocalDate> clean = new TreeSet<>();
    for (String d : dates == null ? List.<String>of() : dates) {
      if (d == null || d.isBlank()) {
        continue;
      }
      try {
        clean.add(LocalDate.parse(d.trim()));
      } catch (DateTimeParseException e) {
        throw DomainException.invalid("holidays", "'" + d + "' is not a date (YYYY-MM-DD).");
      }
    }
    if (clean.size() > MAX_HOLIDAYS) {
      throw DomainException.invalid("holidays", "At most " + MAX_HOLIDAYS + " holidays.");
    }
    String json;
    try {
      json = JSON.writeValueAsString(clean.stream().map(LocalDate::toString).toList());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into settings (key, value) values (?, ?)"
                      + " on conflict (key) do update set value = excluded.value")) {
            ps.setString(1, HOLIDAYS);
            ps.setString(2, json);
            ps.executeUpdate();
          }
          AuditLog.record(
              c, actor, tenant.slug(), "settings.holidays", null, clean.size() + " dates");
          return List.copyOf(clean);
        });
  }

  /** The holidays, read inside the caller's transaction (the relay's claim). */
  public static Set<LocalDate> holidays(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select value from settings where key = ?")) {
      ps.setString(1, HOLIDAYS);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Set.of();
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        try {
          JSON.readTree(rs.getString(1)).forEach(n -> days.add(LocalDate.parse(n.asText())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | DateTimeParseException e) {
          return Set.of(); // unreadable: send as if none (the API never writes such a value)
        }
        return days;
      }
    }
  }

  /** The postal address, read inside the caller's transaction. */
  static String postalAddress(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select value from settings where key = ?")) {
      ps.setString(1, POSTAL_ADDRESS);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
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
