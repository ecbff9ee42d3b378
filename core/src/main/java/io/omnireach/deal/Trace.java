package io.omnireach.deal;

import java.util.List;

/**
 * Why the engine chose what it chose, in plain language: the inputs it read, each rule with its
 * outcome, and every alternative it considered with the reason it was rejected.
 */
public record Trace(
    String message,
    Ask ask,
    int playbookVersion,
    List<Rule> rules,
    List<Alternative> alternatives,
    String summary) {

  /** One rule evaluated: its name, the outcome (passed, applied, triggered, ignored) and why. */
  public record Rule(String rule, String outcome, String detail) {}

  /** An option the engine did not take, and why. */
  public record Alternative(String option, String rejectedBecause) {}

  public Trace {
    rules = List.copyOf(rules);
    alternatives = List.copyOf(alternatives);
  }
}
