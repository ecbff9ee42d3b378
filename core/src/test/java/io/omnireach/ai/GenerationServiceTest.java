package io.omnireach.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnireach.ai.AiException.Reason;
import io.omnireach.common.DomainException;
import io.omnireach.common.Json;
import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadRepository;
import io.omnireach.persona.Persona;
import io.omnireach.persona.PersonaDraft;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.testing.UsageProbe;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageExport;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real langchain4j OpenAI (for OpenRouter) and Mistral clients against local WireMock fakes of
 * both APIs: replies are parsed, retried only where it helps, cached, budgeted and recorded.
 */
class GenerationServiceTest {

  static final TenantRef ACME = new TenantRef(1, "acme");
  static final String OPENROUTER_PATH = "/api/v1/chat/completions";
  static final String MISTRAL_PATH = "/v1/chat/completions";
  static final String DRAFT_JSON =
      "{\"subject\":\"Fewer manual steps at Northwind\",\"body\":\"Hi Maria,\\n\\nAs Head of"
          + " Operations at Northwind you know the cost of manual data entry. We cut it by"
          + " half.\\n\\nBest,\\nSam\",\"rationale\":\"Used her title, company and the first value"
          + " proposition.\"}";

  static TestDatabase db;
  static WireMockServer wm;
  static AiSettingsRepository settings;
  static GenerationService service;
  static Lead lead;
  static Persona persona;
  // what the knowledge base finds for every draft (empty unless a test sets it)
  static final List<Passage> knowledge = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), ACME.schema());
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
    Clock clock = Clock.systemUTC();
    settings =
        new AiSettingsRepository(
            db.transactions(), KeyCipher.fromBase64(KeyCipher.newMasterKey()), clock);
    LeadRepository leads = new LeadRepository(db.transactions(), clock);
    PersonaRepository personas = new PersonaRepository(db.transactions(), clock);
    ChatModels models =
        new ChatModels(
            Map.of(
                Provider.OPENROUTER, wm.baseUrl() + "/api/v1",
                Provider.MISTRAL, wm.baseUrl() + "/v1"),
            Duration.ofMillis(700),
            false);
    Prices prices =
        Prices.parse(
            "openrouter:openai/gpt-4o-mini=0.15/0.60, mistral:mistral-small-latest=0.10/0.30");
    service =
        new GenerationService(
            settings,
            new AiLedger(db.transactions(), clock),
            new AiCache(db.transactions(), clock),
            models,
            prices,
            RetryPolicy.AI_CALL.withInitialBackoff(Duration.ofMillis(20)),
            leads,
            personas,
            (tenant, l, p, brief) -> List.copyOf(knowledge));
    lead =
        leads.create(
            ACME,
            new LeadDraft()
                .set(LeadField.FIRST_NAME, "Maria")
                .set(LeadField.LAST_NAME, "Garcia")
                .set(LeadField.EMAIL, "maria@northwind.example")
                .set(LeadField.COMPANY, "Northwind")
                .set(LeadField.TITLE, "Head of Operations")
                .set(LeadField.INDUSTRY, "Logistics"),
            "test");
    persona =
        personas.create(
            ACME,
            new PersonaDraft(
                "Sam",
                "Account Executive",
                null,
                List.of("Logistics"),
                List.of("Cuts manual data entry by half."),
                List.of(),
                "Best,\nSam",
                null,
                null),
            "test");
    warmUp();
  }

  /**
   * The JVM's first provider call loads langchain4j's HTTP and JSON service providers across the
   * whole classpath (which holds the embedding model and onnxruntime): on a busy machine that alone
   * outlasts the 700 ms timeout. One call here, so the tests time only what they mean.
   */
  static void warmUp() {
    useOpenRouter(100_000);
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .willReturn(okJson(completion("openai/gpt-4o-mini", DRAFT_JSON, 1, 1))));
    try {
      service.draft(ACME, lead.id(), persona.id(), "warm-up");
    } catch (RuntimeException e) {
      // only the loading matters; @BeforeEach clears calls, cache and stubs
    }
  }

  @AfterAll
  static void stop() {
    wm.stop();
    db.close();
  }

  @BeforeEach
  void clean() {
    wm.resetAll();
    db.transactions()
        .tenant(
            ACME,
            c -> {
              try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from platform.usage_events where tenant_id = " + ACME.id());
                return s.executeUpdate("truncate ai_call, ai_cache");
              }
            });
    useOpenRouter(100_000);
  }

  static void useOpenRouter(long budget) {
    settings.update(
        ACME,
        new AiSettingsUpdate(
            "OPENROUTER", "openai/gpt-4o-mini", "sk-or-test-key-1234", 0.2, budget),
        "admin@acme.test");
  }

  static void useMistral() {
    settings.update(
        ACME,
        new AiSettingsUpdate("MISTRAL", "mistral-small-latest", "mistral-test-key-9876", 0.3, null),
        "admin@acme.test");
  }

  static String completion(String model, String content, int in, int out) {
    return "{\"id\":\"cmpl-1\",\"object\":\"chat.completion\",\"created\":1764064800,"
        + "\"model\":\""
        + model
        + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + Json.quote(content)
        + "},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":"
        + in
        + ",\"completion_tokens\":"
        + out
        + ",\"total_tokens\":"
        + (in + out)
        + "}}";
  }

  Draft generate() {
    return service.draft(ACME, lead.id(), persona.id(), "sales@acme.test");
  }

  @Test
  void openrouter_reply_is_parsed_and_recorded_with_tokens_and_cost() {
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .willReturn(okJson(completion("openai/gpt-4o-mini", DRAFT_JSON, 1200, 300))));

    Draft d = generate();

    assertThat(d.subject()).isEqualTo("Fewer manual steps at Northwind");
    assertThat(d.body()).startsWith("Hi Maria,").endsWith("Best,\nSam");
    assertThat(d.rationale()).contains("title");
    assertThat(d.generator()).isEqualTo("openrouter/openai/gpt-4o-mini");
    assertThat(d.cached()).isFalse();
    assertThat(d.promptTokens()).isEqualTo(1200);
    assertThat(d.completionTokens()).isEqualTo(300);
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(OPENROUTER_PATH))
            .withHeader("Authorization", equalTo("Bearer sk-or-test-key-1234"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("openai/gpt-4o-mini")))
            .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.2")))
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")))
            .withRequestBody(containing("<<<LEAD"))
            .withRequestBody(containing("Company: Northwind")));
    assertThat(ledger())
        .containsExactly(
            "openrouter|openai/gpt-4o-mini|SUCCESS|1200|300|0.00036000|true|1|false|null");
    AiUsage usage = service.usage(ACME);
    assertThat(usage.calls()).isEqualTo(1);
    assertThat(usage.totalTokens()).isEqualTo(1500);
    assertThat(usage.costUsd()).isEqualByComparingTo("0.00036");
  }

  @Test
  void a_workflow_steps_call_is_costed_to_its_workflow_and_reported_to_telemetry() {
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .willReturn(okJson(completion("openai/gpt-4o-mini", DRAFT_JSON, 1200, 300))));
    List<String> reported = new java.util.ArrayList<>();
    AiLedger ledger =
        new AiLedger(db.transactions(), Clock.systemUTC())
            .observedBy(
                new io.omnireach.common.Telemetry() {
                  @Override
                  public void aiCall(
                      String tenant,
                      String provider,
                      String outcome,
                      int promptTokens,
                      int completionTokens,
                      BigDecimal costUsd,
                      long latencyMs) {
                    reported.add(
                        tenant
                            + "|"
                            + provider
                            + "|"
                            + outcome
                            + "|"
                            + promptTokens
                            + "|"
                            + completionTokens
                            + "|"
                            + costUsd.stripTrailingZeros());
                  }
                });
    java.time.Instant from = java.time.Instant.now().minusSeconds(60);

    service.draft(ACME, lead.id(), persona.id(), "Introduce us", "sales@acme.test", 4242L);
    generate(); // a draft outside any workflow
    ledger.record(
        ACME,
        new AiCall(
            Provider.OPENROUTER,
            "openai/gpt-4o-mini",
            100,
            50,
            new BigDecimal("0.000045"),
            true,
            5,
            1,
            false,
            AiCall.Outcome.SUCCESS,
            null,
            lead.id(),
            persona.id(),
            null,
            4242L));

    AiCosts costs = ledger.costs(ACME, from, java.time.Instant.now().plusSeconds(60));
    assertThat(costs.calls()).isEqualTo(3);
    assertThat(costs.workflows()).hasSize(1);
    AiCosts.WorkflowCost wf = costs.workflows().get(0);
    assertThat(wf.workflowId()).isEqualTo(4242L);
    assertThat(wf.name()).as("no such workflow row: deleted").isNull();
    assertThat(wf.calls()).isEqualTo(2);
    assertThat(wf.tokens()).isEqualTo(1650);
    // 1200 x 0.15 + 300 x 0.60 per million, plus the recorded 0.000045
    assertThat(wf.costUsd()).isEqualByComparingTo("0.000405");
    assertThat(costs.outsideWorkflowsUsd()).isEqualByComparingTo("0.00036");
    assertThat(reported).containsExactly("acme|openrouter|success|100|50|0.000045");
  }

  @Test
  void mistral_reply_is_parsed_through_the_mistral_client() {
    useMistral();
    wm.stubFor(
        post(urlEqualTo(MISTRAL_PATH))
            .willReturn(okJson(completion("mistral-small-latest", DRAFT_JSON, 1000, 1000))));

    Draft d = generate();

    assertThat(d.generator()).isEqualTo("mistral/mistral-small-latest");
    assertThat(d.subject()).isEqualTo("Fewer manual steps at Northwind");
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MISTRAL_PATH))
            .withHeader("Authorization", equalTo("Bearer mistral-test-key-9876"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("mistral-small-latest"))));
    assertThat(ledger())
        .containsExactly(
            "mistral|mistral-small-latest|SUCCESS|1000|1000|0.00040000|true|1|false|null");
  }

  @Test
  void a_429_is_retried_and_the_second_attempt_succeeds() {
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .inScenario("rate limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"Rate limit exceeded\",\"code\":429}}"))
            .willSetStateTo("cooled down"));
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .inScenario("rate limit")
            .whenScenarioStateIs("cooled down")
            .willReturn(okJson(completion("openai/gpt-4o-mini", DRAFT_JSON, 100, 50))));

    Draft d = generate();

    assertThat(d.subject()).isEqualTo("Fewer manual steps at Northwind");
    wm.verify(2, postRequestedFor(urlEqualTo(OPENROUTER_PATH)));
    assertThat(ledger()).hasSize(1).first().asString().contains("|SUCCESS|100|50|").contains("|2|");
  }

  @Test
  void a_500_is_tried_three_times_then_fails_clearly() {
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody("{\"error\":\"upstream down at 10.0.0.7, db password hunter2\"}")));

    assertThatThrownBy(this::generate)
        .isInstanceOfSatisfying(
            AiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR);
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.getMessage()).contains("HTTP 500", "openrouter/openai/gpt-4o-mini");
              // the tenant sees the status, not the answer's text (it is logged)
              assertThat(e.getMessage()).doesNotContain("hunter2", "10.0.0.7", "upstream down");
            });
    wm.verify(3, postRequestedFor(urlEqualTo(OPENROUTER_PATH)));
    assertThat(ledger())
        .hasSize(1)
        .first()
        .asString()
        .contains("|FAILED|0|0|0E-8|true|3|false|PROVIDER_ERROR: HTTP 500");
  }

  @Test
  void a_401_is_not_retried() {
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"bad key\"}")));

    assertThatThrownBy(this::generate)
        .isInstanceOfSatisfying(
            AiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION));
    wm.verify(1, postRequestedFor(urlEqualTo(OPENROUTER_PATH)));
  }

  @Test
  void a_provider_slower_than_the_timeout_fails_as_a_timeout_after_three_attempts() {
    useMistral();
    wm.stubFor(
        post(urlEqualTo(MISTRAL_PATH))
            .willReturn(
                okJson(completion("mistral-small-latest", DRAFT_JSON, 10, 10))
                    .withFixedDelay(2000)));

    long started = System.nanoTime();
    assertThatThrownBy(this::generate)
        .isInstanceOfSatisfying(
            AiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
              assertThat(e.getMessage()).contains("did not answer in time");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(5000));
    wm.verify(3, postRequestedFor(urlEqualTo(MISTRAL_PATH)));
    assertThat(ledger()).hasSize(1).first().asString().contains("|FAILED|", "TIMEOUT");
  }

  @Test
  void a_reply_that_is_not_the_json_asked_for_fails_but_its_tokens_are_recorded() {
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .willReturn(
                okJson(
                    completion(
                        "openai/gpt-4o-mini", "Sure! Subject: Hello\nBody: {oops", 1000, 200))));

    assertThatThrownBy(this::generate)
        .isInstanceOfSatisfying(
            AiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY);
              assertThat(e.getMessage()).contains("not valid JSON");
            });
    wm.verify(1, postRequestedFor(urlEqualTo(OPENROUTER_PATH)));
    assertThat(ledger())
        .containsExactly(
            "openrouter|openai/gpt-4o-mini|FAILED|1000|200|0.00027000|true|1|false"
                + "|MALFORMED_REPLY: The model's reply is not valid JSON.");
  }

  @Test
  void a_provider_response_that_is_not_json_at_all_fails_clearly() {
    useMistral();
    wm.stubFor(
        post(urlEqualTo(MISTRAL_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\": \"cmpl-1\", \"choices\": [")));

    assertThatThrownBy(this::generate)
        .isInstanceOfSatisfying(
            AiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY));
    wm.verify(1, postRequestedFor(urlEqualTo(MISTRAL_PATH)));
    assertThat(ledger()).hasSize(1).first().asString().contains("|FAILED|", "MALFORMED_REPLY");
  }

  @Test
  void a_reply_with_a_missing_body_or_an_invented_link_is_refused() {
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .willReturn(okJson(completion("openai/gpt-4o-mini", "{\"subject\":\"Hi\"}", 10, 10))));
    assertThatThrownBy(this::generate).hasMessageContaining("lacks a text subject or body");

    wm.resetAll();
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .willReturn(
                okJson(
                    completion(
                        "openai/gpt-4o-mini",
                        "{\"subject\":\"Hi\",\"body\":\"Book here: https://evil.example/x\"}",
                        10,
                        10))));
    assertThatThrownBy(this::generate).hasMessageContaining("link that is not in the persona");
  }

  @Test
  void the_identical_second_request_is_served_from_the_cache() {
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .willReturn(okJson(completion("openai/gpt-4o-mini", DRAFT_JSON, 100, 50))));

    Transactions tx = db.transactions();
    // the rep who asked for the draft is a platform user: AI usage is exported per user
    tx.platform(
        c -> {
          try (Statement s = c.createStatement()) {
            s.executeUpdate(
                "insert into platform.users (email, display_name, password_hash)"
                    + " values ('sales@acme.test', 'Sam Sales', 'x') on conflict do nothing");
          }
          return null;
        });
    Draft first = generate();
    Draft second = generate();

    wm.verify(1, postRequestedFor(urlEqualTo(OPENROUTER_PATH)));
    assertThat(first.cached()).isFalse();
    assertThat(second.cached()).isTrue();
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(ledger())
        .hasSize(2)
        .element(1)
        .asString()
        .startsWith("openrouter|openai/gpt-4o-mini|CACHE_HIT|0|0|0E-8|true|0|true|null");
    // the provider call is billed with its tokens; the cache hit is not
    assertThat(UsageProbe.events(tx, ACME.id(), Meter.AI_CALLS, "ai_call:%")).isEqualTo("1/1");
    assertThat(UsageProbe.events(tx, ACME.id(), Meter.AI_INPUT_TOKENS, "ai_call:%"))
        .isEqualTo("1/100");
    assertThat(UsageProbe.events(tx, ACME.id(), Meter.AI_OUTPUT_TOKENS, "ai_call:%"))
        .isEqualTo("1/50");
    assertThat(
            new UsageExport(tx)
                .rows(
                    ACME,
                    java.time.Instant.now().minus(java.time.Duration.ofDays(1)),
                    java.time.Instant.now().plus(java.time.Duration.ofDays(1)),
                    UsageExport.By.USER))
        .filteredOn(r -> r.meter() == Meter.AI_INPUT_TOKENS)
        .extracting(UsageExport.Row::refName, UsageExport.Row::quantity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sales@acme.test", 100L));

    // another temperature is another request
    settings.update(ACME, new AiSettingsUpdate(null, null, null, 0.9, null), "admin@acme.test");
    assertThat(generate().cached()).isFalse();
    wm.verify(2, postRequestedFor(urlEqualTo(OPENROUTER_PATH)));
  }

  @Test
  void a_workflow_steps_brief_reaches_the_model_and_is_its_own_cache_entry() {
    wm.stubFor(
        post(urlEqualTo(OPENROUTER_PATH))
            .willReturn(okJson(completion("openai/gpt-4o-mini", DRAFT_JSON, 100, 50))));

    Draft plain = generate();
    Draft briefed =
        service.draft(
            ACME, lead.id(), persona.id(), "Mention the webinar on 3 March.", "workflow:7");

    assertThat(plain.cached()).isFalse();
    assertThat(briefed.cached()).as("another brief is another request").isFalse();
    wm.verify(2, postRequestedFor(urlEqualTo(OPENROUTER_PATH)));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(OPENROUTER_PATH))
            .withRequestBody(containing("<<<BRIEF\\nMention the webinar on 3 March.\\nBRIEF>>>")));
    wm.verify(
        1, postRequestedFor(urlEqualTo(OPENROUTER_PATH)).withRequestBody(containing("BRIEF")));
  }

  @Test
  void offline_drafts_say_that_a_brief_was_not_followed() {
    settings.update(ACME, new AiSettingsUpdate(null, null, "", null, null), "admin@acme.test");

    Draft d = service.draft(ACME, lead.id(), persona.id(), "Mention the webinar.", "workflow:7");

    assertThat(d.generator()).isEqualTo("offline");
    assertThat(d.rationale())
        .endsWith("The step's brief was not applied: only an AI provider follows it.");
    assertThat(generate().rationale()).doesNotContain("brief");
  }

  @Test
  void a_spent_budget_refuses_before_any_http_call() {
    useOpenRouter(1000);
    db.transactions()
        .tenant(
            ACME,
            c -> {
              try (Statement s = c.createStatement()) {
                return s.executeUpdate(
                    "insert into ai_call (provider, model, prompt_tokens, completion_tokens,"
                        + " outcome) values ('openrouter', 'openai/gpt-4o-mini', 900, 100,"
                        + " 'SUCCESS')");
              }
            });

    assertThatThrownBy(this::generate)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.TOO_MANY_REQUESTS);
              assertThat(e.getMessage())
                  .isEqualTo("The monthly AI token budget of 1000 tokens is spent.");
            });
    wm.verify(0, postRequestedFor(urlEqualTo(OPENROUTER_PATH)));
  }

  @Test
  void the_single_attempt_copy_for_workflow_steps_still_drafts_from_the_knowledge_base() {
    settings.update(ACME, new AiSettingsUpdate(null, null, "", null, null), "admin@acme.test");
    knowledge.add(
        new Passage(Passage.DOCUMENT, 7, "Freight guide", 70, "Northwind ships 40 pallets a day."));
    try {
      Draft d =
          service
              .withRetry(RetryPolicy.AI_CALL.withMaxAttempts(1))
              .draft(ACME, lead.id(), persona.id(), "x");
      assertThat(d.sources()).extracting(DraftSource::title).contains("Freight guide");
    } finally {
      knowledge.clear();
    }
  }

  @Test
  void without_a_key_the_offline_generator_answers_and_nothing_is_called() {
    settings.update(ACME, new AiSettingsUpdate(null, null, "", null, null), "admin@acme.test");

    Draft d = generate();

    assertThat(d.generator()).isEqualTo("offline");
    assertThat(d.body()).contains("Northwind", "Head of Operations");
    assertThat(wm.getAllServeEvents()).isEmpty();
    assertThat(ledger()).isEmpty();
  }

  @Test
  void unknown_lead_or_persona_ids_are_not_found() {
    assertThatThrownBy(() -> service.draft(ACME, 999_999, persona.id(), "x"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    assertThatThrownBy(() -> service.draft(ACME, lead.id(), 999_999, "x"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
  }

  /** provider|model|outcome|in|out|cost|priced|attempts|cache_hit|error, oldest first. */
  static List<String> ledger() {
    return db.transactions()
        .tenant(
            ACME,
            c -> {
              List<String> rows = new ArrayList<>();
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "select provider, model, outcome, prompt_tokens, completion_tokens,"
                              + " cost_usd, priced, attempts, cache_hit, error from ai_call"
                              + " order by id")) {
                while (rs.next()) {
                  List<String> cols = new ArrayList<>();
                  for (int i = 1; i <= 10; i++) {
                    cols.add(String.valueOf(rs.getObject(i)));
                  }
                  rows.add(String.join("|", cols));
                }
              }
              return rows;
            });
  }
}
