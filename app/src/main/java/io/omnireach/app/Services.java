package io.omnireach.app;

import io.omnireach.app.metrics.Metrics;
import io.omnireach.audit.AuditLog;
import io.omnireach.auth.Authenticator;
import io.omnireach.auth.LoginThrottle;
import io.omnireach.billing.PlanSeatPolicy;
import io.omnireach.billing.plan.PlanChanges;
import io.omnireach.dashboard.ActivityFeed;
import io.omnireach.dashboard.DashboardService;
import io.omnireach.db.Transactions;
import io.omnireach.jobs.leadimport.LeadImportJobs;
import io.omnireach.lead.ImportStore;
import io.omnireach.lead.LeadImports;
import io.omnireach.lead.LeadRepository;
import io.omnireach.mail.SystemMail;
import io.omnireach.provisioning.TenantProvisioning;
import io.omnireach.reseller.ResellerDirectory;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.user.Invitations;
import io.omnireach.user.UserDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires the plain-Java core services into CDI. Core classes take their collaborators through
 * constructors, so the seed command and the tests build them without a container.
 */
@ApplicationScoped
public class Services {

  @Resource(lookup = "jdbc/omnireach")
  DataSource dataSource;

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  Transactions transactions() {
    return new Transactions(dataSource);
  }

  @Produces
  @Singleton
  TenantDirectory tenants(Transactions tx) {
    return new TenantDirectory(tx);
  }

  @Produces
  @Singleton
  UserDirectory users(Transactions tx) {
    return new UserDirectory(tx);
  }

  @Produces
  @Singleton
  Invitations invitations(Transactions tx, Clock clock, SystemMail mail) {
    return new Invitations(tx, clock, new PlanSeatPolicy(tx), mail);
  }

  @Produces
  @Singleton
  AuditLog auditLog(Transactions tx) {
    return new AuditLog(tx);
  }

  @Produces
  @Singleton
  ActivityFeed activity(Transactions tx, Clock clock) {
    return new ActivityFeed(tx, clock);
  }

  @Produces
  @Singleton
  DashboardService dashboard(
      UserDirectory users,
      Invitations invitations,
      ActivityFeed activity,
      AuditLog audit,
      LeadRepository leads,
      Clock clock) {
    return new DashboardService(users, invitations, activity, audit, leads, clock);
  }

  @Produces
  @Singleton
  LoginThrottle loginThrottle(Clock clock) {
    return LoginThrottle.standard(clock);
  }

  @Produces
  @Singleton
  Authenticator authenticator(
      UserDirectory users,
      ActivityFeed activity,
      LoginThrottle throttle,
      Clock clock,
      Metrics metrics,
      ResellerDirectory resellers,
      AuditLog audit) {
    return new Authenticator(
        users,
        activity,
        throttle,
        clock,
        outcome -> metrics.logins(outcome).increment(),
        resellers,
        audit);
  }

  @Produces
  @Singleton
  LeadRepository leads(Transactions tx, Clock clock) {
    return new LeadRepository(tx, clock);
  }

  @Produces
  @Singleton
  ImportStore imports(Transactions tx, Clock clock) {
    return new ImportStore(tx, clock);
  }

  /** Uploaded files wait in OMNIREACH_IMPORT_DIR (default: the server's output folder). */
  @Produces
  @Singleton
  LeadImports leadImports(
      ImportStore store,
      LeadImportJobs jobs,
      @ConfigProperty(name = "omnireach.import.max-bytes") long maxBytes,
      @ConfigProperty(name = "omnireach.import.dir") Optional<String> dir) {
    String output = System.getProperty("server.output.dir", System.getProperty("java.io.tmpdir"));
    return new LeadImports(
        store, jobs, dir.map(Path::of).orElse(Path.of(output, "imports")), maxBytes);
  }

  @Produces
  @Singleton
  TenantProvisioning provisioning(Transactions tx, LeadImports imports) {
    return new TenantProvisioning(tx, imports::deleteTenantFiles)
        .onPlanChange(PlanChanges::record); // billing prorates the month from it
  }
}
