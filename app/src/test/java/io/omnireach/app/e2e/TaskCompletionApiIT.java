package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API completes tasks by the rule the Tasks page shows its button by: Sales complete their own
 * (and unassigned) tasks, an Admin any task; another person's task is 403 for Sales and stays open.
 */
class TaskCompletionApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  @BeforeAll
  static void ready() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void sales_complete_only_their_own_tasks_and_an_admin_completes_anyones() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    List<String> adminTasks = tasksFor(admin, "admin@acme.demo", "Ask admin " + RUN, 1);
    List<String> salesTasks = tasksFor(admin, "sales@acme.demo", "Ask sales " + RUN, 2);

    HttpResponse<String> refused =
        E2e.send("POST", "/api/v1/tasks/" + adminTasks.get(0) + "/complete", sales, null);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(JSON.readTree(refused.body()).path("detail").asText()).contains("admin@acme.demo");
    assertThat(status(admin, adminTasks.get(0))).isEqualTo("open");

    HttpResponse<String> own =
        E2e.send("POST", "/api/v1/tasks/" + salesTasks.get(0) + "/complete", sales, null);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(JSON.readTree(own.body()).path("doneBy").asText()).isEqualTo("sales@acme.demo");

    for (String id : List.of(adminTasks.get(0), salesTasks.get(1))) {
      HttpResponse<String> done =
          E2e.send("POST", "/api/v1/tasks/" + id + "/complete", admin, null);
      assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
      assertThat(status(admin, id)).isEqualTo("done");
    }
  }

  /**
   * Publishes a one-task workflow for {@code assignee}, enrols leads; returns the open task ids.
   */
  private static List<String> tasksFor(String admin, String assignee, String title, int leads)
      throws Exception {
    String wf =
        Journeys.publish(
            admin,
            "{\"name\":\""
                + title
                + "\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
                + "{\"id\":\"call\",\"type\":\"task\",\"config\":{\"title\":\""
                + title
                + "\",\"assignee\":\""
                + assignee
                + "\"}},{\"id\":\"done\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"start\",\"target\":\"call\"},"
                + "{\"source\":\"call\",\"target\":\"done\"}]}");
    List<String> leadIds = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      leadIds.add(Journeys.lead(admin, "Tess" + i, "Ask" + RUN, "Taskworks"));
    }
    Journeys.enrol(admin, wf, leadIds);
    Journeys.awaitRuns(admin, wf, "waiting", leads);
    List<String> ids = new ArrayList<>();
    for (JsonNode task : tasks(admin)) {
      if (task.path("workflowId").asText().equals(wf)) {
        ids.add(task.path("id").asText());
      }
    }
    assertThat(ids).hasSize(leads);
    return ids;
  }

  private static JsonNode tasks(String token) throws Exception {
    HttpResponse<String> r = E2e.get("/api/v1/tasks?status=all&limit=500", token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("items");
  }

  private static String status(String token, String id) throws Exception {
    for (JsonNode task : tasks(token)) {
      if (task.path("id").asText().equals(id)) {
        return task.path("status").asText();
      }
    }
    throw new AssertionError("No task " + id);
  }
}
