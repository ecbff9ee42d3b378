package io.omnireach.persona;

import io.omnireach.common.DomainException;

/**
 * How a persona sounds, as three scales from 0 to 100: {@code formality} 0 formal to 100 casual,
 * {@code detail} 0 concise to 100 detailed, {@code warmth} 0 warm to 100 direct.
 */
public record Tone(int formality, int detail, int warmth) {

  public static final int MIN = 0;
  public static final int MAX = 100;

  /** The middle of every scale: what a new persona starts with. */
  public static final Tone BALANCED = new Tone(50, 50, 50);

  public Tone {
    check("tone.formality", "Formality", formality);
    check("tone.detail", "Detail", detail);
    check("tone.warmth", "Warmth", warmth);
  }

  private static void check(String field, String label, int value) {
    if (value < MIN || value > MAX) {
      throw DomainException.invalid(
          field, label + " must be between " + MIN + " and " + MAX + " (was " + value + ").");
    }
  }
}
