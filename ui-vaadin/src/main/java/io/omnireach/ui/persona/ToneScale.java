package io.omnireach.ui.persona;

import io.omnireach.persona.Tone;
import java.util.List;
import java.util.function.ToIntFunction;

/** The three tone scales with the words at both ends, as cards and the editor show them. */
enum ToneScale {
  FORMALITY("formality", "Formality", "Formal", "Casual", Tone::formality),
  DETAIL("detail", "Detail", "Concise", "Detailed", Tone::detail),
  WARMTH("warmth", "Warmth", "Warm", "Direct", Tone::warmth);

  static final List<ToneScale> ALL = List.of(values());

  final String key;
  final String label;
  final String low;
  final String high;
  private final ToIntFunction<Tone> read;

  ToneScale(String key, String label, String low, String high, ToIntFunction<Tone> read) {
    this.key = key;
    this.label = label;
    this.low = low;
    this.high = high;
    this.read = read;
  }

  int of(Tone tone) {
    return read.applyAsInt(tone);
  }

  /** The field name the domain uses in its errors, e.g. "tone.formality". */
  String field() {
    return "tone." + key;
  }

  /** A word for a value: the nearer end, or "Balanced" in the middle third. */
  String describe(int value) {
    if (value <= 33) {
      return value <= 15 ? "Very " + low.toLowerCase() : low;
    }
    if (value >= 67) {
      return value >= 85 ? "Very " + high.toLowerCase() : high;
    }
    return "Balanced";
  }
}
