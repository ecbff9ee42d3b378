package io.omnireach.persona;

import java.time.Instant;
import java.util.List;

/**
 * A stored persona of one tenant. Lists are never null (empty when unset); {@code role} and {@code
 * signature} may be null. {@code language} is an ISO 639-1 code such as "en".
 */
public record Persona(
    long id,
    String name,
    String role,
    Tone tone,
    List<String> industryFocus,
    List<String> valuePropositions,
    List<String> writingSamples,
    String signature,
    Channel defaultChannel,
    String language,
    Instant createdAt,
    Instant updatedAt) {

  public Persona {
    industryFocus = List.copyOf(industryFocus);
    valuePropositions = List.copyOf(valuePropositions);
    writingSamples = List.copyOf(writingSamples);
  }
}
