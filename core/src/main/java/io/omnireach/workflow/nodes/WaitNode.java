package io.omnireach.workflow.nodes;

import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.Step;
import io.omnireach.workflow.node.StepExecutor;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Waits for {@code duration}, or until the lead replies or opens ({@code until} = reply|open) with
 * {@code timeout} as the longest wait. The sweep wakes a waiting step early when its event happens.
 */
public final class WaitNode implements NodeTypeFactory<WaitNode.Config> {

  public record Config(Duration duration, String until, Duration timeout) {

    /** How long at most the step waits. */
    public Duration longest() {
      return until == null ? duration : timeout;
    }
  }

  @Override
  public String id() {
    return "wait";
  }

  @Override
  public NodePalette palette() {
    return new NodePalette(
        "Wait",
        "Pause for a while, or until a reply or an open",
        "Timing & logic",
        "#f59e0b",
        "<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M12 7v5l3.5 2\"/>",
        true,
        NodePalette.ONE_OUTPUT,
        Map.of("duration", "P2D"));
  }

  @Override
  public Config read(ConfigReader r) {
    String until = r.text("until");
    if (until != null) {
      until = until.strip().toLowerCase(Locale.ROOT);
      if (!until.equals("reply") && !until.equals("open")) {
        r.error("until", "until is \"reply\" or \"open\".");
        until = null;
      }
    }
    if (until != null) {
      return new Config(null, until, r.duration("timeout", true));
    }
    return new Config(r.duration("duration", true), null, null);
  }

  @Override
  public boolean writes() {
    return false;
  }

  @Override
  public boolean pauses() {
    return true;
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    return WaitNode::execute;
  }

  private static StepOutcome execute(Step<Config> s) throws SQLException {
    Config w = s.config();
    if (s.claim().woken()) {
      Map<String, Object> out = new LinkedHashMap<>(s.claim().output());
      String reason = "timer";
      if (w.until() != null) {
        Instant since = s.claim().startedAt();
        reason = happened(s, w.until(), since) ? w.until() : "timeout";
      }
      out.put("endedBy", reason);
      out.put("endedAt", s.now().toString());
      return new StepOutcome.Done(out, null, "Wait ended by " + reason + ".", null, null);
    }
    if (w.until() != null && happened(s, w.until(), s.claim().runCreatedAt())) {
      return new StepOutcome.Done(
          Map.of("endedBy", w.until(), "endedAt", s.now().toString()),
          null,
          "The lead had already " + (w.until().equals("reply") ? "replied" : "opened") + ".",
          null,
          null);
    }
    Instant due = s.now().plus(w.longest());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("waitUntil", due.toString());
    if (w.until() != null) {
      out.put("until", w.until());
    }
    String why =
        w.until() == null
            ? "Waiting " + w.duration() + " until " + due + "."
            : "Waiting for a " + w.until() + " until " + due + " at the latest.";
    return new StepOutcome.Waiting(due, w.until(), out, why);
  }

  private static boolean happened(Step<Config> s, String until, Instant since) throws SQLException {
    return until.equals("reply")
        ? RunEvents.lastReply(s.c(), s.claim().leadId(), since) != null
        : RunEvents.firstEvent(s.c(), s.claim().runId(), "OPENED", since) != null;
  }
}
