package io.omnireach.lead;

import io.omnireach.common.DomainException;
import io.omnireach.common.Emails;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks and normalises lead input. Collects every problem (the CSV import reports them per row);
 * {@link #require} throws the first for interactive callers.
 */
public final class LeadRules {

  /** One problem with one field. */
  public record FieldError(String field, String reason) {}

  /** Normalised, typed values of the fields that were given. */
  public record Valid(
      EnumMap<LeadField, Object> values,
      List<String> tags,
      Map<String, String> customFields,
      Map<Consent.Channel, Consent> consent) {

    public boolean has(LeadField field) {
      return field == LeadField.TAGS ? tags != null : values.containsKey(field);
    }
  }

  /** Both the valid part and the problems; a row with problems is not stored. */
  public record Result(Valid valid, List<FieldError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
  private static final Pattern PHONE_NOISE = Pattern.compile("[\\s().\\-/]");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
  private static final Pattern SCHEME = Pattern.compile("(?i)^https?://.*");
  private static final Pattern TAG_SEPARATORS = Pattern.compile("[;,|]");
  private static final LeadField[] FIELDS = LeadField.values();
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
  private static final int MAX_TEXT = 200;

  /**
   * Why a lead without email, phone and LinkedIn URL is refused: outreach needs one way to reach
   * them (email, SMS/calls or a LinkedIn task).
   */
  public static final String UNREACHABLE =
      "A lead needs at least one way to reach them: email, phone or LinkedIn URL.";

  private static final Set<String> REACH_FIELDS =
      Set.of(LeadField.EMAIL.json(), LeadField.PHONE.json(), LeadField.LINKEDIN_URL.json());

  private LeadRules() {}

  public static Result check(LeadDraft draft, boolean creating) {
    EnumMap<LeadField, Object> out = new EnumMap<>(LeadField.class);
    List<FieldError> errors = new ArrayList<>();
    for (LeadField field : FIELDS) {
      if (field == LeadField.TAGS || !draft.has(field)) {
        continue;
      }
      try {
        out.put(field, normalise(field, draft.get(field)));
      } catch (DomainException e) {
        errors.add(new FieldError(field.json(), e.getMessage()));
      }
    }
    if (creating
        && out.get(LeadField.EMAIL) == null
        && out.get(LeadField.PHONE) == null
        && out.get(LeadField.LINKEDIN_URL) == null
        && errors.stream().noneMatch(e -> REACH_FIELDS.contains(e.field()))) {
      errors.add(new FieldError("email", UNREACHABLE));
    }
    List<String> tags = null;
    if (draft.tags() != null) {
      try {
        tags = tags(draft.tags());
      } catch (DomainException e) {
        errors.add(new FieldError("tags", e.getMessage()));
      }
    }
    Map<String, String> custom = null;
    if (draft.customFields() != null) {
      try {
        custom = customFields(draft.customFields());
      } catch (DomainException e) {
        errors.add(new FieldError("customFields", e.getMessage()));
      }
    }
    return new Result(new Valid(out, tags, custom, draft.consent()), errors);
  }

  /** For forms and the API: the first problem as a 400 naming its field. */
  public static Valid require(LeadDraft draft, boolean creating) {
    Result result = check(draft, creating);
    if (!result.ok()) {
      FieldError first = result.errors().get(0);
      throw DomainException.invalid(first.field(), first.reason());
    }
    return result.valid();
  }

  static Object normalise(LeadField field, String raw) {
    String value = raw == null ? null : withoutControls(raw).trim();
    if (value != null && value.isEmpty()) {
      value = null;
    }
    String name = field.json();
    switch (field) {
      case EMAIL:
        return value == null ? null : Emails.normalise(name, value);
      case PHONE:
        if (value == null) {
          return null;
        }
        String digits = hasPhoneNoise(value) ? PHONE_NOISE.matcher(value).replaceAll("") : value;
        if (digits.startsWith("00")) {
          digits = "+" + digits.substring(2);
        }
        if (!E164.matcher(digits).matches()) {
          throw DomainException.invalid(
              name, "Phone '" + value + "' must be international (E.164), like +14155550123.");
        }
        return digits;
      case COUNTRY:
        if (value == null) {
          return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
          throw DomainException.invalid(
              name, "Country must be a two-letter ISO code like US or DE, got '" + value + "'.");
        }
        return code;
      case TIMEZONE:
        if (value != null && !ZONES.contains(value)) {
          throw DomainException.invalid(
              name, "Time zone must be an IANA name like Europe/Berlin, got '" + value + "'.");
        }
        return value;
      case LINKEDIN_URL:
        if (value == null) {
          return null;
        }
        String linkedin = withScheme(value);
        URI uri = uri(name, linkedin);
        if (uri.getHost() == null
            || !uri.getHost().toLowerCase(Locale.ROOT).endsWith("linkedin.com")) {
          throw DomainException.invalid(
              name, "LinkedIn URL must point to linkedin.com, got '" + value + "'.");
        }
        return linkedin;
      case WEBSITE:
        if (value == null) {
          return null;
        }
        String site = withScheme(value);
        if (uri(name, site).getHost() == null) {
          throw DomainException.invalid(name, "Website '" + value + "' is not a web address.");
        }
        return site;
      case STAGE:
        return value == null ? Stage.NEW : Stage.parse(name, value);
      case SCORE:
        if (value == null) {
          return 0;
        }
        try {
          int score = Integer.parseInt(value);
          if (score < 0 || score > 100) {
            throw new NumberFormatException();
          }
          return score;
        } catch (NumberFormatException e) {
          throw DomainException.invalid(
              name, "Score must be a whole number from 0 to 100, got '" + value + "'.");
        }
      case OWNER_ID:
        if (value == null) {
          return null;
        }
        try {
          return Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw DomainException.invalid(name, "Owner must be a user id, got '" + value + "'.");
        }
      case DO_NOT_CONTACT:
        if (value == null) {
          return false;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
          case "true", "yes", "y", "1", "x":
            return true;
          case "false", "no", "n", "0":
            return false;
          default:
            throw DomainException.invalid(
                name, "Do-not-contact must be yes or no, got '" + value + "'.");
        }
      default:
        if (value != null && value.length() > MAX_TEXT) {
          throw DomainException.invalid(name, "At most " + MAX_TEXT + " characters.");
        }
        return value;
    }
  }

  /** Tags from CSV text: separated by ';', ',' or '|'. */
  public static List<String> splitTags(String text) {
    return Arrays.stream(TAG_SEPARATORS.split(text))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  static List<String> tags(List<String> raw) {
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : raw) {
      if (tag == null || tag.isBlank()) {
        continue;
      }
      String t = tag.trim();
      if (t.length() > 50) {
        throw DomainException.invalid("tags", "Tag '" + t + "' is longer than 50 characters.");
      }
      tags.add(t);
    }
    if (tags.size() > 30) {
      throw DomainException.invalid("tags", "At most 30 tags per lead.");
    }
    return List.copyOf(tags);
  }

  static Map<String, String> customFields(Map<String, String> raw) {
    if (raw.size() > 50) {
      throw DomainException.invalid("customFields", "At most 50 custom fields per lead.");
    }
    Map<String, String> out = new LinkedHashMap<>();
    raw.forEach(
        (k, v) -> {
          if (k == null || k.isBlank() || k.length() > 50) {
            throw DomainException.invalid(
                "customFields", "Custom field names need 1 to 50 characters.");
          }
          if (v != null && v.length() > 2000) {
            throw DomainException.invalid(
                "customFields", "Custom field '" + k + "' is longer than 2000 characters.");
          }
          if (v != null) {
            out.put(k.trim(), v);
          }
        });
    return out;
  }

  private static String withScheme(String value) {
    return SCHEME.matcher(value).matches() ? value : "https://" + value;
  }

  /**
   * {@code raw} without the characters {@link #CONTROL} removes (ASCII controls but newline and
   * tab). Most text has none, so a plain scan spares the regular expression.
   */
  private static String withoutControls(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char ch = raw.charAt(i);
      if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7F) {
        return CONTROL.matcher(raw).replaceAll("");
      }
    }
    return raw;
  }

  /** Whether {@link #PHONE_NOISE} would remove anything (whitespace, brackets, dots, dashes). */
  private static boolean hasPhoneNoise(String value) {
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch <= ' ' || ch == '(' || ch == ')' || ch == '.' || ch == '-' || ch == '/') {
        return true;
      }
    }
    return false;
  }

  private static URI uri(String field, String value) {
    try {
      return new URI(value);
    } catch (Exception e) {
      throw DomainException.invalid(field, "'" + value + "' is not a valid address.");
    }
  }
}
