package io.omnireach.ai;

import io.omnireach.ai.AiCall.Outcome;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadRepository;
import io.omnireach.persona.Persona;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.persona.Tone;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The one way REST and UI generate drafts. Without an API key the {@link OfflineGenerator} writes
 * the draft. With one: the cache is asked first (a hit is free and recorded), then the monthly
 * token budget is checked, then the provider is called through {@link LlmGenerator}; every call,
 * failed or not, lands in the {@link AiLedger} with its tokens, cost and latency. The draft is
 * returned, never sent: generation changes no lead, run or message.
 */
public final class GenerationService implements MessageGenerator {

  private static final Logger LOG = Logger.getLogger(GenerationService.class.getName());

  private final AiSettingsRepository settings;
  private final AiLedger ledger;
  private final AiCache cache;
  private final ChatModels models;
  private final Prices prices;
  private final RetryPolicy retry;
  private final LeadRepository leads;
  private final PersonaRepository personas;
  private final PassageSource passages;
  private final OfflineGenerator offline = new OfflineGenerator();
  private final PromptBuilder prompts = new PromptBuilder();
  private final Set<String> unpricedWarned = ConcurrentHashMap.newKeySet();
  // the tenant's Calendly scheduling link, when connected: drafts then offer {{meeting.link}}
  private Function<TenantRef, Optional<String>> schedulingUrls = t -> Optional.empty();
  // the explanations of the tenant's policies: the model is told them (the output is still checked)
  private Function<TenantRef, List<String>> policyRules = t -> List.of();

  public GenerationService(
      AiSettingsRepository settings,
      AiLedger ledger,
      AiCache cache,
      ChatModels models,
      Prices prices,
      RetryPolicy retry,
      LeadRepository leads,
      PersonaRepository personas) {
    this(settings, ledger, cache, models, prices, retry, leads, personas, PassageSource.NONE);
  }

  /** With {@code passages}: the knowledge the drafts are written from (RAG). */
  public GenerationService(
      AiSettingsRepository settings,
      AiLedger ledger,
      AiCache cache,
      ChatModels models,
      Prices prices,
      RetryPolicy retry,
      LeadRepository leads,
      PersonaRepository personas,
      PassageSource passages) {
    this.passages = passages;
    this.settings = settings;
    this.ledger = ledger;
    this.cache = cache;
    this.models = models;
    this.prices = prices;
    this.retry = retry;
    this.leads = leads;
    this.personas = personas;
  }

  /**
   * The same service with another retry policy: a caller that retries on its own (a workflow step)
   * takes a single attempt, so retries happen at one level only.
   */
  public GenerationService withRetry(RetryPolicy policy) {
    // everything but the retry policy carries over: knowledge passages, meeting links, policies
    return new GenerationService(
            settings, ledger, cache, models, prices, policy, leads, personas, passages)
        .withMeetingLinks(schedulingUrls)
        .withPolicies(policyRules);
  }

  /**
   * Where the tenant's policies come from (their plain-language explanations): the prompt lists
   * them so drafts comply; the outbox still checks every draft that is sent.
   */
  public GenerationService withPolicies(Function<TenantRef, List<String>> rules) {
    this.policyRules = rules;
    return this;
  }

  /**
   * Where the tenant's scheduling link comes from: with one, drafts ask for a meeting through the
   * lead's own booking link ({@link io.omnireach.lead.MeetingLink}).
   */
  public GenerationService withMeetingLinks(Function<TenantRef, Optional<String>> urls) {
    this.schedulingUrls = urls;
    return this;
  }

  /** Loads both from the tenant's schema (NOT_FOUND for ids of another tenant) and generates. */
  public Draft draft(TenantRef tenant, long leadId, long personaId, String actor) {
    return draft(tenant, leadId, personaId, null, actor);
  }

  /** As {@link #draft(TenantRef, long, long, String)}, following a brief (a workflow step's). */
  public Draft draft(TenantRef tenant, long leadId, long personaId, String brief, String actor) {
    return draft(tenant, leadId, personaId, brief, actor, null);
  }

  /** As above for a workflow's AI step: the ledger attributes the call's cost to the workflow. */
  public Draft draft(
      TenantRef tenant, long leadId, long personaId, String brief, String actor, Long workflowId) {
    Lead lead = leads.get(tenant, leadId);
    Persona persona = personas.get(tenant, personaId);
    return generate(tenant, lead, persona, brief, actor, workflowId);
  }

  /**
   * What the persona would write to the lead, with {@code tone} instead of its saved one when not
   * null (the editor's unsaved sliders). Exactly a draft's path (prompt, cache, budget, ledger: a
   * provider call is metered like a draft); nothing is saved or sent.
   */
  public Draft preview(TenantRef tenant, long leadId, long personaId, Tone tone, String actor) {
    Lead lead = leads.get(tenant, leadId);
    Persona persona = personas.get(tenant, personaId);
    return generate(
        tenant, lead, tone == null ? persona : persona.withTone(tone), null, actor, null);
  }

  @Override
  public Draft generate(TenantRef tenant, Lead lead, Persona persona) {
    return generate(tenant, lead, persona, null, null, null);
  }

  public Draft generate(TenantRef tenant, Lead lead, Persona persona, String actor) {
    return generate(tenant, lead, persona, null, actor, null);
  }

  private Draft generate(
      TenantRef tenant, Lead lead, Persona persona, String brief, String actor, Long workflowId) {
    Optional<String> apiKey = apiKey(tenant);
    List<Passage> found = passages.find(tenant, lead, persona, brief);
    List<DraftSource> sources = OfflineGenerator.sources(found);
    String link =
        schedulingUrls
            .apply(tenant)
            .map(u -> io.omnireach.lead.MeetingLink.of(u, lead))
            .orElse(null);
    if (apiKey.isEmpty()) {
      Draft d = offline.generate(tenant, lead, persona, found, link != null).withMeetingLink(link);
      if (brief == null || brief.isBlank()) {
        return d;
      }
      // templates cannot follow free text: say so rather than pretend
      return new Draft(
          d.subject(),
          d.body(),
          d.rationale() + " The step's brief was not applied: only an AI provider follows it.",
          d.generator(),
          d.cached(),
          d.promptTokens(),
          d.completionTokens(),
          d.sources());
    }
    AiSettings s = settings.get(tenant);
    List<String> recent = found.stream().filter(Passage::fromHistory).map(Passage::title).toList();
    Prompt prompt =
        PromptBuilder.withPolicies(
            prompts.build(lead, persona, recent, brief, found, link != null),
            policyRules.apply(tenant));
    // the retrieved chunk ids are part of the key (the prompt holds their text as well)
    String version =
        found.isEmpty()
            ? PromptBuilder.TEMPLATE_VERSION
            : PromptBuilder.TEMPLATE_VERSION
                + "+rag:"
                + found.stream()
                    .map(p -> p.kind().charAt(0) + Long.toString(p.chunkId()))
                    .collect(java.util.stream.Collectors.joining(","));
    String key = AiCache.key(tenant, version, s.provider(), s.model(), s.temperature(), prompt);
    long started = System.nanoTime();
    Optional<Draft> hit = cache.find(tenant, key);
    if (hit.isPresent()) {
      ledger.record(
          tenant,
          new AiCall(
              s.provider(),
              s.model(),
              0,
              0,
              BigDecimal.ZERO,
              true,
              millisSince(started),
              0,
              true,
              Outcome.CACHE_HIT,
              null,
              lead.id(),
              persona.id(),
              actor,
              workflowId));
      // cached with the placeholder: each lead gets its own link
      return hit.get().asCached().withSources(sources).withMeetingLink(link);
    }
    checkBudget(tenant, s);
    LlmGenerator llm =
        new LlmGenerator(
            models.create(s.provider(), s.model(), apiKey.get(), s.temperature()),
            s.provider(),
            s.model(),
            retry);
    try {
      LlmGenerator.Result result = llm.complete(prompt);
      Draft draft = result.draft().withSources(sources);
      record(
          tenant,
          s,
          draft.promptTokens(),
          draft.completionTokens(),
          started,
          result.attempts(),
          Outcome.SUCCESS,
          null,
          lead,
          persona,
          actor,
          workflowId);
      cache.store(tenant, key, draft);
      return draft.withMeetingLink(link);
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
          lead,
          persona,
          actor,
          workflowId);
      throw e;
    }
  }

  /**
   * The deal desk's phrasing: the decided {@code action} and {@code terms} written in the voice of
   * the workspace's first persona to the lead, through the drafts' budget, model and ledger. Empty
   * without an API key or a persona (the caller then uses its template). Not cached: every customer
   * message differs. An {@link AiException} or a spent budget reaches the caller.
   */
  public Optional<Draft> phrase(
      TenantRef tenant,
      long leadId,
      String action,
      String terms,
      String customerMessage,
      String actor) {
    Optional<String> apiKey = apiKey(tenant);
    List<Persona> all = personas.list(tenant);
    if (apiKey.isEmpty() || all.isEmpty()) {
      return Optional.empty();
    }
    Persona persona = all.get(0);
    Lead lead = leads.get(tenant, leadId);
    AiSettings s = settings.get(tenant);
    checkBudget(tenant, s);
    Prompt prompt = PromptBuilder.offer(lead, persona, action, terms, customerMessage);
    long started = System.nanoTime();
    LlmGenerator llm =
        new LlmGenerator(
            models.create(s.provider(), s.model(), apiKey.get(), s.temperature()),
            s.provider(),
            s.model(),
            retry);
    try {
      LlmGenerator.Result result = llm.complete(prompt);
      Draft draft = result.draft();
      record(
          tenant,
          s,
          draft.promptTokens(),
          draft.completionTokens(),
          started,
          result.attempts(),
          Outcome.SUCCESS,
          null,
          lead,
          persona,
          actor,
          null);
      return Optional.of(draft);
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
          lead,
          persona,
          actor,
          null);
      throw e;
    }
  }

  /** This month's use, for the settings screen and API. */
  public AiUsage usage(TenantRef tenant) {
    return ledger.usageThisMonth(tenant);
  }

  private Optional<String> apiKey(TenantRef tenant) {
    try {
      return settings.apiKey(tenant);
    } catch (IllegalStateException e) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "apiKey",
          "The stored AI API key cannot be decrypted (the master key changed?). An Admin must"
              + " enter it again in Settings → AI.");
    }
  }

  private void checkBudget(TenantRef tenant, AiSettings s) {
    long used = ledger.tokensThisMonth(tenant);
    if (used >= s.monthlyTokenBudget()) {
      throw new DomainException(
          DomainException.Kind.TOO_MANY_REQUESTS,
          "The monthly AI token budget of " + s.monthlyTokenBudget() + " tokens is spent.");
    }
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
      Lead lead,
      Persona persona,
      String actor,
      Long workflowId) {
    Optional<BigDecimal> cost = prices.cost(s.provider(), s.model(), in, out);
    if (cost.isEmpty() && unpricedWarned.add(s.provider().id() + ":" + s.model())) {
      LOG.warning(
          "No price for "
              + s.provider().id()
              + ":"
              + s.model()
              + " in omnireach.ai.prices: its calls are recorded at cost 0 (priced = false).");
    }
    String err = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    ledger.record(
        tenant,
        new AiCall(
            s.provider(),
            s.model(),
            in,
            out,
            cost.orElse(BigDecimal.ZERO),
            cost.isPresent(),
            millisSince(started),
            attempts,
            false,
            outcome,
            err,
            lead.id(),
            persona.id(),
            actor,
            workflowId));
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
