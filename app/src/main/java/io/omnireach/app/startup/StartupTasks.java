package io.omnireach.app.startup;

import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.billing.plan.BillingDemo;
import io.omnireach.channel.MailStreams;
import io.omnireach.common.SecretBox;
import io.omnireach.db.DatabaseBootstrap;
import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.jobs.knowledge.KnowledgeJobs;
import io.omnireach.jobs.leadimport.LeadImportJobs;
import io.omnireach.jobs.privacy.PrivacyJobs;
import io.omnireach.jobs.workflow.WorkflowJobs;
import io.omnireach.marketplace.BlockCatalogue;
import io.omnireach.marketplace.BuiltinBlocks;
import io.omnireach.marketplace.PublisherKeyring;
import io.omnireach.seed.DemoSeed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs once when the application starts: database, platform migrations, the master key, demo data
 * (dev mode), the bootstrap Owner, then the tenant-migrate batch job. Readiness stays DOWN until
 * the synchronous part succeeded.
 */
@ApplicationScoped
public class StartupTasks {

  private static final Logger LOG = Logger.getLogger(StartupTasks.class.getName());

  @Inject Transactions tx;
  @Inject Clock clock;
  @Inject BillingDemo billingDemo;
  @Inject StartupState state;
  @Inject LeadImportJobs leadImports;
  @Inject KnowledgeJobs knowledgeJobs;
  @Inject PrivacyJobs privacyJobs;
  @Inject WorkflowJobs workflowJobs;
  @Inject OwnerFromEnvironment ownerFromEnvironment;
  // Instances, so that a missing master key fails inside onStart with its message (not in CDI).
  @Inject Instance<SecretBox> secrets;
  @Inject Instance<AiSettingsRepository> aiSettings;
  @Inject Instance<BlockCatalogue> blockCatalogue;
  @Inject Instance<PublisherKeyring> publisherKeys;

  @Inject
  @ConfigProperty(
      name = "omnireach.db.url",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/omnireach")
  String dbUrl;

  @Inject
  @ConfigProperty(name = "omnireach.db.user", defaultValue = "postgres")
  String dbUser;

  @Inject
  @ConfigProperty(name = "omnireach.db.password")
  Optional<String> dbPassword;

  @Inject
  @ConfigProperty(name = "omnireach.dev-mode", defaultValue = "false")
  boolean devMode;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    LOG.info(
        MailStreams.preferAngus()
            ? "Jakarta Mail: Angus Mail's stream provider named (no service lookup per MIME part)"
            : "Jakarta Mail: stream provider left to the service lookup");
    try {
      DatabaseBootstrap.ensureDatabase(dbUrl, dbUser, dbPassword.orElse(""));
      Migrations.migratePlatform(tx.dataSource());
      secrets.get(); // the master key: read or generated now, or a clear start-up error
      aiSettings.get();
      try {
        int builtins = BuiltinBlocks.seed(blockCatalogue.get(), publisherKeys.get());
        if (builtins > 0) {
          LOG.info("Marketplace: " + builtins + " built-in blocks signed and stored.");
        }
      } catch (RuntimeException e) {
        // e.g. a second server storing the same blocks at the same moment: they are there
        LOG.log(Level.WARNING, "Could not store the built-in marketplace blocks", e);
      }
      if (devMode) {
        new DemoSeed(tx, clock).load();
        billingDemo.load(); // the demo reseller's retail prices
        LOG.info("Dev mode: demo data loaded (admin@acme.demo / " + DemoSeed.PASSWORD + ").");
      }
      ownerFromEnvironment.apply();
      long execution = BatchRuntime.getJobOperator().start("tenant-migrate", new Properties());
      LOG.info("Started tenant-migrate job, execution " + execution);
      int resumed = leadImports.resumeInterrupted();
      if (resumed > 0) {
        LOG.info("Resumed " + resumed + " lead imports cut off by the last shutdown.");
      }
      try {
        int indexing = knowledgeJobs.resumeInterrupted();
        if (indexing > 0) {
          LOG.info("Resumed " + indexing + " knowledge documents cut off by the last shutdown.");
        }
      } catch (RuntimeException e) {
        // e.g. a tenant not migrated to the knowledge tables yet: its uploads wait for a restart
        LOG.log(Level.WARNING, "Could not look for interrupted knowledge indexing", e);
      }
      try {
        int privacy = privacyJobs.resumeInterrupted();
        if (privacy > 0) {
          LOG.info("Resumed " + privacy + " privacy requests cut off by the last shutdown.");
        }
      } catch (RuntimeException e) {
        // e.g. a tenant not migrated to V33 yet: its requests wait for the next restart
        LOG.log(Level.WARNING, "Could not look for interrupted privacy requests", e);
      }
      try {
        int restarted = workflowJobs.resumeInterrupted();
        if (restarted > 0) {
          LOG.info("Restarted " + restarted + " workflow jobs cut off by the last shutdown.");
        }
      } catch (RuntimeException e) {
        // not fatal: the workflow scheduler starts fresh executions for due work
        LOG.log(Level.WARNING, "Could not look for interrupted workflow jobs", e);
      }
      state.markReady(Migrations.pendingPlatformMigrations(tx.dataSource()));
    } catch (Exception e) {
      state.markFailed(e);
      LOG.log(Level.SEVERE, "OmniReach start-up failed: " + e.getMessage(), e);
    }
  }
}
