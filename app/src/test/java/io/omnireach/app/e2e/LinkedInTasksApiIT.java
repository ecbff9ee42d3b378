package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A LinkedIn task step through the API: the lead's owner gets a task with the text to copy and the
 * profile link in today's queue; a wrong outcome is 400 and changes nothing, snoozing moves it to
 * upcoming, "accepted" makes the run take the accepted output (to a Call step, whose task then
 * appears), a second outcome is 409. Another tenant neither sees nor changes the tasks.
 */
class LinkedInTasksApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  @BeforeAll
  static void ready() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void the_rep_records_accepted_and_the_run_goes_down_the_accepted_output() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    String salesId = JSON.readTree(E2e.get("/api/v1/me", sales).body()).path("id").asText();
    String wf = Journeys.publish(admin, linkedInThenCall("LinkedIn API " + RUN));
    HttpResponse<String> created =
        E2e.send(
            "POST",
            "/api/v1/leads",
            admin,
            "{\"firstName\":\"Lina\",\"lastName\":\"Link"
                + RUN
                + "\",\"company\":\"Linkworks\",\"title\":\"CTO\",\"email\":\"lina."
                + RUN
                + "@runs.example\",\"linkedinUrl\":\"https://www.linkedin.com/in/lina-"
                + RUN
                + "\",\"phone\":\"+1 555 010 2030\",\"ownerId\":"
                + salesId
                + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String lead = E2e.field(created.body(), "id");
    Journeys.enrol(admin, wf, List.of(lead));
    Journeys.awaitRuns(admin, wf, "waiting", 1);
    String run = Journeys.runOf(admin, wf, lead);

    JsonNode task = only(queue(sales, "today"), wf);
    String id = task.path("id").asText();
    assertThat(task.path("kind").asText()).isEqualTo("linkedin");
    assertThat(task.path("action").asText()).isEqualTo("connect");
    assertThat(task.path("assignee").asText()).isEqualTo("sales@acme.demo");
    assertThat(task.path("title").asText())
        .isEqualTo("Connect with Lina Link" + RUN + " on LinkedIn");
    assertThat(task.path("link").asText()).isEqualTo("https://www.linkedin.com/in/lina-" + RUN);
    assertThat(task.path("text").asText()).contains("Hi Lina", "CTO at Linkworks");
    assertThat(task.path("text").asText().length()).isLessThanOrEqualTo(300);
    assertThat(task.path("textSource").asText()).isEqualTo("offline");
    assertThat(task.path("status").asText()).isEqualTo("open");
    assertThat(JSON.convertValue(task.path("outcomes"), List.class))
        .containsExactly("sent", "accepted", "replied", "skipped");

    // another tenant sees nothing and changes nothing
    assertThat(ids(get(globex, "/api/v1/tasks?status=all&limit=500"))).doesNotContain(id);
    assertThat(outcome(globex, id, "accepted").statusCode()).isEqualTo(404);
    assertThat(snooze(globex, id, Instant.now().plusSeconds(3600).toString()).statusCode())
        .isEqualTo(404);

    // a call's outcome, a plain complete and bad snoozes are refused; the task stays open
    HttpResponse<String> wrong = outcome(sales, id, "voicemail");
    assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
    assertThat(wrong.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(JSON.readTree(wrong.body()).path("field").asText()).isEqualTo("outcome");
    assertThat(JSON.readTree(wrong.body()).path("detail").asText()).contains("accepted");
    assertThat(E2e.send("POST", "/api/v1/tasks/" + id + "/complete", sales, null).statusCode())
        .isEqualTo(400);
    assertThat(snooze(sales, id, Instant.now().minusSeconds(60).toString()).statusCode())
        .isEqualTo(400);
    assertThat(snooze(sales, id, "tomorrow").statusCode()).isEqualTo(400);
    assertThat(E2e.get("/api/v1/tasks?due=someday", sales).statusCode()).isEqualTo(400);
    assertThat(E2e.get("/api/v1/tasks?due=today&tz=Mars/Base", sales).statusCode()).isEqualTo(400);

    // snoozed: out of today, in upcoming
    Instant until =
        Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    HttpResponse<String> snoozed = snooze(sales, id, until.toString());
    assertThat(snoozed.statusCode()).as(snoozed.body()).isEqualTo(200);
    assertThat(Instant.parse(JSON.readTree(snoozed.body()).path("snoozedUntil").asText()))
        .isEqualTo(until);
    assertThat(ids(queue(sales, "today"))).doesNotContain(id);
    assertThat(ids(queue(sales, "overdue"))).doesNotContain(id);
    assertThat(ids(queue(sales, "upcoming"))).contains(id);

    HttpResponse<String> accepted = outcome(sales, id, "accepted");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    JsonNode done = JSON.readTree(accepted.body());
    assertThat(done.path("status").asText()).isEqualTo("done");
    assertThat(done.path("outcome").asText()).isEqualTo("accepted");
    assertThat(done.path("doneBy").asText()).isEqualTo("sales@acme.demo");
    assertThat(done.path("doneAt").isNull()).isFalse();
    HttpResponse<String> again = outcome(sales, id, "replied");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);

    // the run took the accepted output: the Call step's task is next, with its talk track
    JsonNode call =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () ->
                    items(get(sales, "/api/v1/tasks?mine=true&status=open&limit=500")).stream()
                        .filter(t -> t.path("workflowId").asText().equals(wf))
                        .findFirst()
                        .orElse(null),
                t -> t != null);
    assertThat(call.path("kind").asText()).isEqualTo("call");
    assertThat(call.path("link").asText()).isEqualTo("tel:+15550102030");
    assertThat(call.path("text").asText()).contains("Voicemail:");
    assertThat(outcome(sales, call.path("id").asText(), "no_answer").statusCode()).isEqualTo(200);
    Journeys.awaitRuns(admin, wf, "succeeded", 1);
    JsonNode detail = get(admin, "/api/v1/runs/" + run);
    List<String> steps = new ArrayList<>();
    detail
        .path("steps")
        .forEach(s -> steps.add(s.path("nodeId").asText() + "=" + s.path("status").asText()));
    // accepted → call, then no answer → straight to the end (not the "connected" tag)
    assertThat(steps)
        .containsExactly("start=succeeded", "li=succeeded", "call=succeeded", "done=succeeded");
  }

  /** start → LinkedIn connect; accepted → Call → end, the other outcomes → an Update lead each. */
  static String linkedInThenCall(String name) {
    StringBuilder nodes =
        new StringBuilder(
            "{\"name\":\""
                + name
                + "\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
                + "{\"id\":\"li\",\"type\":\"linkedin_task\",\"config\":{\"action\":\"connect\","
                + "\"dueInDays\":0}},"
                + "{\"id\":\"call\",\"type\":\"call\",\"config\":{}},"
                + "{\"id\":\"tag_connected\",\"type\":\"update_lead\","
                + "\"config\":{\"addTag\":\"called\"}},"
                + "{\"id\":\"done\",\"type\":\"end\"}");
    StringBuilder edges =
        new StringBuilder(
            "\"edges\":[{\"source\":\"start\",\"target\":\"li\"},"
                + "{\"source\":\"li\",\"target\":\"call\",\"condition\":\"accepted\"},"
                + "{\"source\":\"tag_connected\",\"target\":\"done\"}");
    for (String o : List.of("sent", "replied", "skipped")) {
      nodes
          .append(",{\"id\":\"tag_")
          .append(o)
          .append("\",\"type\":\"update_lead\",\"config\":{\"addTag\":\"linkedin-")
          .append(o)
          .append("\"}}");
      edges
          .append(",{\"source\":\"li\",\"target\":\"tag_")
          .append(o)
          .append("\",\"condition\":\"")
          .append(o)
          .append("\"},{\"source\":\"tag_")
          .append(o)
          .append("\",\"target\":\"done\"}");
    }
    for (String o : List.of("connected", "voicemail", "no_answer", "skipped")) {
      edges
          .append(",{\"source\":\"call\",\"target\":\"")
          .append(o.equals("connected") ? "tag_connected" : "done")
          .append("\",\"condition\":\"")
          .append(o)
          .append("\"}");
    }
    return nodes + "]," + edges + "]}";
  }

  private static HttpResponse<String> outcome(String token, String id, String outcome)
      throws Exception {
    return E2e.send(
        "POST", "/api/v1/tasks/" + id + "/outcome", token, "{\"outcome\":\"" + outcome + "\"}");
  }

  private static HttpResponse<String> snooze(String token, String id, String until)
      throws Exception {
    return E2e.send(
        "POST", "/api/v1/tasks/" + id + "/snooze", token, "{\"until\":\"" + until + "\"}");
  }

  private static JsonNode queue(String token, String due) throws Exception {
    return get(token, "/api/v1/tasks?mine=true&limit=500&due=" + due);
  }

  private static JsonNode get(String token, String path) throws Exception {
    HttpResponse<String> r = E2e.get(path, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static List<JsonNode> items(JsonNode list) {
    List<JsonNode> out = new ArrayList<>();
    list.path("items").forEach(out::add);
    return out;
  }

  private static List<String> ids(JsonNode list) {
    return items(list).stream().map(t -> t.path("id").asText()).toList();
  }

  private static JsonNode only(JsonNode list, String workflowId) {
    List<JsonNode> mine =
        items(list).stream().filter(t -> t.path("workflowId").asText().equals(workflowId)).toList();
    assertThat(mine).hasSize(1);
    return mine.get(0);
  }
}
