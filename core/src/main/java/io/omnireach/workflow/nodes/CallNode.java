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
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Call step in task mode: the rep (the lead's owner by default) calls the lead themselves with a
 * short talk track, and records connected, voicemail, no answer or skipped; the run goes on down
 * that output. (Automated calls are not built.)
 */
public final class CallNode implements NodeTypeFactory<CallNode.Config> {

  public static final String ID = "call";

  /**
   * @param personaId the voice the AI writes the talk track in (null: offline template)
   * @param prompt the author's brief for the AI
   * @param script the step's own talk track (merge fields allowed); when set, no AI is asked
   * @param title the task's title (default "Call …")
   * @param assignee a user email, or blank / "owner" = the lead's owner
   * @param dueInDays due this many days after the step ran
   */
  public record Config(
      Long personaId,
      String prompt,
      String script,
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
    defaults.put("personaId", null);
    defaults.put("prompt", "");
    defaults.put("dueInDays", 0);
    return new NodePalette(
        "Call",
        "The rep calls with a talk track and records the outcome",
        "Outreach",
        "#16a34a",
        "<path d=\"M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2"
            + "A16 16 0 0 1 3 6a2 2 0 0 1 2-2\"/>",
        true,
        TaskKind.CALL.outcomes(),
        defaults);
  }

  @Override
  public Config read(ConfigReader r) {
    return new Config(
        r.id("personaId", false),
        r.text("prompt"),
        r.text("script"),
        r.text("title"),
        r.text("assignee"),
        RepTasks.dueInDays(r));
  }

  @Override
  public void validate(Config c, NodeCheck check) {
    RepTasks.checkPersona(c.personaId(), check);
    check.mergeFields("script", c.script());
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
        RepTasks.text(
            s,
            generator,
            c.script(),
            c.personaId(),
            "Write a short talk track for a phone call by the rep, as short lines: an opener, the"
                + " reason for calling, one discovery question, the ask, and a voicemail of at"
                + " most 20 seconds. No subject line.",
            c.prompt(),
            () -> offline(lead));
    String title =
        ConfigReader.isBlank(c.title())
            ? "Call " + RepTasks.name(lead)
            : MergeFields.render(c.title(), lead);
    String phone = lead.phone() == null ? null : lead.phone().replaceAll("[^+0-9]", "");
    return RepTasks.open(
        s,
        new RepTasks.Card(
            TaskKind.CALL,
            null,
            title,
            RepTasks.assignee(s.c(), c.assignee(), lead),
            text.body(),
            text.source(),
            phone == null || phone.isEmpty() ? null : "tel:" + phone,
            RepTasks.due(s, c.dueInDays())));
  }

  static String offline(Lead lead) {
    String first = RepTasks.firstName(lead);
    String at = ConfigReader.isBlank(lead.company()) ? "" : " at " + lead.company().strip();
    String peers =
        ConfigReader.isBlank(lead.industry())
            ? "teams like yours"
            : lead.industry().strip() + " teams";
    return "Opener: Hi "
        + first
        + ", this is [your name]. Did I catch you at a bad time?\n"
        + "Reason: I work with "
        + peers
        + " and wanted to hear how outreach works for you"
        + at
        + ".\n"
        + "Question: What does your team do today when a prospect goes quiet?\n"
        + "Ask: Would 20 minutes next week make sense to compare notes?\n"
        + "Voicemail: Hi "
        + first
        + ", [your name] here. I will send you a short email with the reason for my call;"
        + " no need to call back.";
  }
}
