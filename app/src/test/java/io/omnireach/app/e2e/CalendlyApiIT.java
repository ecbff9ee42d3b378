package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.omnireach.meeting.CalendlySignature;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calendly end to end: the server's real Calendly client against a WireMock fake of Calendly's API
 * (users/me, webhook_subscriptions) connects a workspace, and webhook deliveries signed the way
 * Calendly documents (HMAC-SHA256 of "t.body" under the signing key the fake was given) move the
 * lead to meeting, end its run, and count once; unsigned, wrongly signed and stale ones change
 * nothing. Another workspace sees neither the settings nor the meeting.
 */
class CalendlyApiIT {

  static final int PORT = Integer.getInteger("omnireach.e2e.calendly.port", 12171);
  static final String ACME_TOKEN = "acme-pat-" + UUID.randomUUID() + "Wxyz";
  static final String GLOBEX_TOKEN = "globex-pat-" + UUID.randomUUID();
  static final String CAL = "https://api.calendly.com";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The mailbox fixture's GreenMail, registered here too so it runs for this class. */
  @RegisterExtension static GreenMailExtension smtp = WorkflowEngineIT.smtp;

  static WireMockServer calendly;

  @BeforeAll
  static void start() throws Exception {
    WorkflowEngineIT.appStarted();
    calendly = fake();
  }

  /**
   * The Calendly fake on the port the e2e server's client calls: each demo token's user, a 401 for
   * any other token, subscriptions created (with a new URI each) and deleted.
   */
  static WireMockServer fake() {
    WireMockServer calendly =
        new WireMockServer(options().port(PORT).bindAddress("127.0.0.1").globalTemplating(true));
    calendly.start();
    CalendlyApiIT.calendly = calendly;
    me(ACME_TOKEN, "ACMEUSER", "https://calendly.com/acme-rep/30min", "ACMEORG");
    me(GLOBEX_TOKEN, "GLOBEXUSER", "https://calendly.com/globex-rep/intro", "GLOBEXORG");
    calendly.stubFor(
        get(urlPathEqualTo("/users/me"))
            .atPriority(9)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"title\":\"Unauthenticated\","
                            + "\"message\":\"The access token is invalid\"}")));
    calendly.stubFor(
        post(urlPathEqualTo("/webhook_subscriptions"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"resource\":{\"uri\":\""
                            + CAL
                            + "/webhook_subscriptions/{{randomValue length=16 type='ALPHANUMERIC'}}"
                            + "\",\"callback_url\":\"{{jsonPath request.body '$.url'}}\","
                            + "\"state\":\"active\"}}")));
    calendly.stubFor(
        delete(urlPathMatching("/webhook_subscriptions/.+"))
            .willReturn(aResponse().withStatus(204)));
    return calendly;
  }

  @AfterAll
  static void stop() {
    calendly.stop();
  }

  static void me(String token, String user, String link, String org) {
    calendly.stubFor(
        get(urlPathEqualTo("/users/me"))
            .atPriority(1)
            .withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"resource\":{\"uri\":\""
                            + CAL
                            + "/users/"
                            + user
                            + "\",\"scheduling_url\":\""
                            + link
                            + "\",\"current_organization\":\""
                            + CAL
                            + "/organizations/"
                            + org
                            + "\",\"name\":\"Rep\",\"email\":\"rep@example.com\"}}")));
  }

  static HttpResponse<String> connect(String admin, String token) throws Exception {
    return E2e.send("POST", "/api/v1/channels/calendly", admin, "{\"token\":\"" + token + "\"}");
  }

  /** The signing key the server gave Calendly for this user's subscription (latest). */
  static String signingKey(String user) throws Exception {
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> made =
        calendly.findAll(postRequestedFor(urlPathEqualTo("/webhook_subscriptions")));
    for (int i = made.size() - 1; i >= 0; i--) {
      JsonNode body = SmsApiIT.JSON.readTree(made.get(i).getBodyAsString());
      if (body.get("user").asText().equals(CAL + "/users/" + user)) {
        return body.get("signing_key").asText();
      }
    }
    throw new AssertionError("no subscription for " + user);
  }

  /** A Calendly invitee webhook body. */
  static byte[] invitee(
      String event, String user, String inviteeId, String email, String utmContent, Instant start) {
    ObjectNode root = SmsApiIT.JSON.createObjectNode();
    root.put("created_at", Instant.now().toString());
    root.put("created_by", CAL + "/users/" + user);
    root.put("event", event);
    ObjectNode p = root.putObject("payload");
    p.put("uri", CAL + "/scheduled_events/EV" + inviteeId + "/invitees/" + inviteeId);
    p.put("email", email);
    p.put("name", "Invitee " + inviteeId);
    p.put("status", event.equals("invitee.canceled") ? "canceled" : "active");
    p.putObject("tracking").put("utm_source", "omnireach").put("utm_content", utmContent);
    ObjectNode se = p.putObject("scheduled_event");
    se.put("uri", CAL + "/scheduled_events/EV" + inviteeId);
    se.put("name", "30 Minute Meeting");
    se.put("start_time", start.toString());
    se.put("end_time", start.plus(Duration.ofMinutes(30)).toString());
    if (event.equals("invitee.canceled")) {
      p.putObject("cancellation").put("reason", "Double-booked").put("canceled_by", "Invitee");
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  static HttpResponse<String> hook(byte[] body, String signature) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + "/webhooks/calendly"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      b.header("Calendly-Webhook-Signature", signature);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> signed(String key, byte[] body) throws Exception {
    return hook(body, CalendlySignature.header(key, Instant.now().getEpochSecond(), body));
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return SmsApiIT.JSON.readTree(r.body());
  }

  static String bodyText(MimeMessage m) throws Exception {
    return ((String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent())
        .replace("\r\n", "\n");
  }

  @Test
  void a_refused_token_is_422_and_connects_nothing_a_good_one_subscribes_the_webhook()
      throws Exception {
    String admin = E2e.token("admin@globex.demo");
    HttpResponse<String> bad = connect(admin, "not-a-valid-token");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
    assertThat(bad.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json(bad).get("detail").asText())
        .contains("Calendly refused the personal access token (401 Unauthorized")
        .contains("The access token is invalid");
    assertThat(json(bad).get("field").asText()).isEqualTo("token");
    HttpResponse<String> badLink =
        E2e.send(
            "POST",
            "/api/v1/channels/calendly",
            admin,
            "{\"token\":\"" + GLOBEX_TOKEN + "\",\"schedulingUrl\":\"javascript:alert(1)\"}");
    assertThat(badLink.statusCode()).as(badLink.body()).isEqualTo(400);
    assertThat(json(badLink).get("field").asText()).isEqualTo("schedulingUrl");

    HttpResponse<String> ok = connect(admin, GLOBEX_TOKEN);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode s = json(ok);
    assertThat(s.get("schedulingUrl").asText()).isEqualTo("https://calendly.com/globex-rep/intro");
    assertThat(s.get("webhookUrl").asText()).isEqualTo(E2e.BASE_URL + "/webhooks/calendly");
    assertThat(s.get("webhookUri").asText()).startsWith(CAL + "/webhook_subscriptions/");
    assertThat(s.get("tokenLast4").asText())
        .isEqualTo(GLOBEX_TOKEN.substring(GLOBEX_TOKEN.length() - 4));
    JsonNode sub =
        SmsApiIT.JSON.readTree(
            calendly
                .findAll(postRequestedFor(urlPathEqualTo("/webhook_subscriptions")))
                .get(
                    calendly
                            .findAll(postRequestedFor(urlPathEqualTo("/webhook_subscriptions")))
                            .size()
                        - 1)
                .getBodyAsString());
    assertThat(sub.get("url").asText()).isEqualTo(E2e.BASE_URL + "/webhooks/calendly");
    assertThat(sub.get("events").toString())
        .isEqualTo("[\"invitee.created\",\"invitee.canceled\"]");
    assertThat(sub.get("organization").asText()).isEqualTo(CAL + "/organizations/GLOBEXORG");
    assertThat(sub.get("scope").asText()).isEqualTo("user");
    assertThat(sub.get("signing_key").asText()).hasSizeGreaterThanOrEqualTo(32);

    HttpResponse<String> read =
        E2e.get("/api/v1/channels/calendly", E2e.token("admin@globex.demo"));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .doesNotContain(GLOBEX_TOKEN)
        .doesNotContain(sub.get("signing_key").asText());
    // only Admins connect
    HttpResponse<String> asSales = connect(E2e.token("sales@acme.demo"), ACME_TOKEN);
    assertThat(asSales.statusCode()).isEqualTo(403);
  }

  @Test
  void a_signed_booking_moves_the_lead_to_meeting_ends_its_run_once_and_only_its_tenant_sees_it()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    HttpResponse<String> connected = connect(admin, ACME_TOKEN);
    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
    String key = signingKey("ACMEUSER");
    String mailbox = WorkflowEngineIT.mailbox(admin);
    String lead = WorkflowEngineIT.lead(sales, "Cal");
    String email = E2e.field(E2e.get("/api/v1/leads/" + lead, sales).body(), "email");
    String wf =
        WorkflowEngineIT.publish(
            sales,
            "{\"name\":\"Calendly IT "
                + UUID.randomUUID()
                + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"m\",\"type\":\"send_email\",\"config\":{\"mailboxId\":"
                + mailbox
                + ",\"subject\":\"A time to talk\",\"body\":\"Hi {{lead.firstName}},"
                + " pick a time: {{meeting.link}}\"}},"
                + "{\"id\":\"w\",\"type\":\"wait\",\"config\":{\"duration\":\"P3D\"}},"
                + "{\"id\":\"e\",\"type\":\"end\"}],\"edges\":[{\"source\":\"s\",\"target\":\"m\"},"
                + "{\"source\":\"m\",\"target\":\"w\"},{\"source\":\"w\",\"target\":\"e\"}]}");
    assertThat(
            E2e.send(
                    "POST",
                    "/api/v1/workflows/" + wf + "/enrollments",
                    sales,
                    "{\"leadIds\":[" + lead + "]}")
                .statusCode())
        .isEqualTo(202);
    String runId = E2e.field(WorkflowEngineIT.awaitRuns(sales, wf, "waiting", 1), "id");
    // the email carries the lead's own booking link
    MimeMessage sent =
        await("email with the meeting link")
            .atMost(Duration.ofSeconds(60))
            .until(() -> WorkflowEngineIT.receivedBy(email), l -> !l.isEmpty())
            .get(0);
    String link =
        "https://calendly.com/acme-rep/30min?name=Cal&email="
            + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&utm_source=omnireach&utm_content=lead-"
            + lead;
    assertThat(bodyText(sent)).contains("Hi Cal, pick a time: " + link);

    // booked under another email: the link's utm_content names the lead
    String invitee = "INV" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Instant start =
        Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    byte[] created =
        invitee(
            "invitee.created",
            "ACMEUSER",
            invitee,
            "cal.private@home.example",
            "lead-" + lead,
            start);
    long t = Instant.now().getEpochSecond();
    HttpResponse<String> unsigned = hook(created, null);
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body()).contains("Calendly-Webhook-Signature");
    assertThat(
            hook(created, CalendlySignature.header("not-the-signing-key-at-all", t, created))
                .statusCode())
        .isEqualTo(403);
    byte[] tampered =
        new String(created, StandardCharsets.UTF_8)
            .replace("lead-" + lead, "lead-1")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(hook(tampered, CalendlySignature.header(key, t, created)).statusCode())
        .isEqualTo(403);
    HttpResponse<String> stale = hook(created, CalendlySignature.header(key, t - 400, created));
    assertThat(stale.statusCode()).isEqualTo(403);
    assertThat(stale.body()).contains("180 seconds");
    assertThat(json(E2e.get("/api/v1/leads/" + lead + "/meetings", sales)).get("items")).isEmpty();
    assertThat(json(E2e.get("/api/v1/runs/" + runId, sales)).at("/run/status").asText())
        .isEqualTo("waiting");
    assertThat(E2e.field(E2e.get("/api/v1/leads/" + lead, sales).body(), "stage"))
        .isNotEqualTo("meeting");

    HttpResponse<String> applied = signed(key, created);
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(204);
    assertThat(applied.headers().firstValue("X-OmniReach-Outcome")).hasValue("APPLIED");
    HttpResponse<String> repeat = signed(key, created);
    assertThat(repeat.statusCode()).isEqualTo(204);
    assertThat(repeat.headers().firstValue("X-OmniReach-Outcome")).hasValue("DUPLICATE");

    assertThat(E2e.field(E2e.get("/api/v1/leads/" + lead, sales).body(), "stage"))
        .isEqualTo("meeting");
    JsonNode run = json(E2e.get("/api/v1/runs/" + runId, sales)).get("run");
    assertThat(run.get("status").asText()).isEqualTo("cancelled");
    assertThat(run.get("stopReason").asText()).contains("Meeting booked on Calendly");
    JsonNode meetings = json(E2e.get("/api/v1/leads/" + lead + "/meetings", sales)).get("items");
    assertThat(meetings).hasSize(1);
    assertThat(meetings.get(0).get("status").asText()).isEqualTo("booked");
    assertThat(Instant.parse(meetings.get(0).get("startTime").asText())).isEqualTo(start);
    assertThat(meetings.get(0).get("inviteeEmail").asText()).isEqualTo("cal.private@home.example");

    // another workspace: not its lead, not its settings; Acme's key signs nothing for it
    String globex = E2e.token("admin@globex.demo");
    assertThat(E2e.get("/api/v1/leads/" + lead + "/meetings", globex).statusCode()).isEqualTo(404);
    HttpResponse<String> theirs = E2e.get("/api/v1/channels/calendly", globex);
    assertThat(theirs.body()).doesNotContain("acme-rep").doesNotContain("ACMEUSER");

    // canceled: the meeting shows canceled, the stage stays
    byte[] canceled =
        invitee(
            "invitee.canceled",
            "ACMEUSER",
            invitee,
            "cal.private@home.example",
            "lead-" + lead,
            start);
    HttpResponse<String> cancel = signed(key, canceled);
    assertThat(cancel.headers().firstValue("X-OmniReach-Outcome")).hasValue("APPLIED");
    assertThat(signed(key, canceled).headers().firstValue("X-OmniReach-Outcome"))
        .hasValue("DUPLICATE");
    meetings = json(E2e.get("/api/v1/leads/" + lead + "/meetings", sales)).get("items");
    assertThat(meetings).hasSize(1);
    assertThat(meetings.get(0).get("status").asText()).isEqualTo("canceled");
    assertThat(meetings.get(0).get("cancelReason").asText()).isEqualTo("Double-booked");
    assertThat(E2e.field(E2e.get("/api/v1/leads/" + lead, sales).body(), "stage"))
        .isEqualTo("meeting");
  }

  @Test
  void a_workflow_that_decides_on_meeting_booked_goes_down_yes_instead_of_ending()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    assertThat(connect(admin, ACME_TOKEN).statusCode()).isEqualTo(200);
    String key = signingKey("ACMEUSER");
    String lead = WorkflowEngineIT.lead(sales, "Dee");
    String email = E2e.field(E2e.get("/api/v1/leads/" + lead, sales).body(), "email");
    String wf =
        WorkflowEngineIT.publish(
            sales,
            "{\"name\":\"Meeting decision IT "
                + UUID.randomUUID()
                + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"w\",\"type\":\"wait\",\"config\":{\"duration\":\"PT6S\"}},"
                + "{\"id\":\"d\",\"type\":\"decision\",\"config\":{\"condition\":"
                + "{\"kind\":\"meeting_booked\"}}},"
                + "{\"id\":\"yes\",\"type\":\"end\"},{\"id\":\"no\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"s\",\"target\":\"w\"},{\"source\":\"w\",\"target\":\"d\"},"
                + "{\"source\":\"d\",\"target\":\"yes\",\"condition\":\"yes\"},"
                + "{\"source\":\"d\",\"target\":\"no\",\"condition\":\"no\"}]}");
    E2e.send(
        "POST", "/api/v1/workflows/" + wf + "/enrollments", sales, "{\"leadIds\":[" + lead + "]}");
    String runId = E2e.field(WorkflowEngineIT.awaitRuns(sales, wf, "waiting", 1), "id");
    // booked with the lead's own email (no utm_content): matched by email
    byte[] created =
        invitee(
            "invitee.created",
            "ACMEUSER",
            "INVD" + lead,
            email.toUpperCase(),
            null,
            Instant.now().plus(Duration.ofDays(1)));
    assertThat(signed(key, created).headers().firstValue("X-OmniReach-Outcome"))
        .hasValue("APPLIED");
    assertThat(json(E2e.get("/api/v1/runs/" + runId, sales)).at("/run/status").asText())
        .isIn("waiting", "running", "pending");
    WorkflowEngineIT.awaitRuns(sales, wf, "succeeded", 1);
    JsonNode detail = json(E2e.get("/api/v1/runs/" + runId, sales));
    List<String> visited = new java.util.ArrayList<>();
    detail.get("steps").forEach(step -> visited.add(step.get("nodeId").asText()));
    assertThat(visited).contains("d", "yes").doesNotContain("no");
    assertThat(detail.toString()).contains("Meeting booked at");
    assertThat(E2e.field(E2e.get("/api/v1/leads/" + lead, sales).body(), "stage"))
        .isEqualTo("meeting");
  }

  /** The account graph's met edge from {@code user} to {@code lead}, or null. */
  static JsonNode metEdge(String token, String accountId, long user, String lead) throws Exception {
    HttpResponse<String> r = E2e.get("/api/v1/accounts/" + accountId + "/graph", token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (JsonNode e : json(r).get("edges")) {
      if (e.get("kind").asText().equals("met")
          && e.get("source").asText().equals("user:" + user)
          && e.get("target").asText().equals("lead:" + lead)) {
        return e;
      }
    }
    return null;
  }

  @Test
  void a_booked_meeting_is_a_met_edge_from_the_leads_owner_and_canceling_weakens_it()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    assertThat(connect(admin, ACME_TOKEN).statusCode()).isEqualTo(200);
    String key = signingKey("ACMEUSER");
    long salesId = json(E2e.get("/api/v1/me", sales)).get("id").asLong();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String domain = "met-" + tag + ".example";
    String lead = AccountsGraphIT.lead(sales, "Mia", "Met", "mia@" + domain, "Met " + tag);
    HttpResponse<String> owned =
        E2e.send("PATCH", "/api/v1/leads/" + lead, sales, "{\"ownerId\":" + salesId + "}");
    assertThat(owned.statusCode()).as(owned.body()).isEqualTo(200);
    String account =
        json(E2e.get("/api/v1/accounts?q=" + domain, sales)).at("/items/0/id").asText();
    assertThat(metEdge(sales, account, salesId, lead)).isNull();

    Instant first =
        Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    Instant second = first.plus(Duration.ofDays(7));
    byte[] one = invitee("invitee.created", "ACMEUSER", "MET1" + tag, "mia@" + domain, null, first);
    byte[] two =
        invitee("invitee.created", "ACMEUSER", "MET2" + tag, "mia@" + domain, null, second);
    assertThat(signed(key, one).headers().firstValue("X-OmniReach-Outcome")).hasValue("APPLIED");
    JsonNode met = metEdge(sales, account, salesId, lead);
    assertThat(met).as("met edge after the booking").isNotNull();
    assertThat(met.get("strength").asDouble()).isEqualTo(0.9);
    assertThat(met.get("count").asLong()).isEqualTo(1);
    assertThat(Instant.parse(met.get("lastAt").asText())).isEqualTo(first);

    // a second meeting strengthens it; the team panel counts both
    assertThat(signed(key, two).headers().firstValue("X-OmniReach-Outcome")).hasValue("APPLIED");
    met = metEdge(sales, account, salesId, lead);
    assertThat(met.get("strength").asDouble()).isEqualTo(1.0);
    assertThat(met.get("count").asLong()).isEqualTo(2);
    assertThat(Instant.parse(met.get("lastAt").asText())).isEqualTo(second);
    JsonNode team = json(E2e.get("/api/v1/accounts/" + account, sales)).get("team");
    assertThat(team.get(0).get("userId").asLong()).isEqualTo(salesId);
    assertThat(team.get(0).get("meetings").asInt()).isEqualTo(2);

    // canceling one: back to one meeting; canceling both leaves a weak edge (the stage stays)
    byte[] cancelTwo =
        invitee("invitee.canceled", "ACMEUSER", "MET2" + tag, "mia@" + domain, null, second);
    assertThat(signed(key, cancelTwo).headers().firstValue("X-OmniReach-Outcome"))
        .hasValue("APPLIED");
    met = metEdge(sales, account, salesId, lead);
    assertThat(met.get("strength").asDouble()).isEqualTo(0.9);
    assertThat(Instant.parse(met.get("lastAt").asText())).isEqualTo(first);
    byte[] cancelOne =
        invitee("invitee.canceled", "ACMEUSER", "MET1" + tag, "mia@" + domain, null, first);
    assertThat(signed(key, cancelOne).headers().firstValue("X-OmniReach-Outcome"))
        .hasValue("APPLIED");
    met = metEdge(sales, account, salesId, lead);
    assertThat(met.get("strength").asDouble()).isEqualTo(0.3);
    assertThat(met.path("lastAt").isNull() || met.path("lastAt").isMissingNode()).isTrue();

    // another workspace does not see the account's graph
    assertThat(
            E2e.get("/api/v1/accounts/" + account + "/graph", E2e.token("admin@globex.demo"))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void the_calendly_endpoints_and_the_webhook_are_in_the_openapi_document_with_examples()
      throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/channels/calendly",
            "/api/v1/leads/{leadId}/meetings",
            "CalendlySettingsRequest",
            "with link and signing key",
            "Calendly refused the personal",
            "/webhooks/calendly",
            "Calendly-Webhook-Signature",
            "utm_content: lead-42");
  }
}
