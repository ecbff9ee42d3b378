package io.omnireach.ai;

/**
 * A generated message. {@code generator} is {@value #OFFLINE} for template output, otherwise {@code
 * provider/model} (for example {@code openrouter/openai/gpt-4o-mini}). {@code cached} is true when
 * the answer came from the generation cache instead of a provider call. {@code sources} are the
 * knowledge passages' documents the draft was written from (empty when none).
 */
public record Draft(
    String subject,
    String body,
    String rationale,
    String generator,
    boolean cached,
    int promptTokens,
    int completionTokens,
    java.util.List<DraftSource> sources) {

  public static final String OFFLINE = "offline";

  public Draft {
    sources = sources == null ? java.util.List.of() : java.util.List.copyOf(sources);
  }

  public Draft(
      String subject,
      String body,
      String rationale,
      String generator,
      boolean cached,
      int promptTokens,
      int completionTokens) {
    this(
        subject,
        body,
        rationale,
        generator,
        cached,
        promptTokens,
        completionTokens,
        java.util.List.of());
  }

  public Draft withSources(java.util.List<DraftSource> list) {
    return new Draft(
        subject, body, rationale, generator, cached, promptTokens, completionTokens, list);
  }

  /**
   * The draft with {@code {{meeting.link}}} replaced by the lead's booking link (null: removed, as
   * when Calendly is not connected).
   */
  public Draft withMeetingLink(String link) {
    String l = link == null ? "" : link;
    String ph = io.omnireach.lead.MeetingLink.PLACEHOLDER;
    if ((body == null || !body.contains(ph)) && (subject == null || !subject.contains(ph))) {
      return this;
    }
    return new Draft(
        subject == null ? null : subject.replace(ph, l).strip(),
        body == null ? null : body.replace(ph, l),
        rationale,
        generator,
        cached,
        promptTokens,
        completionTokens,
        sources);
  }

  public boolean offline() {
    return OFFLINE.equals(generator);
  }

  public Draft asCached() {
    return new Draft(
        subject, body, rationale, generator, true, promptTokens, completionTokens, sources);
  }
}
