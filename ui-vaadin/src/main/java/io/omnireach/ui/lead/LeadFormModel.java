package io.omnireach.ui.lead;

import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.Stage;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the lead form edits, checked with Bean Validation while the person types. The shape checks
 * here only catch the obvious early; {@code LeadRules} in core stays the authority and reports the
 * rest (phone, country, links) when the form is saved.
 */
public class LeadFormModel {

  private static final String TOO_LONG = "At most 200 characters.";

  @Size(max = 200, message = TOO_LONG)
  private String firstName = "";

  @Size(max = 200, message = TOO_LONG)
  private String lastName = "";

  // optional: a lead needs one of email, phone or LinkedIn URL, which core's LeadRules checks
  @Email(message = "This does not look like an email address.")
  private String email = "";

  private String phone = "";

  @Size(max = 200, message = TOO_LONG)
  private String company = "";

  @Size(max = 200, message = TOO_LONG)
  private String title = "";

  @Size(max = 200, message = TOO_LONG)
  private String industry;

  @Size(max = 200, message = TOO_LONG)
  private String companySize;

  private String country;
  private String timezone;
  private String linkedinUrl = "";
  private String website = "";

  @Size(max = 30, message = "At most 30 tags per lead.")
  private Set<String> tags = new LinkedHashSet<>();

  @NotNull(message = "Choose a stage.")
  private Stage stage = Stage.NEW;

  @NotNull(message = "Give a score from 0 to 100.")
  @Min(value = 0, message = "Score is at least 0.")
  @Max(value = 100, message = "Score is at most 100.")
  private Integer score = 0;

  private Long ownerId;
  private boolean doNotContact;

  /** The values of a stored lead, to edit it. */
  public static LeadFormModel of(Lead lead) {
    LeadFormModel m = new LeadFormModel();
    m.firstName = text(lead.firstName());
    m.lastName = text(lead.lastName());
    m.email = text(lead.email());
    m.phone = text(lead.phone());
    m.company = text(lead.company());
    m.title = text(lead.title());
    m.industry = lead.industry();
    m.companySize = lead.companySize();
    m.country = lead.country();
    m.timezone = lead.timezone();
    m.linkedinUrl = text(lead.linkedinUrl());
    m.website = text(lead.website());
    m.tags = new LinkedHashSet<>(lead.tags());
    m.stage = lead.stage();
    m.score = lead.score();
    m.ownerId = lead.ownerId();
    m.doNotContact = lead.doNotContact();
    return m;
  }

  /**
   * Every field as text for core's rules. A new lead leaves out empty fields (defaults apply); an
   * edited lead sends them as null, which clears them.
   */
  public LeadDraft toDraft(boolean creating) {
    LeadDraft d = new LeadDraft();
    put(d, creating, LeadField.FIRST_NAME, firstName);
    put(d, creating, LeadField.LAST_NAME, lastName);
    put(d, creating, LeadField.EMAIL, email);
    put(d, creating, LeadField.PHONE, phone);
    put(d, creating, LeadField.COMPANY, company);
    put(d, creating, LeadField.TITLE, title);
    put(d, creating, LeadField.INDUSTRY, industry);
    put(d, creating, LeadField.COMPANY_SIZE, companySize);
    put(d, creating, LeadField.COUNTRY, country);
    put(d, creating, LeadField.TIMEZONE, timezone);
    put(d, creating, LeadField.LINKEDIN_URL, linkedinUrl);
    put(d, creating, LeadField.WEBSITE, website);
    put(d, creating, LeadField.STAGE, stage == null ? null : stage.value());
    put(d, creating, LeadField.SCORE, score == null ? null : score.toString());
    put(d, creating, LeadField.OWNER_ID, ownerId == null ? null : ownerId.toString());
    d.set(LeadField.DO_NOT_CONTACT, Boolean.toString(doNotContact));
    d.tags(List.copyOf(tags == null ? Set.of() : tags));
    return d;
  }

  private static void put(LeadDraft d, boolean creating, LeadField field, String value) {
    String v = value == null || value.isBlank() ? null : value.trim();
    if (v != null || !creating) {
      d.set(field, v);
    }
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getCompany() {
    return company;
  }

  public void setCompany(String company) {
    this.company = company;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getIndustry() {
    return industry;
  }

  public void setIndustry(String industry) {
    this.industry = industry;
  }

  public String getCompanySize() {
    return companySize;
  }

  public void setCompanySize(String companySize) {
    this.companySize = companySize;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getTimezone() {
    return timezone;
  }

  public void setTimezone(String timezone) {
    this.timezone = timezone;
  }

  public String getLinkedinUrl() {
    return linkedinUrl;
  }

  public void setLinkedinUrl(String linkedinUrl) {
    this.linkedinUrl = linkedinUrl;
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }

  public Set<String> getTags() {
    return tags;
  }

  public void setTags(Set<String> tags) {
    this.tags = tags;
  }

  public Stage getStage() {
    return stage;
  }

  public void setStage(Stage stage) {
    this.stage = stage;
  }

  public Integer getScore() {
    return score;
  }

  public void setScore(Integer score) {
    this.score = score;
  }

  public Long getOwnerId() {
    return ownerId;
  }

  public void setOwnerId(Long ownerId) {
    this.ownerId = ownerId;
  }

  public boolean isDoNotContact() {
    return doNotContact;
  }

  public void setDoNotContact(boolean doNotContact) {
    this.doNotContact = doNotContact;
  }
}
