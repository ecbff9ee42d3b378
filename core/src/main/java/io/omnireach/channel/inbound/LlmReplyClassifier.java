package io.omnireach.channel.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.ai.AiCache;
import io.omnireach.ai.AiCall;
import io.omnireach.ai.AiCall.Outcome;
import io.omnireach.ai.AiException;
import io.omnireach.ai.AiLedger;
import io.omnireach.ai.AiSettings;
import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.ai.ChatCaller;
import io.omnireach.ai.ChatModels;
import io.omnireach.ai.Draft;
import io.omnireach.ai.Prices;
import io.omnireach.ai.Prompt;
import io.omnireach.ai.PromptBuilder;
import io.omnireach.common.Json;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies replies with the tenant's LLM (the provider, model and key of Settings → AI) and falls
 * back to the offline {@link ReplyClassifier} whenever that is not possible or not trustworthy: no
 * key, key unreadable, token budget spent, timeout, 4xx/5xx, or an answer that is not the JSON
 * object asked for or names a class that is not allowed. Bounces are decided by the rules alone (no
 * call). Each provider call, failed or not, and each cache hit is recorded in the {@code ai_call}
 * ledger (actor {@value #ACTOR}); answers are cached by prompt like drafts are. The model only
 * picks a class: what a class does (stage, suppression) is the processor's fixed rule.
 */
public final class LlmReplyClassifier implements TenantReplyClassifier {

  static final String ACTOR = "reply-classifier";

  /** Classification should be repeatable: always the coolest temperature. */
  static final double TEMPERATURE = 0.0;

  static final int MAX_RATIONALE = 300;

  /** What the model may answer; BOUNCE is for the rules only. */
  private static final Set<ReplyClass> ALLOWED =
      EnumSet.of(
          ReplyClass.INTERESTED,
          ReplyClass.NOT_INTERESTED,
          ReplyClass.OUT_OF_OFFICE,
          ReplyClass.UNSUBSCRIBE,
          ReplyClass.WRONG_PERSON,
          ReplyClass.NEGOTIATION,
          ReplyClass.OTHER);

  private static final Set<String> SENTIMENTS = Set.of("positive", "neutral", "negative");

  private final ReplyClassifier offline;
  private final AiSettingsRepository settings;
  private final AiLedger ledger;
  private final AiCache cache;
  private final ChatModels models;
  private final Prices prices;
  private final RetryPolicy retry;

  public LlmReplyClassifier(
      ReplyClassifier offline,
      AiSettingsRepository settings,
      AiLedger ledger,
      AiCache cache,
      ChatModels models,
      Prices prices,
      RetryPolicy retry) {
    this.offline = offline;
    this.settings = settings;
    this.ledger = ledger;
    this.cache = cache;
    this.models = models;
    this.prices = prices;
    this.retry = retry;
  }

  @Override
  public Classification classify(
      TenantRef tenant, ReplyClassifier.Input input, LocalDate received, Long leadId) {
    Classification rules = offline.classify(input, received);
    if (rules.type() == ReplyClass.BOUNCE) {
      return rules;
    }
    Optional<String> apiKey;
    try {
      apiKey = settings.apiKey(tenant);
    } catch (IllegalStateException e) {
      return rules.withFallback("the stored AI API key cannot be decrypted");
    }
    if (apiKey.isEmpty()) {
      return rules;
    }
    AiSettings s = settings.get(tenant);
    String label = s.provider().id() + "/" + s.model();
    Prompt prompt = ReplyPrompt.build(input, received);
    String key =
        AiCache.key(
            tenant, ReplyPrompt.TEMPLATE_VERSION, s.provider(), s.model(), TEMPERATURE, prompt);
    long started = System.nanoTime();
    Optional<Draft> hit = cache.find(tenant, key);
    if (hit.isPresent()) {
      try {
        Classification cached =
            parse(new ChatCaller.Reply(hit.get().body(), 0, 0, 0), received, label);
        record(tenant, s, 0, 0, started, 0, Outcome.CACHE_HIT, null, leadId);
        return cached;
      } catch (AiException e) {
        // an entry this version cannot read: ask the model again
      }
    }
    if (ledger.tokensThisMonth(tenant) >= s.monthlyTokenBudget()) {
      return rules.withFallback(label + ": BUDGET_SPENT");
    }
    ChatCaller caller =
        new ChatCaller(
            models.create(s.provider(), s.model(), apiKey.get(), TEMPERATURE), label, retry);
    try {
      ChatCaller.Reply reply = caller.call(prompt);
      Classification result = parse(reply, received, label);
      record(
          tenant,
          s,
          reply.promptTokens(),
          reply.completionTokens(),
          started,
          reply.attempts(),
          Outcome.SUCCESS,
          null,
          leadId);
      cache.store(
          tenant,
          key,
          new Draft(
              result.type().name(),
              json(result),
              result.rationale(),
              label,
              false,
              reply.promptTokens(),
              reply.completionTokens()));
      return result;
    } catch (AiException e) {
      record(
          tenant,
          s,
          e.promptTokens(),
          e.completionTokens(),
          started,
          e.attempts(),
          Outcome.FAILED,
          e.reason() + ": " + e.getMessage(),
          leadId);
      return rules.withFallback(label + ": " + e.reason());
    }
  }

  /**
   * The model's answer, validated: a known class other than BOUNCE, a confidence from 0 to 1 (or
   * none), a return date only for OUT_OF_OFFICE and only when it is an ISO date near the reply.
   */
  static Classification parse(ChatCaller.Reply reply, LocalDate received, String label) {
    JsonNode node = ChatCaller.object(reply);
    String raw = ChatCaller.text(node, "class");
    if (raw == null || raw.isBlank()) {
      throw ChatCaller.malformed("The model's reply lacks a class.", reply, null);
    }
    ReplyClass type = allowed(raw);
    if (type == null) {
      throw ChatCaller.malformed(
          "The model answered a class that is not allowed: "
              + PromptBuilder.sanitize(raw, 40).replace('\n', ' '),
          reply,
          null);
    }
    BigDecimal confidence = null;
    JsonNode c = node.get("confidence");
    if (c != null && !c.isNull()) {
      if (!c.isNumber() || c.asDouble() < 0 || c.asDouble() > 1) {
        throw ChatCaller.malformed(
            "The model's confidence is not a number from 0 to 1.", reply, null);
      }
      confidence = c.decimalValue().setScale(3, RoundingMode.HALF_UP);
    }
    String sentiment = ChatCaller.text(node, "sentiment");
    sentiment = sentiment == null ? null : sentiment.strip().toLowerCase(Locale.ROOT);
    if (!SENTIMENTS.contains(sentiment)) {
      sentiment = Classification.sentimentOf(type);
    }
    LocalDate until = null;
    String date = ChatCaller.text(node, "returnDate");
    if (type == ReplyClass.OUT_OF_OFFICE && date != null && !date.isBlank()) {
      try {
        until = LocalDate.parse(date.strip());
      } catch (DateTimeParseException e) {
        throw ChatCaller.malformed("The model's returnDate is not YYYY-MM-DD.", reply, e);
      }
      if (until.isBefore(received.minusDays(7)) || until.isAfter(received.plusYears(2))) {
        until = null; // not a return date this note can mean
      }
    }
    String rationale = ChatCaller.text(node, "rationale");
    rationale =
        rationale == null || rationale.isBlank()
            ? null
            : PromptBuilder.sanitize(rationale, MAX_RATIONALE).replace('\n', ' ');
    return new Classification(type, until, null, label, confidence, sentiment, rationale, null);
  }

  private static ReplyClass allowed(String raw) {
    String name = raw.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    for (ReplyClass type : ALLOWED) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return null;
  }

  /** What the cache keeps: the validated answer in the shape the model was asked for. */
  private static String json(Classification c) {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("class", Json.quote(c.type().name()));
    members.put("confidence", c.confidence() == null ? "null" : c.confidence().toPlainString());
    members.put("sentiment", Json.quote(c.sentiment()));
    members.put("returnDate", c.oooUntil() == null ? "null" : Json.quote(c.oooUntil().toString()));
    members.put("rationale", Json.quote(c.rationale()));
    return Json.object(members, true);
  }

  private void record(
      TenantRef tenant,
      AiSettings s,
      int in,
      int out,
      long started,
      int attempts,
      Outcome outcome,
      String error,
      Long leadId) {
    Optional<BigDecimal> cost = prices.cost(s.provider(), s.model(), in, out);
    String err = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    ledger.record(
        tenant,
        new AiCall(
            s.provider(),
            s.model(),
            in,
            out,
            outcome == Outcome.CACHE_HIT ? BigDecimal.ZERO : cost.orElse(BigDecimal.ZERO),
            outcome == Outcome.CACHE_HIT || cost.isPresent(),
            (System.nanoTime() - started) / 1_000_000,
            attempts,
            outcome == Outcome.CACHE_HIT,
            outcome,
            err,
            leadId,
            null,
            ACTOR));
  }
}
