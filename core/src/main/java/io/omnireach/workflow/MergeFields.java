package io.omnireach.workflow;

import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.MeetingLink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{lead.firstName}}}-style placeholders in subjects, bodies and task titles. A field is
 * {@code lead.<JSON name of a lead field>}, {@code lead.fullName} or {@code lead.custom.<key>}; an
 * optional fallback follows a bar: {@code {{lead.firstName|there}}}. {@code {{meeting.link}}} is
 * the tenant's Calendly scheduling link for this lead ({@link MeetingLink}); empty (or the
 * fallback) while Calendly is not connected.
 */
public final class MergeFields {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([^}|]+?)\\s*(?:\\|([^}]*))?}}");

  static final String MEETING_LINK = "meeting.link";

  private MergeFields() {}

  /**
   * The one way steps render text: lead fields and, when the text asks for it, the lead's meeting
   * link from the tenant's Calendly connection (read in the step's transaction).
   */
  public static String render(Connection c, String text, Lead lead) throws SQLException {
    if (text == null || !text.contains(MEETING_LINK)) {
      return render(text, lead);
    }
    return render(text, lead, MeetingLink.of(MeetingLink.schedulingUrl(c), lead));
  }

  /** Placeholders in the text that name no known field. */
  public static List<String> unknown(String text) {
    List<String> unknown = new ArrayList<>();
    if (text == null) {
      return unknown;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!known(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    return unknown;
  }

  static boolean known(String name) {
    if (name.equals("lead.fullName") || name.equals(MEETING_LINK)) {
      return true;
    }
    if (name.startsWith("lead.custom.") && name.length() > "lead.custom.".length()) {
      return true;
    }
    return name.startsWith("lead.") && LeadField.forJson(name.substring(5)).isPresent();
  }

  /** The text with each placeholder replaced by the lead's value (or its fallback, or nothing). */
  public static String render(String text, Lead lead) {
    return render(text, lead, null);
  }

  /** As {@link #render(String, Lead)}, with the lead's meeting link (null: none). */
  public static String render(String text, Lead lead, String meetingLink) {
    return render(text, lead, meetingLink, java.util.function.UnaryOperator.identity());
  }

  /**
   * As above, each inserted value passed through {@code encode} first (e.g. URL encoding, so a
   * lead's field cannot change a URL's path or add query parameters).
   */
  public static String render(
      String text, Lead lead, String meetingLink, java.util.function.UnaryOperator<String> encode) {
    if (text == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(1).equals(MEETING_LINK) ? meetingLink : value(m.group(1), lead);
      if (value == null || value.isBlank()) {
        value = m.group(2) == null ? "" : m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(encode.apply(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String value(String name, Lead lead) {
    if (name.equals("lead.fullName")) {
      return lead.fullName();
    }
    if (name.startsWith("lead.custom.")) {
      return lead.customFields() == null
          ? null
          : lead.customFields().get(name.substring("lead.custom.".length()));
    }
    if (!name.startsWith("lead.")) {
      return null;
    }
    return LeadField.forJson(name.substring(5))
        .map(
            f ->
                switch (f) {
                  case FIRST_NAME -> lead.firstName();
                  case LAST_NAME -> lead.lastName();
                  case EMAIL -> lead.email();
                  case PHONE -> lead.phone();
                  case COMPANY -> lead.company();
                  case TITLE -> lead.title();
                  case INDUSTRY -> lead.industry();
                  case COMPANY_SIZE -> lead.companySize();
                  case COUNTRY -> lead.country();
                  case TIMEZONE -> lead.timezone();
                  case LINKEDIN_URL -> lead.linkedinUrl();
                  case WEBSITE -> lead.website();
                  case TAGS -> lead.tags() == null ? null : String.join(", ", lead.tags());
                  case STAGE -> lead.stage() == null ? null : lead.stage().value();
                  case SCORE -> Integer.toString(lead.score());
                  case OWNER_ID -> lead.ownerId() == null ? null : lead.ownerId().toString();
                  case DO_NOT_CONTACT -> Boolean.toString(lead.doNotContact());
                })
        .orElse(null);
  }
}
