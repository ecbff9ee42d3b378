package io.omnireach.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.common.DomainException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads a policy from its JSON form ({@code {"kind":"max_discount","percent":15,
 * "severity":"block"}}) and writes its rule back; every mistake is INVALID naming the field and
 * what is expected. Missing names and explanations get plain-language defaults per kind.
 */
public final class PolicyRules {

  /** A policy as submitted, before it has an id. */
  public record Draft(
      String name,
      PolicyKind kind,
      Severity severity,
      Rule rule,
      String explanation,
      boolean enabled) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_ITEMS = 200;
  static final int MAX_TEXT = 2000;

  private PolicyRules() {}

  public static Draft read(Map<String, Object> in) {
    if (in == null) {
      throw DomainException.invalid("kind", "A policy needs a kind.");
    }
    Object rawKind = in.get("kind");
    PolicyKind kind = rawKind instanceof String s ? PolicyKind.fromWire(s) : null;
    if (kind == null || kind == PolicyKind.LLM_REVIEW) {
      throw DomainException.invalid(
          "kind",
          "kind must be one of "
              + PolicyKind.rules().stream().map(PolicyKind::wire).collect(Collectors.joining(", "))
              + ".");
    }
    Object rawSeverity = in.getOrDefault("severity", "block");
    Severity severity = rawSeverity instanceof String s ? Severity.fromWire(s) : null;
    if (severity == null) {
      throw DomainException.invalid("severity", "severity must be block, warn or log.");
    }
    Rule rule =
        switch (kind) {
          case MAX_DISCOUNT -> {
            Integer pct = integer(in, "percent", 0, 100, true);
            yield new Rule(
                pct, List.of(), List.of(), null, List.of(), List.of(), null, null, null, List.of());
          }
          case FORBIDDEN_PHRASE, COMPETITOR_MENTION -> {
            String listField = kind == PolicyKind.COMPETITOR_MENTION ? "names" : "phrases";
            List<String> phrases = strings(in, listField);
            List<String> patterns =
                kind == PolicyKind.FORBIDDEN_PHRASE ? strings(in, "patterns") : List.of();
            for (int i = 0; i < patterns.size(); i++) {
              try {
                Pattern.compile(patterns.get(i));
              } catch (PatternSyntaxException e) {
                throw DomainException.invalid(
                    "patterns[" + i + "]",
                    "patterns["
                        + i
                        + "] is not a valid regular expression: "
                        + e.getDescription()
                        + ".");
              }
            }
            if (phrases.isEmpty() && patterns.isEmpty()) {
              throw DomainException.invalid(
                  listField,
                  kind == PolicyKind.COMPETITOR_MENTION
                      ? "names must list at least one competitor."
                      : "phrases or patterns must list at least one phrase or expression.");
            }
            yield new Rule(
                null, phrases, patterns, null, List.of(), List.of(), null, null, null, List.of());
          }
          case REQUIRED_TEXT -> {
            String text = in.get("text") instanceof String s ? s.strip() : null;
            if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
              throw DomainException.invalid(
                  "text", "text is the required wording (1 to " + MAX_TEXT + " characters).");
            }
            List<String> countries = strings(in, "countries");
            for (String c : countries) {
              if (!c.matches("[A-Za-z]{2}")) {
                throw DomainException.invalid(
                    "countries", "countries are ISO 3166 two-letter codes (\"" + c + "\" is not).");
              }
            }
            yield new Rule(
                null,
                List.of(),
                List.of(),
                text,
                countries.stream().map(String::toUpperCase).toList(),
                channels(in),
                null,
                null,
                null,
                List.of());
          }
          case CHANNEL_CONSENT ->
              new Rule(
                  null,
                  List.of(),
                  List.of(),
                  null,
                  List.of(),
                  channels(in),
                  null,
                  null,
                  null,
                  List.of());
          case CONTACT_FREQUENCY ->
              new Rule(
                  null,
                  List.of(),
                  List.of(),
                  null,
                  List.of(),
                  List.of(),
                  integer(in, "maxPerWeek", 1, 100, true),
                  null,
                  null,
                  List.of());
          case SEND_HOURS -> {
            LocalTime from = time(in, "from");
            LocalTime to = time(in, "to");
            if (from.equals(to)) {
              throw DomainException.invalid("to", "to must differ from from.");
            }
            yield new Rule(
                null, List.of(), List.of(), null, List.of(), List.of(), null, from, to, List.of());
          }
          case OTHER_PERSONAL_DATA ->
              new Rule(
                  null,
                  List.of(),
                  List.of(),
                  null,
                  List.of(),
                  List.of(),
                  null,
                  null,
                  null,
                  strings(in, "allowed"));
          case LLM_REVIEW -> throw new IllegalStateException("not a rule kind");
        };
    String name = text(in, "name", 120);
    String explanation = text(in, "explanation", 1000);
    Object enabled = in.getOrDefault("enabled", Boolean.TRUE);
    if (!(enabled instanceof Boolean)) {
      throw DomainException.invalid("enabled", "enabled must be true or false.");
    }
    return new Draft(
        name == null ? defaultName(kind, rule) : name,
        kind,
        severity,
        rule,
        explanation == null ? defaultExplanation(kind, rule) : explanation,
        (Boolean) enabled);
  }

  /**
   * The rule's parameters as stored (jsonb) and shown by the API, without empty parts; the form
   * {@link #read} takes (a competitor_mention's phrases are its "names").
   */
  public static Map<String, Object> params(PolicyKind kind, Rule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (r.percent() != null) {
      m.put("percent", r.percent());
    }
    if (!r.phrases().isEmpty()) {
      m.put(kind == PolicyKind.COMPETITOR_MENTION ? "names" : "phrases", r.phrases());
    }
    if (!r.patterns().isEmpty()) {
      m.put("patterns", r.patterns());
    }
    if (r.text() != null) {
      m.put("text", r.text());
    }
    if (!r.countries().isEmpty()) {
      m.put("countries", r.countries());
    }
    if (!r.channels().isEmpty()) {
      m.put("channels", r.channels());
    }
    if (r.maxPerWeek() != null) {
      m.put("maxPerWeek", r.maxPerWeek());
    }
    if (r.from() != null) {
      m.put("from", r.from().toString());
      m.put("to", r.to().toString());
    }
    if (!r.allowed().isEmpty()) {
      m.put("allowed", r.allowed());
    }
    return m;
  }

  static String toJson(PolicyKind kind, Rule r) {
    try {
      return JSON.writeValueAsString(params(kind, r));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rule stored as JSON for {@code kind} (written by {@link #toJson}). */
  @SuppressWarnings("unchecked")
  static Rule fromJson(PolicyKind kind, String json) {
    try {
      Map<String, Object> m = new LinkedHashMap<>(JSON.readValue(json, Map.class));
      m.put("kind", kind.wire());
      return read(m).rule();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The name a policy gets when none is given. */
  public static String defaultName(PolicyKind kind, Rule r) {
    return switch (kind) {
      case MAX_DISCOUNT -> "Discounts up to " + r.percent() + "%";
      case FORBIDDEN_PHRASE -> "Forbidden phrases";
      case REQUIRED_TEXT -> "Required text";
      case CHANNEL_CONSENT -> "Consent for SMS and calls";
      case CONTACT_FREQUENCY -> "At most " + r.maxPerWeek() + " touches a week";
      case SEND_HOURS -> "Send only " + r.from() + "–" + r.to();
      case COMPETITOR_MENTION -> "No competitor mentions";
      case OTHER_PERSONAL_DATA -> "No one else's personal data";
      case LLM_REVIEW -> "AI review";
    };
  }

  /** The explanation a policy gets when none is given. */
  public static String defaultExplanation(PolicyKind kind, Rule r) {
    return switch (kind) {
      case MAX_DISCOUNT -> "Never offer more than " + r.percent() + "% off the list price.";
      case FORBIDDEN_PHRASE ->
          r.phrases().isEmpty()
              ? "Do not use wording that matches the forbidden patterns."
              : "Do not use these words or claims: " + String.join(", ", r.phrases()) + ".";
      case REQUIRED_TEXT -> "Every message must include: \"" + r.text() + "\".";
      case CHANNEL_CONSENT -> "Send SMS and place calls only to leads who granted consent.";
      case CONTACT_FREQUENCY ->
          "Contact a lead at most " + r.maxPerWeek() + " times in any 7 days, on all channels.";
      case SEND_HOURS ->
          "Send only between " + r.from() + " and " + r.to() + " in the lead's time zone.";
      case COMPETITOR_MENTION ->
          "Do not mention competitors: " + String.join(", ", r.phrases()) + ".";
      case OTHER_PERSONAL_DATA -> "Do not include other people's email addresses or phone numbers.";
      case LLM_REVIEW -> "The AI reviewer thinks this may break a policy.";
    };
  }

  private static Integer integer(
      Map<String, Object> in, String field, int min, int max, boolean required) {
    Object v = in.get(field);
    if (v == null && !required) {
      return null;
    }
    // compared as a double: a huge BigDecimal's intValue() wraps (-1e400 would read as 0)
    double d = v instanceof Number n ? n.doubleValue() : Double.NaN;
    if (!Double.isFinite(d) || d != Math.rint(d) || d < min || d > max) {
      throw DomainException.invalid(
          field, field + " must be a whole number from " + min + " to " + max + ".");
    }
    return (int) d;
  }

  private static LocalTime time(Map<String, Object> in, String field) {
    Object v = in.get(field);
    try {
      if (v instanceof String s) {
        return LocalTime.parse(s.strip());
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw DomainException.invalid(field, field + " must be a time of day like \"09:00\".");
  }

  private static String text(Map<String, Object> in, String field, int max) {
    Object v = in.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s) || s.strip().length() > max) {
      throw DomainException.invalid(
          field, field + " must be text of at most " + max + " characters.");
    }
    return s.isBlank() ? null : s.strip();
  }

  private static List<String> channels(Map<String, Object> in) {
    List<String> channels = strings(in, "channels");
    List<String> out = new ArrayList<>();
    for (String c : channels) {
      String ch = PolicyEngine.channel(c);
      if (!List.of("email", "sms", "voice").contains(ch)) {
        throw DomainException.invalid(
            "channels", "channels are email, sms or voice (\"" + c + "\" is not).");
      }
      out.add(ch);
    }
    return out;
  }

  private static List<String> strings(Map<String, Object> in, String field) {
    Object v = in.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list) || list.size() > MAX_ITEMS) {
      throw DomainException.invalid(
          field, field + " must be a list of at most " + MAX_ITEMS + " texts.");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String s) || s.isBlank() || s.length() > 500) {
        throw DomainException.invalid(
            field, field + " must list non-empty texts of at most 500 characters.");
      }
      out.add(s.strip());
    }
    return List.copyOf(out);
  }
}
