package io.omnireach.workflow.nodes;

import io.omnireach.channel.ChannelCapabilities;
import io.omnireach.common.DomainException;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Call step. In task mode (the default) the rep (the lead's owner by default) calls the lead
 * themselves with a short talk track, and records connected, voicemail, no answer or skipped; the
 * run goes on down that output. In automated mode Twilio calls the lead from the workspace's number
 * and reads the step's script aloud — only with the lead's call consent, and only 08:00–21:00 in
 * the lead's time zone inside the workspace's window (the outbox's {@code VOICE} channel defers
 * it); the step waits for Twilio's final status and goes down connected (completed), no answer
 * (busy, no-answer) or skipped (failed, canceled, blocked). Without consent or a Twilio number it
 * creates the call task instead ({@code noConsent: "task"}, default) or goes down skipped with the
 * reason ({@code "skip"}).
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
   * @param mode {@code task} or {@code automated}
   * @param noConsent what an automated call does when it may not call: {@code task} or {@code skip}
   */
  public record Config(
      Long personaId,
      String prompt,
      String script,
      String title,
      String assignee,
      Integer dueInDays,
      String mode,
      String noConsent) {

    public boolean automated() {
      return AUTOMATED.equals(mode);
    }
  }

  public static final String AUTOMATED = "automated";

  /** How long an automated call waits for Twilio's final status before it looks again. */
  static final Duration STATUS_WAIT = Duration.ofDays(1);

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
    defaults.put("mode", "task");
    return new NodePalette(
        "Call",
        "The rep calls with a talk track, or an automated call reads a script",
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
    String mode = r.text("mode");
    if (ConfigReader.isBlank(mode)) {
      mode = "task";
    } else if (!mode.equals("task") && !mode.equals(AUTOMATED)) {
      r.error("mode", "mode is task or automated.");
    }
    String noConsent = r.text("noConsent");
    if (ConfigReader.isBlank(noConsent)) {
      noConsent = "task";
    } else if (!noConsent.equals("task") && !noConsent.equals("skip")) {
      r.error("noConsent", "noConsent is task (create the call task) or skip.");
    }
    return new Config(
        r.id("personaId", false),
        r.text("prompt"),
        r.text("script"),
        r.text("title"),
        r.text("assignee"),
        RepTasks.dueInDays(r),
        mode,
        noConsent);
  }

  @Override
  public void validate(Config c, NodeCheck check) {
    if (c.automated()) {
      if (ConfigReader.isBlank(c.script())) {
        check.error("script", "An automated call needs the script it reads aloud.");
      } else if (c.script().length() > ChannelCapabilities.VOICE.maxLength()) {
        check.error(
            "script",
            "An automated call's script is at most "
                + ChannelCapabilities.VOICE.maxLength()
                + " characters.");
      }
    }
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
    String notCalled = null;
    if (c.automated()) {
      Object placed = s.claim().output().get("messageId");
      if (placed instanceof Number id) {
        return AutomatedCall.outcome(s, id.longValue());
      }
      try {
        return AutomatedCall.place(s, MergeFields.render(c.script(), lead));
      } catch (DomainException e) {
        if (e.kind() != DomainException.Kind.UNPROCESSABLE) {
          throw e;
        }
        if ("skip".equals(c.noConsent())) {
          return new StepOutcome.Done(
              Map.of("mode", AUTOMATED, "notCalled", e.getMessage()),
              "skipped",
              "Not called: " + e.getMessage(),
              null,
              null);
        }
        notCalled = e.getMessage();
      }
    }
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
    StepOutcome task = taskFor(s, c, lead, text, title, phone);
    if (notCalled == null) {
      return task;
    }
    StepOutcome.Waiting w = (StepOutcome.Waiting) task;
    Map<String, Object> out = new LinkedHashMap<>(w.output());
    out.put("notCalled", notCalled);
    return new StepOutcome.Waiting(
        w.dueAt(), w.wakeOn(), out, "No automated call: " + notCalled + " " + w.why());
  }

  private static StepOutcome taskFor(
      Step<Config> s, Config c, Lead lead, RepTasks.Text text, String title, String phone)
      throws SQLException {
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
