package io.omnireach.deal;

import io.omnireach.tenant.TenantRef;
import java.util.Optional;

/**
 * Extension point: phrases a decision already taken (action and terms) in a persona's voice, e.g.
 * with the tenant's LLM. Empty = no phraser for this tenant, the {@link OfferWriter} template is
 * used. The text it returns is still checked ({@link Negotiations}): numbers against the terms,
 * then the policies.
 */
@FunctionalInterface
public interface OfferPhraser {

  /** The phrased text and who wrote it (the model, e.g. {@code mistral/mistral-small-latest}). */
  record Phrased(String subject, String body, String generator) {}

  /** Phrasing the desk asks for: the lead, the action, the terms in words, the customer's text. */
  record Request(
      TenantRef tenant,
      long leadId,
      NegotiationAction action,
      String terms,
      String customerMessage,
      String actor) {}

  /** No phraser: every decision is phrased by the offline template. */
  OfferPhraser NONE = r -> Optional.empty();

  Optional<Phrased> phrase(Request request);
}
