package io.omnireach.ai;

import io.omnireach.lead.Lead;
import io.omnireach.persona.Persona;
import io.omnireach.persona.Tone;
import io.omnireach.tenant.TenantRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes drafts from templates when a tenant has no API key: deterministic, free and labelled
 * {@value Draft#OFFLINE}. Formality picks the greeting and register, detail the number of
 * paragraphs and value propositions, warmth the opening and the call to action. It mentions only
 * facts it has: the lead's name, company, title and industry and the persona's value propositions.
 */
public final class OfflineGenerator implements MessageGenerator {

  @Override
  public Draft generate(TenantRef tenant, Lead lead, Persona persona) {
    return generate(tenant, lead, persona, List.of());
  }

  /**
   * As {@link #generate(TenantRef, Lead, Persona)}, quoting the first sentence of the best
   * knowledge passage (cleaned like prompt input) and naming its documents as the draft's sources.
   */
  public Draft generate(TenantRef tenant, Lead lead, Persona persona, List<Passage> passages) {
    return generate(tenant, lead, persona, passages, false);
  }

  /**
   * As {@link #generate(TenantRef, Lead, Persona, List)}; with {@code meetingLink} the call to
   * action offers the {@code {{meeting.link}}} placeholder, which the lead's booking link replaces.
   */
  public Draft generate(
      TenantRef tenant, Lead lead, Persona persona, List<Passage> passages, boolean meetingLink) {
    Facts f = Facts.of(lead);
    List<Passage> documents = passages.stream().filter(p -> !p.fromHistory()).toList();
    String note = note(documents, f.company);
    Passage earlier =
        passages.stream().filter(p -> Passage.MESSAGE.equals(p.kind())).findFirst().orElse(null);
    String followUp = earlier == null ? "" : followUp(earlier.title());
    Tone tone = persona.tone();
    List<String> values = persona.valuePropositions();
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(greeting(tone, f));
    if (tone.warmth() < 40) {
      paragraphs.add(
          tone.formality() < 40
              ? "I hope this note finds you well."
              : "Hope your week is going well!");
    }
    if (!followUp.isEmpty()) {
      paragraphs.add(followUp);
    }
    paragraphs.add(reason(tone, f, persona));
    if (!note.isEmpty()) {
      paragraphs.add(
          (f.company.isEmpty() ? "From our notes: " : "From our notes on " + f.company + ": ")
              + note);
    }
    if (!values.isEmpty()) {
      paragraphs.add(valueLine(tone, values.get(0)));
    }
    if (tone.detail() >= 60) {
      for (int i = 1; i < Math.min(values.size(), tone.detail() >= 85 ? 3 : 2); i++) {
        paragraphs.add((tone.formality() < 40 ? "In addition, " : "Also: ") + values.get(i));
      }
      if (!f.industry.isEmpty()) {
        paragraphs.add(
            "Teams in "
                + f.industry
                + " often tell us the hard part is finding the time to change how they work,"
                + " so we keep the first step small.");
      }
    }
    paragraphs.add(
        meetingLink
            ? ask(tone)
                + "\nPick a time that suits you: "
                + io.omnireach.lead.MeetingLink.PLACEHOLDER
            : ask(tone));
    paragraphs.add(signOff(tone, persona));
    return new Draft(
        subject(tone, f, values),
        String.join("\n\n", paragraphs),
        "Offline template (no AI provider configured): tone "
            + tone.formality()
            + "/"
            + tone.detail()
            + "/"
            + tone.warmth()
            + ", using the lead's "
            + f.used()
            + (values.isEmpty() ? "" : " and the persona's first value proposition")
            + (note.isEmpty()
                ? ""
                : ", quoting the knowledge base (\"" + documents.get(0).title() + "\")")
            + (followUp.isEmpty() ? "" : ", following up on \"" + earlier.title() + "\"")
            + ".",
        Draft.OFFLINE,
        false,
        0,
        0,
        sources(
            java.util.stream.Stream.concat(
                    note.isEmpty() ? java.util.stream.Stream.<Passage>empty() : documents.stream(),
                    java.util.stream.Stream.ofNullable(followUp.isEmpty() ? null : earlier))
                .toList()));
  }

  /**
   * "Following up on my email of 12 Mar 2026 about “Subject”." from a history title as LeadHistory
   * writes it ("Email of 12 Mar 2026: Subject", "SMS of 3 Feb 2026"); "" otherwise.
   */
  static String followUp(String title) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^(Email|SMS) of ([^:]+?)(?:: (.+))?$").matcher(title);
    if (!m.matches()) {
      return "";
    }
    String what = m.group(1).equals("SMS") ? "message" : "email";
    String about =
        m.group(3) == null
            ? ""
            : " about “" + PromptBuilder.sanitize(m.group(3), 120).replace("\n", " ") + "”";
    return "Following up on my " + what + " of " + m.group(2) + about + ".";
  }

  /** The documents and history items of the passages, each once, in the order found. */
  static List<DraftSource> sources(List<Passage> passages) {
    java.util.LinkedHashMap<String, DraftSource> out = new java.util.LinkedHashMap<>();
    for (Passage p : passages) {
      out.putIfAbsent(
          p.kind() + ":" + p.sourceId(), new DraftSource(p.kind(), p.sourceId(), p.title()));
    }
    return List.copyOf(out.values());
  }

  /**
   * The first sentence of the best passage that reads as a fact (no heading, no neutralised
   * instruction), preferring one that names the lead's company; "" if none.
   */
  private static String note(List<Passage> passages, String company) {
    if (passages == null || passages.isEmpty()) {
      return "";
    }
    String text = PromptBuilder.sanitize(passages.get(0).text(), 2000);
    String first = "";
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || line.equals(PromptBuilder.NEUTRALISED) || line.length() < 20) {
        continue;
      }
      String sentence = line.split("(?<=[.!?])\\s+")[0].strip();
      if (sentence.length() > 240) {
        sentence = sentence.substring(0, 240).strip() + "…";
      }
      if (!company.isEmpty()
          && sentence
              .toLowerCase(java.util.Locale.ROOT)
              .contains(company.toLowerCase(java.util.Locale.ROOT))) {
        return sentence;
      }
      if (first.isEmpty()) {
        first = sentence;
      }
    }
    return first;
  }

  private static String greeting(Tone tone, Facts f) {
    if (tone.formality() < 34) {
      return "Dear " + (f.fullName.isEmpty() ? "Sir or Madam" : f.fullName) + ",";
    }
    String name = f.firstName.isEmpty() ? "there" : f.firstName;
    return (tone.formality() < 67 ? "Hello " : "Hi ") + name + ",";
  }

  private static String reason(Tone tone, Facts f, Persona persona) {
    String who = f.title.isEmpty() ? "someone" : article(f.title) + " " + f.title;
    String where = f.company.isEmpty() ? "" : " at " + f.company;
    String industry = f.industry.isEmpty() ? "" : " in " + f.industry;
    String me =
        persona.role() == null || persona.role().isBlank()
            ? ""
            : " As " + article(persona.role()) + " " + persona.role() + ", I";
    if (tone.warmth() >= 67) {
      return "I'm writing to you as "
          + who
          + where
          + " because we help teams"
          + industry
          + " get results faster."
          + (me.isEmpty() ? "" : me + " will keep this short.");
    }
    return "I am reaching out to you as "
        + who
        + where
        + ", since we work with teams"
        + industry
        + " facing similar challenges."
        + (me.isEmpty() ? "" : me + " thought this might be relevant to you.");
  }

  private static String valueLine(Tone tone, String value) {
    String v = value.strip();
    if (tone.formality() < 34) {
      return "In short: " + v;
    }
    return tone.warmth() >= 67 ? "The short version: " + v : "Here is what that looks like: " + v;
  }

  private static String ask(Tone tone) {
    if (tone.warmth() >= 67) {
      return tone.formality() >= 67
          ? "Worth a 15-minute call next week?"
          : "Would a 15-minute call next week suit you?";
    }
    return tone.formality() < 34
        ? "I would welcome the opportunity to arrange a brief conversation at your convenience."
        : "Would you be open to a short chat in the coming weeks? No pressure at all.";
  }

  private static String signOff(Tone tone, Persona persona) {
    if (persona.signature() != null && !persona.signature().isBlank()) {
      return persona.signature().strip();
    }
    String closing =
        tone.formality() < 34 ? "Kind regards," : tone.warmth() < 40 ? "Warm wishes," : "Best,";
    return closing + "\n" + persona.name();
  }

  private static String subject(Tone tone, Facts f, List<String> values) {
    String company = f.company.isEmpty() ? "your team" : f.company;
    if (tone.formality() < 34) {
      return f.industry.isEmpty()
          ? "A proposal for " + company
          : "A proposal for " + company + " in " + f.industry;
    }
    if (tone.warmth() >= 67) {
      return values.isEmpty() ? company + ": a quick question" : "Quick idea for " + company;
    }
    return f.title.isEmpty()
        ? "An idea for " + company
        : "An idea for " + company + "'s " + f.title;
  }

  private static String article(String noun) {
    return "AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
  }

  /** The lead's facts, sanitised like prompt input so template output is as clean as AI output. */
  private record Facts(
      String firstName, String fullName, String company, String title, String industry) {

    static Facts of(Lead lead) {
      String first = clean(lead.firstName());
      String last = clean(lead.lastName());
      return new Facts(
          first,
          (first + " " + last).strip(),
          clean(lead.company()),
          clean(lead.title()),
          clean(lead.industry()));
    }

    private static String clean(String s) {
      String v = PromptBuilder.sanitize(s, 80).replace("\n", " ");
      return v.equals(PromptBuilder.NEUTRALISED) ? "" : v;
    }

    String used() {
      List<String> used = new ArrayList<>();
      if (!firstName.isEmpty()) {
        used.add("name");
      }
      if (!company.isEmpty()) {
        used.add("company");
      }
      if (!title.isEmpty()) {
        used.add("title");
      }
      if (!industry.isEmpty()) {
        used.add("industry");
      }
      return used.isEmpty() ? "email only" : String.join(", ", used);
    }
  }
}
