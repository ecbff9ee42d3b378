package io.omnireach.dashboard;

import io.omnireach.lead.Stage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The figures on a tenant's dashboard. Later features add their own counts here. */
public record DashboardStats(
    int members,
    Map<String, Integer> membersByRole,
    int pendingInvitations,
    int signInsLast7Days,
    int auditedChangesLast30Days,
    int leads,
    Map<Stage, Integer> leadsByStage,
    Map<LocalDate, Integer> signInsPerDay,
    List<Activity> recentActivity) {}
