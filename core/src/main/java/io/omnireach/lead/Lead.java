package io.omnireach.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lead as stored. {@code score} is set by hand; {@code relationshipScore} (0–100) is computed
 * from replies, opens, clicks, meetings and bounces (io.omnireach.relationship) and never edited.
 * {@code email} is null for a lead reachable only by phone or LinkedIn (at least one is set).
 */
public record Lead(
    long id,
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String title,
    String industry,
    String companySize,
    String country,
    String timezone,
    String linkedinUrl,
    String website,
    List<String> tags,
    Long ownerId,
    Stage stage,
    int score,
    int relationshipScore,
    Map<Consent.Channel, Consent> consent,
    boolean doNotContact,
    Map<String, String> customFields,
    Instant createdAt,
    Instant updatedAt,
    String createdBy,
    String updatedBy) {

  public String fullName() {
    String name =
        ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    return !name.isEmpty() ? name : contact();
  }

  /** How to reach the lead, for display: the email, else the phone, else the LinkedIn URL. */
  public String contact() {
    if (email != null) {
      return email;
    }
    if (phone != null) {
      return phone;
    }
    return linkedinUrl != null ? linkedinUrl : "Lead #" + id;
  }
}
