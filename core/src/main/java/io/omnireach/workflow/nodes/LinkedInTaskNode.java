package io.omnireach.workflow.nodes;

import io.omnireach.lead.Lead;
import io.omnireach.workflow.MergeFields;
import io.omnireach.workflow.engine.StepGenerator;
import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.engine.TaskKind;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodeCheck;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.Step;
import io.omnireach.workflow.node.StepExecutor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A LinkedIn step, automation-safe: no scraping, no unofficial API. It gives the rep (the lead's
 * owner by default) a task to connect, message or view the profile themselves, with a text to copy
 * and the profile link; the run waits until the rep records sent, accepted, replied or skipped, and
 * goes on down that output.
 */
public final class LinkedInTaskNode implements NodeTypeFactory<LinkedInTaskNode.Config> {

  public static final String ID = "linkedin_task";
  public static final List<String> ACTIONS = List.of("connect", "message", "view_profile");

  /**
   * @param action connect, message or view_profile
   * @param personaId the voice the AI writes the text in (null: offline template)
   * @param prompt the author's brief for the AI
   * @param text the step's own text (merge fields allowed); when set, no AI is asked
   * @param title the task's title (default by action)
   * @param assignee a user email, or blank / "owner" = the lead's owner
   * @param dueInDays due this many days after the step ran
   */
  public record Config(
      String action,
      Long personaId,
      String prompt,
      String text,
      String title,
      String assignee,
      Integer dueInDays) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public NodePalette palette() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("action", "connect");
    defaults.put("personaId", null);
    defaults.put("prompt", "");
    defaults.put("dueInDays", 0);
    return new NodePalette(
        "LinkedIn task",
        "The rep connects or messages on LinkedIn and records the outcome",
        "Outreach",
        "#0a66c2",
        "<rect x=\"3.5\" y=\"3.5\" width=\"17\" height=\"17\" rx=\"3\"/>"
            + "<path d=\"M8 10.5V16\"/><path d=\"M8 7.5v.01\"/>"
            + "<path d=\"M11.5 16v-3.2a2 2 0 0 1 4 0V16\"/><path d=\"M11.5 10.5V16\"/>",
        true,
        TaskKind.LINKEDIN.outcomes(),
        defaults);
  }

  @Override
  public Config read(ConfigReader r) {
    String action = r.text("action");
    if (action == null || action.isBlank()) {
      action = "connect";
    } else if (!ACTIONS.contains(action)) {
      r.error("action", "action is one of connect, message, view_profile.");
    }
    return new Config(
        action,
        r.id("personaId", false),
        r.text("prompt"),
        r.text("text"),
        r.text("title"),
        r.text("assignee"),
        RepTasks.dueInDays(r));
  }

  @Override
  public void validate(Config c, NodeCheck check) {
    RepTasks.checkPersona(c.personaId(), check);
    check.mergeFields("text", c.text());
    check.mergeFields("title", c.title());
  }

  @Override
  public boolean pauses() {
    return true;
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    StepGenerator generator = services.generator();
    return s -> execute(s, generator);
  }

  private static StepOutcome execute(Step<Config> s, StepGenerator generator) throws SQLException {
    StepOutcome existing = RepTasks.existing(s);
    if (existing != null) {
      return existing;
    }
    Config c = s.config();
    Lead lead = s.requireLead();
    RepTasks.Text text =
        c.action().equals("view_profile")
            ? new RepTasks.Text(null, null)
            : RepTasks.text(
                s,
                generator,
                c.text(),
                c.personaId(),
                format(c.action()),
                c.prompt(),
                () -> offline(c.action(), lead));
    String title =
        ConfigReader.isBlank(c.title())
            ? defaultTitle(c.action(), lead)
            : MergeFields.render(c.title(), lead);
    return RepTasks.open(
        s,
        new RepTasks.Card(
            TaskKind.LINKEDIN,
            c.action(),
            title,
            RepTasks.assignee(s.c(), c.assignee(), lead),
            text.body(),
            text.source(),
            profileLink(lead),
            RepTasks.due(s, c.dueInDays())));
  }

  /** The lead's profile; without one, a LinkedIn people search for their name and company. */
  static String profileLink(Lead lead) {
    if (!ConfigReader.isBlank(lead.linkedinUrl())) {
      return lead.linkedinUrl();
    }
    String q = RepTasks.name(lead) + (lead.company() == null ? "" : " " + lead.company());
    return "https://www.linkedin.com/search/results/people/?keywords="
        + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8);
  }

  private static String defaultTitle(String action, Lead lead) {
    String name = RepTasks.name(lead);
    return switch (action) {
      case "message" -> "Message " + name + " on LinkedIn";
      case "view_profile" -> "View " + name + "’s LinkedIn profile";
      default -> "Connect with " + name + " on LinkedIn";
    };
  }

  /** What the AI is asked to write, before the author's brief. */
  private static String format(String action) {
    return action.equals("message")
        ? "Write a short LinkedIn direct message (at most 600 characters): no subject line,"
            + " conversational, one clear question."
        : "Write a LinkedIn connection request note of at most 280 characters: no subject line,"
            + " no links, no pitch, one personal reason to connect.";
  }

  /** Short enough for a connection note (LinkedIn allows 300 characters). */
  static String offline(String action, Lead lead) {
    String first = RepTasks.firstName(lead);
    String where =
        !ConfigReader.isBlank(lead.title()) && !ConfigReader.isBlank(lead.company())
            ? "your work as " + lead.title().strip() + " at " + lead.company().strip()
            : !ConfigReader.isBlank(lead.company())
                ? "what you are building at " + lead.company().strip()
                : "your profile";
    String peers =
        ConfigReader.isBlank(lead.industry())
            ? "people in your field"
            : "people in " + lead.industry().strip();
    if (action.equals("message")) {
      return "Hi "
          + first
          + ", thanks for connecting! I came across "
          + where
          + " and I am curious how your team approaches outreach today. Would a short chat"
          + " next week be useful? Happy to share what has worked for "
          + peers
          + ".";
    }
    return "Hi "
        + first
        + ", I came across "
        + where
        + " and would be glad to connect. I talk with "
        + peers
        + " a lot and enjoy swapping notes.";
  }
}
