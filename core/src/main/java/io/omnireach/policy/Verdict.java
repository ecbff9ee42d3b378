package io.omnireach.policy;

import java.util.List;
import java.util.Locale;

/** The engine's answer: the worst severity decides (block over warn; log violations allow). */
public record Verdict(Outcome outcome, List<Violation> violations) {

  public enum Outcome {
    ALLOW,
    WARN,
    BLOCK;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Verdict of(List<Violation> violations) {
    Outcome o = Outcome.ALLOW;
    for (Violation v : violations) {
      if (v.severity() == Severity.BLOCK) {
        o = Outcome.BLOCK;
      } else if (v.severity() == Severity.WARN && o == Outcome.ALLOW) {
        o = Outcome.WARN;
      }
    }
    return new Verdict(o, List.copyOf(violations));
  }

  public List<Violation> of(Severity severity) {
    return violations.stream().filter(v -> v.severity() == severity).toList();
  }

  /** One line for a message's reason: the first blocking rule and its excerpt. */
  public String reason() {
    List<Violation> blocking = of(Severity.BLOCK);
    if (blocking.isEmpty()) {
      return null;
    }
    Violation v = blocking.get(0);
    return "POLICY: "
        + v.policyName()
        + " — "
        + v.explanation()
        + (v.excerpt() == null || v.excerpt().isEmpty() ? "" : " («" + v.excerpt() + "»)");
  }
}
