package io.omnireach.dashboard;

import io.omnireach.audit.AuditLog;
import io.omnireach.lead.LeadRepository;
import io.omnireach.lead.Stage;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.Invitations;
import io.omnireach.user.Member;
import io.omnireach.user.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles the dashboard figures of one tenant. */
public final class DashboardService {

  private final UserDirectory users;
  private final Invitations invitations;
  private final ActivityFeed activity;
  private final AuditLog audit;
  private final LeadRepository leads;
  private final Clock clock;

  public DashboardService(
      UserDirectory users,
      Invitations invitations,
      ActivityFeed activity,
      AuditLog audit,
      LeadRepository leads,
      Clock clock) {
    this.users = users;
    this.invitations = invitations;
    this.activity = activity;
    this.audit = audit;
    this.leads = leads;
    this.clock = clock;
  }

  public DashboardStats stats(TenantRef tenant) {
    List<Member> members = users.members(tenant);
    Map<String, Integer> byRole = new LinkedHashMap<>();
    for (Member m : members) {
      byRole.merge(m.role().label(), 1, Integer::sum);
    }
    Map<Stage, Integer> byStage = leads.countByStage(tenant);
    Map<java.time.LocalDate, Integer> perDay = activity.dailyCounts(tenant, "LOGIN", 14);
    int lastWeek =
        perDay.values().stream().skip(Math.max(0, perDay.size() - 7L)).mapToInt(i -> i).sum();
    return new DashboardStats(
        members.size(),
        byRole,
        invitations.countPending(tenant),
        lastWeek,
        audit.countSince(tenant.slug(), clock.instant().minus(Duration.ofDays(30))),
        byStage.values().stream().mapToInt(i -> i).sum(),
        byStage,
        perDay,
        activity.recent(tenant, 8));
  }
}
