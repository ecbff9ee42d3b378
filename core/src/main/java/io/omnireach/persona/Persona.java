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

  /** The same persona sounding as {@code other} says (a preview of unsaved tone sliders). */
  public Persona withTone(Tone other) {
    return new Persona(
        id,
        name,
        role,
        other,
        industryFocus,
        valuePropositions,
        writingSamples,
        signature,
        defaultChannel,
        language,
        createdAt,
        updatedAt);
  }
}
