package io.omnireach.persona;

import io.omnireach.common.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validation and normalisation of persona input: texts are trimmed, blank list entries dropped, and
 * every failure names the field at fault (as the REST API and the editor show it).
 */
public final class PersonaRules {

  static final int NAME_MAX = 80;
  static final int ROLE_MAX = 120;
  static final int INDUSTRIES_MAX = 15;
  static final int INDUSTRY_MAX = 60;
  static final int VALUE_PROPOSITIONS_MAX = 10;
  static final int VALUE_PROPOSITION_MAX = 500;
  public static final int WRITING_SAMPLES_MAX = 10;
  public static final int WRITING_SAMPLE_MAX = 4000;
  static final int SIGNATURE_MAX = 1000;

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  /** The values a persona has before its draft is applied. */
  record Values(
      String name,
      String role,
      Tone tone,
      List<String> industryFocus,
      List<String> valuePropositions,
      List<String> writingSamples,
      String signature,
      Channel defaultChannel,
      String language) {

    static final Values NEW =
        new Values(
            null, null, Tone.BALANCED, List.of(), List.of(), List.of(), null, Channel.EMAIL, "en");

    static Values of(Persona p) {
      return new Values(
          p.name(),
          p.role(),
          p.tone(),
          p.industryFocus(),
          p.valuePropositions(),
          p.writingSamples(),
          p.signature(),
          p.defaultChannel(),
          p.language());
    }
  }

  private PersonaRules() {}

  /** Applies a draft to current values (null = unchanged) and validates the result. */
  static Values apply(Values base, PersonaDraft d) {
    String name = d.name() != null ? name(d.name()) : base.name();
    if (name == null) {
      throw DomainException.invalid("name", "Name is required.");
    }
    return new Values(
        name,
        d.role() != null ? optionalText("role", "Role", d.role(), ROLE_MAX) : base.role(),
        d.tone() != null ? tone(base.tone(), d.tone()) : base.tone(),
        d.industryFocus() != null ? industries(d.industryFocus()) : base.industryFocus(),
        d.valuePropositions() != null
            ? texts(
                "valuePropositions",
                "value propositions",
                "Value proposition",
                d.valuePropositions(),
                VALUE_PROPOSITIONS_MAX,
                VALUE_PROPOSITION_MAX)
            : base.valuePropositions(),
        d.writingSamples() != null
            ? texts(
                "writingSamples",
                "writing samples",
                "Writing sample",
                d.writingSamples(),
                WRITING_SAMPLES_MAX,
                WRITING_SAMPLE_MAX)
            : base.writingSamples(),
        d.signature() != null
            ? optionalText("signature", "Signature", d.signature(), SIGNATURE_MAX)
            : base.signature(),
        d.defaultChannel() != null ? d.defaultChannel() : base.defaultChannel(),
        d.language() != null ? language(d.language()) : base.language());
  }

  static String name(String value) {
    String name = value.strip();
    if (name.isEmpty()) {
      throw DomainException.invalid("name", "Name is required.");
    }
    if (name.length() > NAME_MAX) {
      throw DomainException.invalid(
          "name", "Name must be at most " + NAME_MAX + " characters (was " + name.length() + ").");
    }
    return name;
  }

  /** An ISO 639-1 code: two letters, stored lower-case. */
  static String language(String value) {
    String code = value.strip().toLowerCase(Locale.ROOT);
    if (!LANGUAGE.matcher(code).matches()) {
      throw DomainException.invalid(
          "language",
          "Language must be a two-letter ISO 639-1 code such as \"en\" (was \""
              + value.strip()
              + "\").");
    }
    return code;
  }

  private static Tone tone(Tone base, PersonaDraft.ToneDraft t) {
    return new Tone(
        t.formality() != null ? t.formality() : base.formality(),
        t.detail() != null ? t.detail() : base.detail(),
        t.warmth() != null ? t.warmth() : base.warmth());
  }

  /** Trimmed text, or null when blank. */
  private static String optionalText(String field, String label, String value, int max) {
    String text = value.strip();
    if (text.length() > max) {
      throw DomainException.invalid(
          field, label + " must be at most " + max + " characters (was " + text.length() + ").");
    }
    return text.isEmpty() ? null : text;
  }

  /** Trimmed, without blanks or case-insensitive duplicates, in the order given. */
  private static List<String> industries(List<String> values) {
    Map<String, String> unique = new LinkedHashMap<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        String industry = value.strip();
        if (industry.length() > INDUSTRY_MAX) {
          throw DomainException.invalid(
              "industryFocus",
              "Industry \""
                  + industry.substring(0, 20)
                  + "…\" is longer than "
                  + INDUSTRY_MAX
                  + " characters.");
        }
        unique.putIfAbsent(industry.toLowerCase(Locale.ROOT), industry);
      }
    }
    if (unique.size() > INDUSTRIES_MAX) {
      throw DomainException.invalid(
          "industryFocus",
          "At most " + INDUSTRIES_MAX + " industries (was " + unique.size() + ").");
    }
    return List.copyOf(unique.values());
  }

  private static List<String> texts(
      String field, String plural, String singular, List<String> values, int maxItems, int max) {
    List<String> result = new ArrayList<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        String text = value.strip();
        if (text.length() > max) {
          throw DomainException.invalid(
              field,
              singular
                  + " "
                  + (result.size() + 1)
                  + " must be at most "
                  + max
                  + " characters (was "
                  + text.length()
                  + ").");
        }
        result.add(text);
      }
    }
    if (result.size() > maxItems) {
      throw DomainException.invalid(
          field, "At most " + maxItems + " " + plural + " (was " + result.size() + ").");
    }
    return List.copyOf(result);
  }
}
