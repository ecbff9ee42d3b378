package io.omnireach.app;

import io.omnireach.ai.AiCache;
import io.omnireach.ai.AiLedger;
import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.ai.ChatModels;
import io.omnireach.ai.GenerationService;
import io.omnireach.ai.Prices;
import io.omnireach.ai.Provider;
import io.omnireach.app.security.MasterKey;
import io.omnireach.db.Transactions;
import io.omnireach.jobs.knowledge.KnowledgeJobs;
import io.omnireach.knowledge.Embedder;
import io.omnireach.knowledge.KnowledgeBase;
import io.omnireach.knowledge.KnowledgeStore;
import io.omnireach.knowledge.MiniLmEmbedder;
import io.omnireach.knowledge.Reembedding;
import io.omnireach.knowledge.TenantEmbedders;
import io.omnireach.lead.LeadRepository;
import io.omnireach.meeting.CalendlyAccounts;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.retry.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires AI generation of core into CDI: settings with the master key, ledger, cache, the provider
 * clients (base URLs, timeout) and the price table from MicroProfile Config. The reply classifier
 * ({@link InboundServices}) uses the same beans. The knowledge base (store, in-process embedding
 * model, indexing jobs) feeds the drafts their passages.
 */
@ApplicationScoped
public class AiServices {

  @Produces
  @Singleton
  AiSettingsRepository aiSettings(Transactions tx, Clock clock) {
    return new AiSettingsRepository(tx, MasterKey.aiKeyCipher(), clock);
  }

  @Produces
  @Singleton
  AiLedger aiLedger(Transactions tx, Clock clock, io.omnireach.common.Telemetry telemetry) {
    return new AiLedger(tx, clock).observedBy(telemetry);
  }

  @Produces
  @Singleton
  AiCache aiCache(Transactions tx, Clock clock) {
    return new AiCache(tx, clock);
  }

  /** The provider clients: base URLs (tests point them at fakes) and timeout from config. */
  @Produces
  @Singleton
  ChatModels chatModels(
      @ConfigProperty(name = "omnireach.ai.openrouter.base-url") Optional<String> openRouterUrl,
      @ConfigProperty(name = "omnireach.ai.mistral.base-url") Optional<String> mistralUrl,
      @ConfigProperty(name = "omnireach.ai.timeout-seconds", defaultValue = "30") int timeout) {
    return new ChatModels(
        Map.of(
            Provider.OPENROUTER, openRouterUrl.orElse(""),
            Provider.MISTRAL, mistralUrl.orElse("")),
        Duration.ofSeconds(timeout),
        false);
  }

  @Produces
  @Singleton
  Prices prices(@ConfigProperty(name = "omnireach.ai.prices") Optional<String> prices) {
    return prices.map(Prices::parse).orElse(Prices.none());
  }

  @Produces
  @Singleton
  GenerationService generation(
      AiSettingsRepository settings,
      AiLedger ledger,
      AiCache cache,
      ChatModels models,
      Prices prices,
      LeadRepository leads,
      PersonaRepository personas,
      KnowledgeBase knowledge,
      CalendlyAccounts calendly,
      io.omnireach.policy.Policies policies) {
    return new GenerationService(
            settings,
            ledger,
            cache,
            models,
            prices,
            RetryPolicy.AI_CALL,
            leads,
            personas,
            knowledge)
        .withMeetingLinks(calendly::schedulingUrl)
        .withPolicies(
            t ->
                policies.list(t).stream()
                    .filter(io.omnireach.policy.Policy::enabled)
                    .map(io.omnireach.policy.Policy::explanation)
                    .toList());
  }

  /** Voice profiles by the tenant's model (same clients, ledger and cache as drafts). */
  @Produces
  @Singleton
  io.omnireach.ai.VoiceAnalyst voiceAnalyst(
      AiSettingsRepository settings,
      AiLedger ledger,
      AiCache cache,
      ChatModels models,
      Prices prices) {
    return new io.omnireach.ai.VoiceAnalyst(
        settings, ledger, cache, models, prices, RetryPolicy.AI_CALL);
  }

  @Produces
  @Singleton
  KnowledgeStore knowledgeStore(Transactions tx, Clock clock) {
    return new KnowledgeStore(tx, clock);
  }

  /** One in-process model for the whole server (loaded on first use, then shared). */
  @Produces
  @Singleton
  Embedder embedder() {
    return new MiniLmEmbedder();
  }

  /** Each tenant's embedding model: in-process, or its provider's (same clients as chat). */
  @Produces
  @Singleton
  TenantEmbedders tenantEmbedders(
      AiSettingsRepository settings, ChatModels models, Embedder embedder) {
    return new TenantEmbedders(settings, models, embedder);
  }

  @Produces
  @Singleton
  Reembedding reembedding(Transactions tx, TenantEmbedders embedders, Clock clock) {
    return new Reembedding(tx, embedders, clock);
  }

  @Produces
  @Singleton
  KnowledgeBase knowledge(
      KnowledgeStore store,
      Transactions tx,
      TenantEmbedders embedders,
      KnowledgeJobs jobs,
      @ConfigProperty(name = "omnireach.knowledge.max-bytes", defaultValue = "10485760")
          int maxBytes) {
    return new KnowledgeBase(store, tx, embedders, jobs, maxBytes);
  }
}
