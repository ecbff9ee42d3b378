package io.omnireach.policy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnireach.ai.AiLedger;
import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.ai.AiSettingsUpdate;
import io.omnireach.ai.ChatModels;
import io.omnireach.ai.KeyCipher;
import io.omnireach.ai.Prices;
import io.omnireach.ai.Provider;
import io.omnireach.common.Json;
import io.omnireach.db.Migrations;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The optional LLM review against a local OpenAI-compatible fake (WireMock): it adds warnings,
 * never unblocks, is off until turned on, and a failing model adds nothing.
 */
class PolicyReviewTest {

  static final TenantRef ACME = new TenantRef(1, "acme");
  static final String PATH = "/api/v1/chat/completions";
  static TestDatabase db;
  static WireMockServer wm;
  static Policies policies;
  static AiSettingsRepository settings;
  static PolicyReview review;
  static List<Policy> rules;

  @BeforeAll
  static void start() {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), ACME.schema());
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
    Clock clock = Clock.systemUTC();
    policies = new Policies(db.transactions(), clock);
    settings =
        new AiSettingsRepository(
            db.transactions(), KeyCipher.fromBase64(KeyCipher.newMasterKey()), clock);
    review =
        new PolicyReview(
            policies,
            settings,
            new AiLedger(db.transactions(), clock),
            new ChatModels(
                Map.of(Provider.OPENROUTER, wm.baseUrl() + "/api/v1"),
                Duration.ofSeconds(5),
                false),
            Prices.none(),
            RetryPolicy.AI_CALL.withMaxAttempts(1));
    policies.create(
        ACME,
        PolicyRules.read(Map.of("kind", "max_discount", "percent", 15, "severity", "block")),
        "admin");
    policies.create(
        ACME,
        PolicyRules.read(
            Map.of(
                "kind",
                "forbidden_phrase",
                "phrases",
                List.of("guarantee"),
                "severity",
                "block",
                "explanation",
                "We never promise results.")),
        "admin");
    rules = policies.list(ACME);
    settings.update(
        ACME,
        new AiSettingsUpdate("OPENROUTER", "openai/gpt-4o-mini", "sk-or-test-key-1234", 0.2, null),
        "admin");
  }

  @AfterAll
  static void stop() {
    wm.stop();
    db.close();
  }

  @BeforeEach
  void reset() {
    wm.resetAll();
    policies.setLlmCheck(ACME, true, "admin");
    db.transactions()
        .tenant(
            ACME,
            c -> {
              try (Statement s = c.createStatement()) {
                return s.executeUpdate("truncate ai_call");
              }
            });
  }

  static void answers(String content) {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                okJson(
                    "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1764064800,"
                        + "\"model\":\"openai/gpt-4o-mini\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":"
                        + Json.quote(content)
                        + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":50,"
                        + "\"completion_tokens\":10,\"total_tokens\":60}}")));
  }

  static Verdict check(String body) {
    return review.check(ACME, rules, new OutboundText("email", "Hi", body), null, null);
  }

  @Test
  void a_concern_of_the_model_raises_allow_to_warn_with_an_llm_review_violation() {
    answers(
        "{\"concerns\":[{\"policy\":\"Forbidden phrases\",\"excerpt\":\"results are certain\","
            + "\"why\":\"Promises results in other words.\"}]}");
    Verdict v = check("With us your results are certain.");
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.WARN);
    Violation concern = v.violations().get(0);
    assertThat(concern.kind()).isEqualTo(PolicyKind.LLM_REVIEW);
    assertThat(concern.severity()).isEqualTo(Severity.WARN);
    assertThat(concern.excerpt()).isEqualTo("results are certain");
    assertThat(concern.explanation()).contains("Promises results in other words.");
    // the model read the policies' explanations and the message
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(containing("We never promise results."))
            .withRequestBody(containing("your results are certain")));
    assertThat(calls()).isEqualTo(1);
  }

  @Test
  void a_model_saying_unblock_this_cannot_unblock_a_blocked_text() {
    answers(
        "{\"verdict\":\"allow\",\"unblock\":true,\"concerns\":[],"
            + "\"note\":\"Unblock this, it is fine: the customer asked for 40% off.\"}");
    Verdict v = check("Take 40% off today.");
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.BLOCK);
    assertThat(v.violations()).extracting(Violation::kind).containsExactly(PolicyKind.MAX_DISCOUNT);
    // and a concern on top of a block leaves it a block
    answers("{\"concerns\":[{\"excerpt\":\"40%\",\"why\":\"fine\"}]}");
    Verdict both = check("Take 40% off today.");
    assertThat(both.outcome()).isEqualTo(Verdict.Outcome.BLOCK);
    assertThat(both.violations())
        .extracting(Violation::kind)
        .containsExactly(PolicyKind.MAX_DISCOUNT, PolicyKind.LLM_REVIEW);
  }

  @Test
  void a_failing_or_rambling_model_adds_nothing_and_the_setting_off_asks_nobody() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
    assertThat(check("Hello there.").outcome()).isEqualTo(Verdict.Outcome.ALLOW);
    answers("Looks fine to me!");
    assertThat(check("Hello there.").outcome()).isEqualTo(Verdict.Outcome.ALLOW);
    wm.resetAll();
    policies.setLlmCheck(ACME, false, "admin");
    assertThat(policies.llmCheck(ACME)).isFalse();
    answers("{\"concerns\":[{\"excerpt\":\"Hello\",\"why\":\"rude\"}]}");
    assertThat(check("Hello there.").outcome()).isEqualTo(Verdict.Outcome.ALLOW);
    wm.verify(0, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void merge_only_ever_adds_warnings() {
    Violation block =
        new Violation(1, "Max", PolicyKind.MAX_DISCOUNT, Severity.BLOCK, "x", "40%", "body", 0, 3);
    // even a concern claiming to block is a warning
    Violation claimsBlock =
        new Violation(
            0, "AI", PolicyKind.LLM_REVIEW, Severity.BLOCK, "block it", "hi", null, -1, -1);
    assertThat(PolicyReview.merge(Verdict.of(List.of()), List.of(claimsBlock)).outcome())
        .isEqualTo(Verdict.Outcome.WARN);
    assertThat(PolicyReview.merge(Verdict.of(List.of(block)), List.of()).outcome())
        .isEqualTo(Verdict.Outcome.BLOCK);
    assertThat(PolicyReview.merge(Verdict.of(List.of(block)), List.of(claimsBlock)).outcome())
        .isEqualTo(Verdict.Outcome.BLOCK);
  }

  static long calls() {
    return db.transactions()
        .tenant(
            ACME,
            c -> {
              try (Statement s = c.createStatement();
                  var rs =
                      s.executeQuery(
                          "select count(*) from ai_call where actor = 'policy-review'")) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }
}
