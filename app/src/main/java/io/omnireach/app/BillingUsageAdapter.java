package io.omnireach.app;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.billing.UsagePeriod;
import io.omnireach.billing.UsageReport;
import io.omnireach.billing.UsageReports;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.billing.BillingUsage;
import io.omnireach.usage.UsageCsv;
import io.omnireach.usage.UsageExport;
import io.omnireach.user.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The billing view's port over the usage reports and exports — the same ones {@code
 * /api/v1/billing} serves, with the same rule: the signed-in user's tenant only, Admins and Finance
 * only.
 */
@ApplicationScoped
public class BillingUsageAdapter implements BillingUsage {

  @Inject UsageReports reports;
  @Inject UsageExport export;

  @Override
  public Usage usage(AuthenticatedUser user, LocalDate from, LocalDate to) {
    TenantRef tenant = tenantOf(user);
    UsageReport r = reports.report(tenant.id(), new UsagePeriod(from, to));
    return new Usage(
        r.period().from(),
        r.period().to(),
        r.meters().stream()
            .map(
                l ->
                    new MeterUsage(
                        l.meter(),
                        l.quantity(),
                        l.included(),
                        l.amountMinor(),
                        l.currency(),
                        l.warning()))
            .toList(),
        r.days().stream().map(d -> new DayUsage(d.day(), d.meter(), d.quantity())).toList());
  }

  @Override
  public void exportCsv(
      AuthenticatedUser user, LocalDate from, LocalDate to, UsageExport.By by, OutputStream out) {
    TenantRef tenant = tenantOf(user);
    UsagePeriod period = new UsagePeriod(from, to);
    var rows = export.rows(tenant, period.start(), period.end(), by);
    try {
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      UsageCsv.write(writer, by, rows);
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TenantRef tenantOf(AuthenticatedUser user) {
    if (user.tenant() == null || !(user.has(Role.ADMIN) || user.has(Role.FINANCE))) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN, "Billing is for the workspace's Admins and Finance.");
    }
    return user.tenant().ref();
  }
}
