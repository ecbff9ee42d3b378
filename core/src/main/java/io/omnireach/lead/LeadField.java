package io.omnireach.lead;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The editable fields of a lead: their JSON name, database column, and the CSV headers that map to
 * them automatically. One place for REST, import, export and the UI.
 */
public enum LeadField {
  FIRST_NAME("firstName", "first_name", "first name", "firstname", "given name", "forename"),
  LAST_NAME("lastName", "last_name", "last name", "lastname", "surname", "family name"),
  EMAIL("email", "email", "e-mail", "email address", "mail", "work email"),
  PHONE("phone", "phone", "phone number", "mobile", "telephone", "tel"),
  COMPANY(
      "company", "company", "company name", "organization", "organisation", "account", "employer"),
  TITLE("title", "title", "job title", "position", "role"),
  INDUSTRY("industry", "industry", "sector", "vertical"),
  COMPANY_SIZE("companySize", "company_size", "company size", "employees", "size", "headcount"),
  COUNTRY("country", "country", "country code"),
  TIMEZONE("timezone", "timezone", "time zone", "tz"),
  LINKEDIN_URL("linkedinUrl", "linkedin_url", "linkedin", "linkedin url", "linkedin profile"),
  WEBSITE("website", "website", "web site", "url", "company website"),
  TAGS("tags", "tags", "labels", "tag"),
  STAGE("stage", "stage", "status", "lifecycle stage"),
  SCORE("score", "score", "lead score"),
  OWNER_ID("ownerId", "owner_id", "owner id"),
  DO_NOT_CONTACT("doNotContact", "do_not_contact", "do not contact", "dnc");

  private static final Map<String, LeadField> BY_JSON = new HashMap<>();

  static {
    for (LeadField f : values()) {
      BY_JSON.put(f.json, f);
    }
  }

  private final String json;
  private final String column;
  private final List<String> headers;

  LeadField(String json, String column, String... headers) {
    this.json = json;
    this.column = column;
    this.headers = List.of(headers);
  }

  public String json() {
    return json;
  }

  public String column() {
    return column;
  }

  /** The field a CSV header means, ignoring case, spaces, dashes and underscores. */
  public static Optional<LeadField> forHeader(String header) {
    String key = squash(header);
    for (LeadField f : values()) {
      if (squash(f.json).equals(key) || f.headers.stream().anyMatch(h -> squash(h).equals(key))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public static Optional<LeadField> forJson(String name) {
    // a map, not a scan: the import looks a field up for every cell
    return name == null ? Optional.empty() : Optional.ofNullable(BY_JSON.get(name));
  }

  private static String squash(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
  }
}
