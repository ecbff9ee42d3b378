package io.omnireach.billing.plan;

import io.omnireach.usage.Meter;
import io.omnireach.usage.SendingGate;
import io.omnireach.usage.UsageTotals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Stops sending at the hard limit of the tenant's plan: {@code remaining = hard limit − usage this
 * calendar month (UTC)}. Plain SQL on the sender's connection, inside its claim transaction (the
 * relay's hot path): one statement for the limit, one for the usage.
 */
public final class HardLimitGate implements SendingGate {

  private final Clock clock;

  public HardLimitGate(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Allowance allowance(Connection c, long tenantId, Meter meter) throws SQLException {
    String planName;
    long hardLimit;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select p.name, m.hard_limit from platform.tenants t"
                + " join platform.plans p on p.code = t.plan"
                + " join platform.plan_meters m on m.plan_code = p.code and m.meter = ?"
                + " where t.id = ? and m.hard_limit is not null")) {
      ps.setString(1, meter.key());
      ps.setLong(2, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Allowance.UNLIMITED;
        }
        planName = rs.getString(1);
        hardLimit = rs.getLong(2);
      }
    }
    Instant now = clock.instant();
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    long used =
        UsageTotals.quantity(
            c,
            tenantId,
            meter,
            month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
            month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    return new Allowance(
        hardLimit - used, MeterWords.hardLimitReached(planName, hardLimit, meter, month));
  }
}
