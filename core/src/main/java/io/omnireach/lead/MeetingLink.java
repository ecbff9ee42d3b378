package io.omnireach.lead;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A lead's own booking link: the tenant's scheduling link with Calendly's prefill ({@code name},
 * {@code email}) and {@code utm_content=lead-<id>}, which Calendly hands back in the webhook's
 * {@code tracking}, so a booking maps back to the lead even when the invitee types another email.
 */
public final class MeetingLink {

  /** The merge field that stands for the link in templates and drafts. */
  public static final String PLACEHOLDER = "{{meeting.link}}";

  /** The {@code utm_content} value that names a lead. */
  public static final String UTM_PREFIX = "lead-";

  private MeetingLink() {}

  /** The link for this lead; null when the tenant has no scheduling link. */
  public static String of(String schedulingUrl, Lead lead) {
    if (schedulingUrl == null || schedulingUrl.isBlank()) {
      return null;
    }
    String base = schedulingUrl.strip();
    StringBuilder b = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
    String name = lead.fullName();
    if (name != null && !name.isBlank()) {
      b.append("name=").append(enc(name.strip())).append('&');
    }
    if (lead.email() != null && !lead.email().isBlank()) {
      b.append("email=").append(enc(lead.email())).append('&');
    }
    return b.append("utm_source=omnireach&utm_content=")
        .append(UTM_PREFIX)
        .append(lead.id())
        .toString();
  }

  /**
   * The tenant's scheduling link in the caller's transaction; null when Calendly is not connected.
   */
  public static String schedulingUrl(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select scheduling_url from calendly_settings where id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** The lead id a booking's {@code utm_content} names, or null. */
  public static Long leadId(String utmContent) {
    if (utmContent == null || !utmContent.matches(UTM_PREFIX + "[0-9]{1,18}")) {
      return null;
    }
    return Long.valueOf(utmContent.substring(UTM_PREFIX.length()));
  }

  private static String enc(String s) {
    // Calendly reads %20, not '+', as a space in prefilled names
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
