package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.tenant.TenantSchema;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulation sandbox end to end: POST /workflows/{id}/simulations → 202, GET /simulations/{id}
 * with timelines, branches and policy verdicts, CSV export, 4xx on bad input, another tenant's 404,
 * and afterwards no runs and no messages. Fresh tenants only.
 */
class SimulationApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void appStarted() throws Exception {
    Journeys.awaitReady();
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** start → intro → wait for a reply (3 days) → replied? yes: won; no: offer (20% off) → done. */
  static String workflow(String admin, String mailbox) throws Exception {
    return Journeys.publish(
        admin,
        "{\"name\":\"Sim IT\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
            + "{\"id\":\"intro\",\"type\":\"send_email\",\"config\":{\"mailboxId\":"
            + mailbox
            + ",\"subject\":\"Hi {{lead.firstName}}\",\"body\":\"A quick note.\"}},"
            + "{\"id\":\"w\",\"type\":\"wait\",\"config\":{\"until\":\"reply\","
            + "\"timeout\":\"P3D\"}},"
            + "{\"id\":\"d\",\"type\":\"decision\",\"config\":{\"condition\":"
            + "{\"kind\":\"replied\"}}},"
            + "{\"id\":\"won\",\"type\":\"end\"},"
            + "{\"id\":\"offer\",\"type\":\"send_email\",\"config\":{\"mailboxId\":"
            + mailbox
            + ",\"subject\":\"For {{lead.firstName}}\",\"body\":\"Take 20% off this week.\"}},"
            + "{\"id\":\"done\",\"type\":\"end\"}],\"edges\":["
            + "{\"source\":\"start\",\"target\":\"intro\"},"
            + "{\"source\":\"intro\",\"target\":\"w\"},{\"source\":\"w\",\"target\":\"d\"},"
            + "{\"source\":\"d\",\"target\":\"won\",\"condition\":\"yes\"},"
            + "{\"source\":\"d\",\"target\":\"offer\",\"condition\":\"no\"},"
            + "{\"source\":\"offer\",\"target\":\"done\"}]}");
  }

  @Test
  void a_simulation_shows_each_leads_steps_and_verdicts_and_writes_no_runs_or_messages()
      throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("sim");
    String admin = t.token();
    String mailbox = PolicyJourneyIT.HttpMailbox.create(admin);
    HttpResponse<String> policy =
        E2e.send(
            "POST",
            "/api/v1/policies",
            admin,
            "{\"kind\":\"max_discount\",\"percent\":15,\"severity\":\"block\"}");
    assertThat(policy.statusCode()).as(policy.body()).isEqualTo(201);
    String ana = Journeys.lead(admin, "Ana", "Lima", "Initech");
    String bob = Journeys.lead(admin, "Bob", "Stone", "Initech");
    String wf = workflow(admin, mailbox);

    HttpResponse<String> started =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + wf + "/simulations",
            admin,
            "{\"leadIds\":["
                + ana
                + ","
                + bob
                + "],\"script\":[{\"leadIndex\":1,\"onDay\":1,\"kind\":\"reply\","
                + "\"text\":\"Sounds good\"}]}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).get("id").asText();
    String path = "/api/v1/simulations/" + id;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> json(E2e.get(path, admin)).get("status").asText().equals("DONE"));
    JsonNode sim = json(E2e.get(path, admin));
    assertThat(sim.get("leadsDone").asInt()).isEqualTo(2);
    JsonNode leads = sim.get("leads");
    assertThat(leads).hasSize(2);
    assertThat(leads.get(0).get("leadId").asText()).isEqualTo(ana);
    JsonNode anaSteps = leads.get(0).get("steps");
    assertThat(anaSteps.get(0).get("nodeId").asText()).isEqualTo("start");
    assertThat(anaSteps.get(1).get("type").asText()).isEqualTo("send_email");
    assertThat(anaSteps.get(1).get("at").asText()).isNotBlank();
    assertThat(anaSteps.get(1).get("message").get("subject").asText()).isEqualTo("Hi Ana");
    assertThat(anaSteps.get(1).get("verdict").asText()).isEqualTo("allow");
    // Ana's scripted reply wakes the wait and stops the run (the workflow stops on reply)
    assertThat(leads.get(0).get("end").asText()).startsWith("stopped: replied on day 1");

    JsonNode bobSteps = leads.get(1).get("steps");
    assertThat(bobSteps.get(3).get("nodeId").asText()).isEqualTo("d");
    assertThat(bobSteps.get(3).get("branch").asText()).isEqualTo("no");
    JsonNode offer = bobSteps.get(4);
    assertThat(offer.get("nodeId").asText()).isEqualTo("offer");
    assertThat(offer.get("verdict").asText()).isEqualTo("block");
    assertThat(offer.get("sends").asBoolean()).isFalse();
    assertThat(offer.get("violations").get(0).get("excerpt").asText()).isEqualTo("20% off");
    assertThat(sim.get("aggregate").get("messages").get("offer").get("blocked").asInt())
        .isEqualTo(1);
    assertThat(sim.get("aggregate").get("blockedBy").get("Discounts up to 15%").asInt())
        .isEqualTo(1);

    HttpResponse<String> csv = E2e.get(path + "/export?format=csv", admin);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body())
        .startsWith("leadId,lead,nodeId,type,at,channel,subject,verdict,blockedBy,branch,")
        .contains("offer,send_email");
    HttpResponse<String> exported = E2e.get(path + "/export", admin);
    assertThat(json(exported).get("leads")).hasSize(2);
    assertThat(E2e.get(path + "/export?format=xml", admin).statusCode()).isEqualTo(400);

    // a dry run: no run, no message
    String schema = TenantSchema.schemaFor(t.slug());
    assertThat(
            StripeE2e.count(
                "select count(*) from " + schema + ".workflow_runs where ?::text is not null", "x"))
        .isZero();
    assertThat(
            StripeE2e.count(
                "select count(*) from " + schema + ".messages where ?::text is not null", "x"))
        .isZero();
  }

  @Test
  void bad_input_is_4xx_and_other_tenants_see_nothing() throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("simbad");
    String admin = t.token();
    String mailbox = PolicyJourneyIT.HttpMailbox.create(admin);
    String ana = Journeys.lead(admin, "Ana", "Lima", "Initech");
    String wf = workflow(admin, mailbox);
    StripeE2e.NewTenant other = StripeE2e.newTenant("simother");
    // lead ids are per workspace: the third lead of the other one has no namesake here
    Journeys.lead(other.token(), "Eve", "Other", "Globex");
    Journeys.lead(other.token(), "Ed", "Other", "Globex");
    String stranger = Journeys.lead(other.token(), "Em", "Other", "Globex");

    assertThat(
            E2e.send(
                    "POST",
                    "/api/v1/workflows/999999999/simulations",
                    admin,
                    "{\"leadIds\":[" + ana + "]}")
                .statusCode())
        .isEqualTo(404);
    String many =
        IntStream.rangeClosed(1, 301).mapToObj(Integer::toString).collect(Collectors.joining(","));
    HttpResponse<String> tooMany =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + wf + "/simulations",
            admin,
            "{\"leadIds\":[" + many + "]}");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(json(tooMany).get("detail").asText()).contains("at most 300");
    HttpResponse<String> foreign =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + wf + "/simulations",
            admin,
            "{\"leadIds\":[" + ana + "," + stranger + "]}");
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(json(foreign).get("detail").asText()).contains("No lead " + stranger);
    HttpResponse<String> badScript =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + wf + "/simulations",
            admin,
            "{\"leadIds\":["
                + ana
                + "],\"script\":[{\"leadIndex\":1,\"onDay\":2,"
                + "\"kind\":\"waves\"}]}");
    assertThat(badScript.statusCode()).isEqualTo(400);
    assertThat(json(badScript).get("field").asText()).isEqualTo("script");
    assertThat(
            E2e.send("POST", "/api/v1/workflows/" + wf + "/simulations", admin, "{}").statusCode())
        .isEqualTo(400);
    // the workflow of another tenant is not found either
    assertThat(
            E2e.send(
                    "POST",
                    "/api/v1/workflows/" + wf + "/simulations",
                    other.token(),
                    "{\"leadIds\":[" + stranger + "]}")
                .statusCode())
        .isIn(400, 404);

    HttpResponse<String> ok =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + wf + "/simulations",
            admin,
            "{\"leadIds\":[" + ana + "]}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
    String path = "/api/v1/simulations/" + json(ok).get("id").asText();
    assertThat(E2e.get(path, admin).statusCode()).isEqualTo(200);
    assertThat(E2e.get(path, other.token()).statusCode()).isEqualTo(404);
    assertThat(E2e.get(path + "/export?format=csv", other.token()).statusCode()).isEqualTo(404);
  }

  @Test
  void the_openapi_document_describes_the_simulation_endpoints() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/workflows/{id}/simulations:",
            "/api/v1/simulations/{id}:",
            "/api/v1/simulations/{id}/export:",
            "name: Simulations");
  }
}
