package io.omnireach.persona;

import java.util.List;

/**
 * Input for creating or changing a persona. On update every null component means "leave as it is";
 * an empty list or a blank text clears the value. On create, only {@code name} is required: tone
 * starts {@link Tone#BALANCED}, the channel {@link Channel#EMAIL}, the language "en".
 */
public record PersonaDraft(
    String name,
    String role,
    ToneDraft tone,
    List<String> industryFocus,
    List<String> valuePropositions,
    List<String> writingSamples,
    String signature,
    Channel defaultChannel,
    String language) {

  /** A change of tone; a null scale keeps its current value. */
  public record ToneDraft(Integer formality, Integer detail, Integer warmth) {

    public static ToneDraft of(Tone tone) {
      return new ToneDraft(tone.formality(), tone.detail(), tone.warmth());
    }
  }

  /** A draft that changes only the name (handy for renames and tests). */
  public static PersonaDraft named(String name) {
    return new PersonaDraft(name, null, null, null, null, null, null, null, null);
  }
}
