package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine inside Liberty: publish, enrol three leads over REST, and the workflow-steps batch job
 * (started by the scheduler) queues one email per lead that the relay delivers to GreenMail exactly
 * once; run control, tasks and tenant isolation of runs and tasks.
 */
class WorkflowEngineIT {

  @BeforeAll
  static void appStarted() throws Exception {
    // on a busy machine the application may start well after the server reports ready
    E2eServer.awaitReady();
  }

  static final String SMTP_PASSWORD = "smtp-pw-" + UUID.randomUUID();

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  static String mailbox(String admin) throws Exception {
    String json =
        "{\"name\":\"Workflow "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + smtp.getSmtp().getPort()
            + ",\"username\":\"relay\",\"password\":\""
            + SMTP_PASSWORD
            + "\",\"tls\":false,\"fromAddress\":\"elena@acme.example\","
            + "\"fromName\":\"Elena Marsh\",\"dailyCap\":500}";
    HttpResponse<String> r = E2e.sendOnceMigrated("POST", "/api/v1/mailboxes", admin, json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(
            E2e.send(
                    "PUT",
                    "/api/v1/compliance",
                    admin,
                    "{\"postalAddress\":\"Acme Inc.\\n1 Main St, Springfield\"}")
                .statusCode())
        .isEqualTo(200);
    return E2e.field(r.body(), "id");
  }

  static String lead(String token, String first) throws Exception {
    String email =
        first.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/leads",
            token,
            "{\"firstName\":\"" + first + "\",\"email\":\"" + email + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return E2e.field(r.body(), "id");
  }

  static String publish(String token, String graph) throws Exception {
    HttpResponse<String> r = E2e.send("POST", "/api/v1/workflows", token, graph);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = E2e.field(r.body(), "id");
    HttpResponse<String> p = E2e.send("POST", "/api/v1/workflows/" + id + "/publish", token, null);
    assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
    return id;
  }

  /** Polls the runs of a workflow until all have the status; returns the last page body. */
  static String awaitRuns(String token, String workflowId, String status, int count)
      throws Exception {
    return Journeys.awaitRuns(token, workflowId, status, count);
  }

  static List<MimeMessage> receivedBy(String email) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(email);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void publish_enrol_three_leads_and_each_gets_exactly_one_email() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    String mailboxId = mailbox(admin);
    String wf =
        publish(
            sales,
            "{\"name\":\"Engine IT "
                + UUID.randomUUID()
                + "\",\"nodes\":["
                + "{\"id\":\"start\",\"type\":\"start\"},"
                + "{\"id\":\"intro\",\"type\":\"send_email\",\"config\":{\"mailboxId\":"
                + mailboxId
                + ",\"subject\":\"Routing for {{lead.firstName}}\",\"body\":\"Hi {{lead.firstName}},"
                + " a short question.\"}},"
                + "{\"id\":\"tag\",\"type\":\"update_lead\",\"config\":{\"stage\":\"contacted\"}},"
                + "{\"id\":\"done\",\"type\":\"end\"}],\"edges\":[{\"source\":\"start\",\"target\":\"intro\"},"
                + "{\"source\":\"intro\",\"target\":\"tag\"},{\"source\":\"tag\",\"target\":\"done\"}]}");
    List<String> leads = new ArrayList<>();
    for (String name : List.of("Ana", "Ben", "Cleo")) {
      leads.add(lead(sales, name));
    }
    HttpResponse<String> enrolled =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + wf + "/enrollments",
            sales,
            "{\"leadIds\":[" + String.join(",", leads) + "," + leads.get(0) + "]}");
    assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(202);
    assertThat(enrolled.body()).contains("\"enrolled\":3");
    HttpResponse<String> again =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + wf + "/enrollments",
            sales,
            "{\"leadIds\":[" + leads.get(0) + "]}");
    assertThat(again.body()).contains("\"enrolled\":0", "already in an active run");

    String page = awaitRuns(sales, wf, "succeeded", 3);
    String runId = E2e.field(page, "id");
    HttpResponse<String> run = E2e.get("/api/v1/runs/" + runId, sales);
    assertThat(run.body())
        .contains("\"nodeId\":\"intro\"", "\"status\":\"succeeded\"", "\"messageId\":");

    List<String> emails = new java.util.ArrayList<>();
    for (String leadId : leads) {
      String email = E2e.field(E2e.get("/api/v1/leads/" + leadId, sales).body(), "email");
      emails.add(email);
      await("mail to " + email)
          .atMost(Duration.ofSeconds(60))
          .until(() -> !receivedBy(email).isEmpty());
      List<MimeMessage> got = receivedBy(email);
      assertThat(got).as(email).hasSize(1);
      assertThat(got.get(0).getSubject()).startsWith("Routing for ");
      assertThat(got.get(0).getHeader("X-OmniReach-Idempotency-Key", null))
          .matches("acme:wf:\\d+:intro");
    }
    // a second delivery would show up within this time
    await("no second delivery")
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> emails.stream().allMatch(e -> receivedBy(e).size() == 1));
    for (String leadId : leads) {
      assertThat(E2e.get("/api/v1/leads/" + leadId, sales).body())
          .contains("\"stage\":\"contacted\"");
    }
    HttpResponse<String> analytics = E2e.get("/api/v1/workflows/" + wf + "/analytics", sales);
    assertThat(analytics.statusCode()).isEqualTo(200);
    assertThat(analytics.body()).contains("\"nodeId\":\"intro\"", "\"entered\":3");
  }

  @Test
  void runs_pause_resume_cancel_and_tasks_complete_over_rest_and_other_tenants_see_none()
      throws Exception {
    String sales = E2e.token("sales@acme.demo");
    String wf =
        publish(
            sales,
            "{\"name\":\"Task IT "
                + UUID.randomUUID()
                + "\",\"nodes\":["
                + "{\"id\":\"s\",\"type\":\"start\"},{\"id\":\"call\",\"type\":\"task\",\"config\":"
                + "{\"title\":\"Call {{lead.firstName}}\",\"assignee\":\"sales@acme.demo\"}},"
                + "{\"id\":\"w\",\"type\":\"wait\",\"config\":{\"duration\":\"P3D\"}},"
                + "{\"id\":\"e\",\"type\":\"end\"}],\"edges\":[{\"source\":\"s\",\"target\":\"call\"},"
                + "{\"source\":\"call\",\"target\":\"w\"},{\"source\":\"w\",\"target\":\"e\"}]}");
    String lead = lead(sales, "Tess");
    assertThat(
            E2e.send(
                    "POST",
                    "/api/v1/workflows/" + wf + "/enrollments",
                    sales,
                    "{\"leadIds\":[" + lead + "]}")
                .statusCode())
        .isEqualTo(202);
    String runId = E2e.field(awaitRuns(sales, wf, "waiting", 1), "id");

    HttpResponse<String> tasks = E2e.get("/api/v1/tasks?mine=true", sales);
    assertThat(tasks.body()).contains("\"title\":\"Call Tess\"");
    String taskId = null;
    Matcher m = Pattern.compile("\\{[^{}]*}").matcher(tasks.body());
    while (m.find()) {
      if (m.group().contains("\"runId\":" + runId + ",")) {
        taskId = E2e.field(m.group(), "id");
      }
    }
    assertThat(taskId).as(tasks.body()).isNotNull();

    String globex = E2e.token("admin@globex.demo");
    assertThat(E2e.get("/api/v1/runs/" + runId, globex).statusCode()).isEqualTo(404);
    assertThat(E2e.send("POST", "/api/v1/runs/" + runId + "/cancel", globex, null).statusCode())
        .isEqualTo(404);
    assertThat(E2e.send("POST", "/api/v1/tasks/" + taskId + "/complete", globex, null).statusCode())
        .isEqualTo(404);
    assertThat(E2e.get("/api/v1/runs?workflowId=" + wf, globex).body()).contains("\"items\":[]");
    assertThat(E2e.get("/api/v1/tasks", globex).body()).doesNotContain("Call Tess");
    assertThat(
            E2e.send(
                    "POST",
                    "/api/v1/workflows/" + wf + "/enrollments",
                    globex,
                    "{\"leadIds\":[" + lead + "]}")
                .statusCode())
        .isEqualTo(404);

    HttpResponse<String> done =
        E2e.send("POST", "/api/v1/tasks/" + taskId + "/complete", sales, null);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("\"status\":\"done\"", "\"doneBy\":\"sales@acme.demo\"");
    // the task resumes the run, which now waits 3 days at w
    await("the run waits at w")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> E2e.get("/api/v1/runs/" + runId, sales).body(),
            b -> b.contains("\"currentNode\":\"w\""));
    assertThat(E2e.send("POST", "/api/v1/runs/" + runId + "/pause", sales, null).statusCode())
        .isEqualTo(204);
    assertThat(E2e.get("/api/v1/runs/" + runId, sales).body()).contains("\"status\":\"paused\"");
    assertThat(E2e.send("POST", "/api/v1/runs/" + runId + "/pause", sales, null).statusCode())
        .isEqualTo(409);
    assertThat(E2e.send("POST", "/api/v1/runs/" + runId + "/resume", sales, null).statusCode())
        .isEqualTo(204);
    assertThat(E2e.send("POST", "/api/v1/runs/" + runId + "/cancel", sales, null).statusCode())
        .isEqualTo(204);
    String cancelled = E2e.get("/api/v1/runs/" + runId, sales).body();
    assertThat(cancelled).contains("\"status\":\"cancelled\"", "Cancelled by sales@acme.demo");
    assertThat(E2e.get("/api/v1/runs?workflowId=" + wf + "&status=cancelled", sales).body())
        .contains("\"id\":" + runId);
    assertThat(
            E2e.send("POST", "/api/v1/runs/" + runId + "/nodes/w/retry", sales, null).statusCode())
        .isEqualTo(409);
    String viewer = E2e.token("viewer@acme.demo");
    assertThat(E2e.send("POST", "/api/v1/runs/" + runId + "/pause", viewer, null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void leads_imported_with_a_workflow_id_are_enrolled_when_the_import_completes() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    String wf =
        publish(
            sales,
            "{\"name\":\"On import "
                + UUID.randomUUID()
                + "\",\"nodes\":["
                + "{\"id\":\"s\",\"type\":\"start\"},{\"id\":\"tag\",\"type\":\"update_lead\","
                + "\"config\":{\"addTag\":\"welcomed\"}},{\"id\":\"e\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"s\",\"target\":\"tag\"},{\"source\":\"tag\",\"target\":\"e\"}]}");
    String tag = "imp" + UUID.randomUUID().toString().substring(0, 6);
    String csv =
        "email,first_name\n" + tag + ".1@import.example,Ida\n" + tag + ".2@import.example,Ivo\n";
    HttpResponse<String> up =
        Imports.upload(
            sales,
            "wf.csv",
            csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.util.Map.of("workflowId", wf));
    assertThat(up.statusCode()).as(up.body()).isEqualTo(202);
    awaitRuns(sales, wf, "succeeded", 2);
    HttpResponse<String> draft =
        E2e.send(
            "POST",
            "/api/v1/workflows",
            sales,
            "{\"name\":\"Unpublished\",\"nodes\":[],\"edges\":[]}");
    String unpublished = E2e.field(draft.body(), "id");
    assertThat(
            Imports.upload(
                    sales,
                    "wf.csv",
                    csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.util.Map.of("workflowId", unpublished))
                .statusCode())
        .isEqualTo(409);
  }
}
