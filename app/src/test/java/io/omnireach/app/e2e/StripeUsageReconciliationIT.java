package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.omnireach.app.e2e.StripeE2e.NewTenant;
import io.omnireach.billing.testing.StripeFake;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reconciliation: a fresh tenant sends emails through the API and runs leads through a workflow
 * (send steps), while the usage-report job sends meter events to the local Stripe fake, which
 * answers slowly. The server is killed with kill -9 twice during the job — once while a meter event
 * is in flight (Stripe has it, the server has not marked it sent), once right after reports were
 * grouped and marked but before they were sent — and started again. In the end Stripe has exactly
 * the tenant's usage per meter: the ledger's sum, and for emails the number of messages sent.
 */
class StripeUsageReconciliationIT {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  static StripeFake stripe;

  @BeforeAll
  static void start() {
    E2eServer.awaitReady();
    stripe = StripeE2e.fake();
  }

  @Test
  void stripe_receives_exactly_the_metered_usage_through_two_kill_9_during_the_report_job()
      throws Exception {
    NewTenant tenant = StripeE2e.newTenant("meter");
    String admin = tenant.token();
    String mailbox = mailbox(admin);
    stripe.delayMeterEvents(Duration.ofMillis(1500)); // the job is mid-send for a while
    try {
      reconcile(tenant, admin, mailbox);
    } finally {
      stripe.delayMeterEvents(Duration.ZERO); // the fake is shared with the other Stripe ITs
    }
  }

  void reconcile(NewTenant tenant, String admin, String mailbox) throws Exception {

    int messages = sendEmails(admin, mailbox, 12);
    messages += runWorkflow(admin, mailbox, 8);
    String customer = StripeE2e.customerOf(stripe, tenant);

    // kill #1: the moment a meter event of the tenant reached Stripe, whose answer is still on its
    // way — the server dies before it marks the report SENT
    String inFlight =
        await("a meter event of the tenant in flight")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () ->
                    stripe.meterEvents().stream()
                        .filter(e -> e.customerId().equals(customer))
                        .map(StripeFake.MeterEvent::identifier)
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    E2eServer.kill();
    long inFlightReport = Long.parseLong(inFlight.substring("omnireach-usage-".length()));
    assertThat(reportStatus(inFlightReport))
        .as("Stripe has report %d, the server had not marked it sent", inFlightReport)
        .isEqualTo("PENDING");
    System.out.printf(
        "reconciliation: kill -9 #1 with report %d at Stripe, not marked sent; %d reports pending%n",
        inFlightReport, pendingReports(tenant));
    E2eServer.start();

    admin = tenant.token();
    messages += sendEmails(admin, mailbox, 10);
    // kill #2: reports grouped and their events marked, not sent yet
    await("reports grouped but not sent")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> pendingReports(tenant) > 0);
    E2eServer.kill();
    List<Long> marked = pendingReportIds(tenant);
    assertThat(marked).isNotEmpty();
    System.out.printf("reconciliation: kill -9 #2 with reports %s marked, not sent%n", marked);
    E2eServer.start();
    stripe.delayMeterEvents(Duration.ZERO);

    int expectedEmails = messages;
    await("Stripe has every unit of the tenant's usage")
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                StripeE2e.ledger(tenant.id(), "emails_sent") == expectedEmails
                    && pendingReports(tenant) == 0
                    && unreportedEvents(tenant) == 0
                    && stripe.meterTotal(customer, "emails_sent") == expectedEmails);

    long steps = StripeE2e.ledger(tenant.id(), "workflow_steps");
    assertThat(stripe.meterTotal(customer, "emails_sent")).isEqualTo(expectedEmails);
    assertThat(steps).as("start, send and end of 8 runs").isGreaterThanOrEqualTo(16);
    assertThat(stripe.meterTotal(customer, "workflow_steps")).isEqualTo(steps);
    assertThat(
            StripeE2e.query(
                "select count(*) from usage_reports where tenant_id = ? and status <> 'SENT'",
                tenant.id(),
                null))
        .isZero();
    assertThat(stripe.meterRequests(inFlight))
        .as("the report in flight at the kill was sent again after the restart, counted once")
        .isGreaterThanOrEqualTo(2);
    for (long id : marked) {
      assertThat(reportStatus(id)).isEqualTo("SENT");
      assertThat(stripe.meterEvents())
          .filteredOn(e -> e.identifier().equals("omnireach-usage-" + id))
          .hasSize(1);
    }
    long events =
        stripe.meterEvents().stream().filter(e -> e.customerId().equals(customer)).count();
    Map<String, Integer> resent = new TreeMap<>(stripe.meterRequestsByIdentifier());
    resent.values().removeIf(n -> n < 2);
    System.out.printf(
        "reconciliation: %d emails and %d workflow steps in the ledger; Stripe summed %d and %d"
            + " from %d meter events of the tenant; sent more than once (all tenants): %s%n",
        expectedEmails,
        steps,
        stripe.meterTotal(customer, "emails_sent"),
        stripe.meterTotal(customer, "workflow_steps"),
        events,
        resent);
  }

  static long pendingReports(NewTenant tenant) throws Exception {
    return StripeE2e.query(
        "select count(*) from usage_reports where tenant_id = ? and status = 'PENDING'",
        tenant.id(),
        null);
  }

  static List<Long> pendingReportIds(NewTenant tenant) throws Exception {
    return StripeE2e.ids(
        "select id from usage_reports where tenant_id = ? and status = 'PENDING' order by id",
        tenant.id());
  }

  static String reportStatus(long id) throws Exception {
    return StripeE2e.text("select status from usage_reports where id = ?", id);
  }

  static long unreportedEvents(NewTenant tenant) throws Exception {
    return StripeE2e.query(
        "select count(*) from usage_events where tenant_id = ? and report_id is null"
            + " and meter in ('emails_sent', 'workflow_steps')",
        tenant.id(),
        null);
  }

  static String mailbox(String admin) throws Exception {
    String json =
        "{\"name\":\"Meter "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + smtp.getSmtp().getPort()
            + ",\"tls\":false,\"fromAddress\":\"ada@meter.example\",\"dailyCap\":100000}";
    HttpResponse<String> r = E2e.send("POST", "/api/v1/mailboxes", admin, json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    HttpResponse<String> postal =
        E2e.send(
            "PUT", "/api/v1/compliance", admin, "{\"postalAddress\":\"Meter Inc., Springfield\"}");
    assertThat(postal.statusCode()).as(postal.body()).isEqualTo(200);
    return E2e.field(r.body(), "id");
  }

  static String lead(String token, String prefix) throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/leads",
            token,
            "{\"firstName\":\"Lee\",\"email\":\""
                + prefix
                + "-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "@leads.example\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return E2e.field(r.body(), "id");
  }

  /** Emails through the API, one lead each; returns how many. */
  static int sendEmails(String token, String mailbox, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      HttpResponse<String> r =
          E2e.send(
              "POST",
              "/api/v1/leads/" + lead(token, "api") + "/messages",
              token,
              "{\"mailboxId\":" + mailbox + ",\"subject\":\"Metered " + i + "\",\"body\":\"Hi\"}");
      assertThat(r.statusCode()).as(r.body()).isIn(201, 202);
    }
    return n;
  }

  /** Enrols n new leads in a start → send → end workflow; returns n (one email each). */
  static int runWorkflow(String token, String mailbox, int n) throws Exception {
    String wf =
        WorkflowEngineIT.publish(
            token,
            "{\"name\":\"Metered "
                + UUID.randomUUID()
                + "\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
                + WorkflowCrashIT.sendNode("intro", mailbox, "Metered step {{lead.firstName}}")
                + ",{\"id\":\"end\",\"type\":\"end\"}],\"edges\":["
                + "{\"source\":\"start\",\"target\":\"intro\"},"
                + "{\"source\":\"intro\",\"target\":\"end\"}]}");
    List<String> leads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leads.add(lead(token, "wf"));
    }
    HttpResponse<String> enrolled =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + wf + "/enrollments",
            token,
            "{\"leadIds\":[" + String.join(",", leads) + "]}");
    assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(202);
    return n;
  }
}
