package io.omnireach.jobs.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnireach.billing.stripe.StripeGateway;
import io.omnireach.billing.testing.StripeFake;
import io.omnireach.db.Transactions;
import io.omnireach.testing.TestDatabase;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageEvent;
import io.omnireach.usage.UsageLedger;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The {@code usage-report} job in a real Liberty server (Arquillian, batch job repository in
 * PostgreSQL): usage events become meter events in the Stripe fake, exactly once per unit, also
 * when the job dies after Stripe accepted reports whose chunk then rolled back, or after reports
 * were grouped and marked but before any was sent — the next start restarts the failed execution
 * from its checkpoint, as the app's scheduler does.
 */
@ExtendWith(ArquillianExtension.class)
class UsageReportJobIT {

  static StripeFake stripe;
  static Transactions tx;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    return ShrinkWrap.create(WebArchive.class, "usage-report.war")
        .addClasses(
            UsageReportJobs.class,
            UsageGroupReader.class,
            UsageGroupWriter.class,
            UsageAccountsBatchlet.class,
            UsageSendReader.class,
            UsageSendWriter.class,
            UsageReportCheckpoint.class,
            UsageReportProgress.class,
            CrashSwitch.class,
            ArqProducers.class,
            JobControlServlet.class)
        .addAsResource("META-INF/batch-jobs/usage-report.xml")
        .addAsWebInfResource(
            new StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                    + " bean-discovery-mode=\"annotated\"/>"),
            "beans.xml")
        // core (ledger, report queue, transactions), billing (the Stripe sink), stripe-java, Gson
        .addAsLibraries(
            library(Transactions.class),
            library(StripeGateway.class),
            library(com.stripe.StripeClient.class),
            library(Class.forName("com.google.gson.Gson")));
  }

  /** The jar (or, in the reactor, the classes folder made a jar) a class comes from. */
  static JavaArchive library(Class<?> type) throws Exception {
    File where = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
    if (where.isFile()) {
      return ShrinkWrap.createFromZipFile(JavaArchive.class, where);
    }
    return ShrinkWrap.create(JavaArchive.class, type.getSimpleName().toLowerCase() + "-classes.jar")
        .as(ExplodedImporter.class)
        .importDirectory(where)
        .as(JavaArchive.class);
  }

  @BeforeAll
  static void start() {
    stripe = StripeFake.start(Integer.getInteger("omnireach.arq.stripe.port", 12112));
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(TestDatabase.SERVER + System.getProperty("omnireach.arq.db", "omnireach_arq"));
    ds.setUser(TestDatabase.USER);
    tx = new Transactions(ds);
  }

  @AfterAll
  static void stop() {
    stripe.close();
  }

  String control(String action) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "control?do=" + action))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /** Runs the job (start or resume) until it ends; returns "STATUS instance exit-status". */
  String run() throws Exception {
    long execution = Long.parseLong(control("start"));
    assertThat(execution).as("no execution of this server still running").isPositive();
    return await("usage-report execution " + execution)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "control?execution=" + execution))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body(),
            s -> s.startsWith("COMPLETED") || s.startsWith("FAILED") || s.startsWith("STOPPED"));
  }

  static long tenant(String slug) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into tenants (slug, display_name, status) values (?, ?, 'ACTIVE')"
                      + " returning id")) {
            ps.setString(1, slug);
            ps.setString(2, "Arquillian " + slug);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** Events of the last three hours: counted meters, and a snapshot that is never reported. */
  static void usage(long tenant, int emails, int steps, int aiCalls) {
    Instant now = Instant.now();
    List<UsageEvent> events = new ArrayList<>();
    for (int i = 0; i < emails; i++) {
      events.add(
          UsageEvent.of(tenant, Meter.EMAILS_SENT, 1, "message:" + i, now.minusSeconds(i * 97L)));
    }
    for (int i = 0; i < steps; i++) {
      events.add(
          UsageEvent.of(
              tenant, Meter.WORKFLOW_STEPS, 1, "node_run:" + i, now.minusSeconds(i * 131L)));
    }
    for (int i = 0; i < aiCalls; i++) {
      events.add(
          UsageEvent.of(tenant, Meter.AI_CALLS, 1, "ai_call:" + i, now.minusSeconds(i * 53L)));
      events.add(
          UsageEvent.of(
              tenant, Meter.AI_INPUT_TOKENS, 700 + i, "ai_call:" + i, now.minusSeconds(i * 53L)));
    }
    events.add(UsageEvent.of(tenant, Meter.ACTIVE_SEATS, 4, "seats:today", now));
    tx.platform(c -> UsageLedger.ON.recordAll(c, events));
  }

  static long count(String sql, long tenant) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  static String customer(String slug) {
    return stripe.customerWithMetadata("omnireach_slug", slug).orElseThrow();
  }

  static void assertReconciled(long tenant, String slug, int emails, int steps, int aiCalls) {
    String customer = customer(slug);
    long tokens = 0;
    for (int i = 0; i < aiCalls; i++) {
      tokens += 700 + i;
    }
    assertThat(stripe.meterTotal(customer, "emails_sent")).isEqualTo(emails);
    assertThat(stripe.meterTotal(customer, "workflow_steps")).isEqualTo(steps);
    assertThat(stripe.meterTotal(customer, "ai_calls")).isEqualTo(aiCalls);
    assertThat(stripe.meterTotal(customer, "ai_input_tokens")).isEqualTo(tokens);
    // a snapshot is reported as its month's peak so far: the one day's 4 seats
    assertThat(stripe.meterTotal(customer, "active_seats")).isEqualTo(4);
    assertThat(
            count(
                "select count(*) from usage_reports where tenant_id = ? and status <> 'SENT'",
                tenant))
        .isZero();
    assertThat(
            count(
                "select count(*) from usage_events where tenant_id = ? and report_id is null",
                tenant))
        .isZero();
  }

  @Test
  void reports_accepted_by_stripe_in_a_chunk_that_rolled_back_are_sent_again_and_counted_once()
      throws Exception {
    String slug = "arq-" + UUID.randomUUID().toString().substring(0, 6);
    long tenant = tenant(slug);
    usage(tenant, 40, 25, 6);

    control("crash-after-sends&n=3");
    String failed = run();
    assertThat(failed).startsWith("FAILED");
    String customer = customer(slug);
    long atStripe =
        stripe.meterEvents().stream().filter(e -> e.customerId().equals(customer)).count();
    assertThat(atStripe).as("Stripe has the reports of the chunk that died").isEqualTo(3);
    assertThat(
            count(
                "select count(*) from usage_reports where tenant_id = ? and status = 'SENT'",
                tenant))
        .as("... and the database has none of them marked sent")
        .isZero();

    control("no-crash");
    String resumed = run();
    assertThat(resumed).startsWith("COMPLETED");
    assertThat(resumed.split(" ")[1])
        .as("the failed execution was restarted (same job instance), not replaced")
        .isEqualTo(failed.split(" ")[1]);
    assertReconciled(tenant, slug, 40, 25, 6);
    Map<String, Integer> requests = stripe.meterRequestsByIdentifier();
    assertThat(
            stripe.meterEvents().stream()
                .filter(e -> e.customerId().equals(customer))
                .filter(e -> requests.get(e.identifier()) > 1)
                .count())
        .as("the three reports were sent twice and kept once: %s", requests)
        .isEqualTo(3);
  }

  @Test
  void reports_grouped_and_marked_but_never_sent_go_out_on_the_restart() throws Exception {
    String slug = "arq-" + UUID.randomUUID().toString().substring(0, 6);
    long tenant = tenant(slug);
    usage(tenant, 12, 9, 2);

    control("crash-before-sending");
    String failed = run();
    assertThat(failed).startsWith("FAILED");
    assertThat(
            count(
                "select count(*) from usage_reports where tenant_id = ? and status = 'PENDING'",
                tenant))
        .as("grouped and marked")
        .isPositive();
    assertThat(stripe.customerWithMetadata("omnireach_slug", slug)).as("nothing sent").isEmpty();

    control("no-crash");
    String resumed = run();
    assertThat(resumed).startsWith("COMPLETED");
    assertThat(resumed.split(" ")[1]).isEqualTo(failed.split(" ")[1]);
    assertReconciled(tenant, slug, 12, 9, 2);
  }
}
