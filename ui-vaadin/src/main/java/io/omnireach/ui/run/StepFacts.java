package io.omnireach.ui.run;

import elemental.json.Json;
import elemental.json.JsonObject;
import io.omnireach.workflow.engine.NodeRunView;
import io.omnireach.workflow.engine.NodeStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the engine's step records into what the pages show: one-line facts of a step's output, the
 * canvas badges of a run ({@code {nodeId: {status, label?}}}) and of a workflow's results.
 */
final class StepFacts {

  static final int PREVIEW = 160;

  private StepFacts() {}

  /** The output of a step in a few short lines, by node type; raw keys never leak. */
  static List<String> facts(NodeRunView s) {
    Map<String, Object> out = s.output() == null ? Map.of() : s.output();
    List<String> facts = new ArrayList<>();
    switch (s.nodeType() == null ? "" : s.nodeType()) {
      case "send_email" -> {
        text(out, "subject").ifPresent(v -> facts.add("Subject: “" + v + "”"));
        String variant = s.variant() != null ? s.variant() : text(out, "variant").orElse(null);
        if (variant != null) {
          facts.add("A/B variant " + variant);
        }
      }
      case "ai_generate" -> {
        text(out, "subject").ifPresent(v -> facts.add("Wrote: “" + v + "”"));
        text(out, "body").ifPresent(v -> facts.add(preview(v)));
        text(out, "generator")
            .ifPresent(
                g ->
                    facts.add(
                        "By " + g + (Boolean.TRUE.equals(out.get("cached")) ? ", cached" : "")));
      }
      case "wait" -> {
        text(out, "waitUntil").ifPresent(v -> facts.add("Until " + when(v)));
        text(out, "until")
            .ifPresent(
                v ->
                    facts.add(
                        "reply".equals(v)
                            ? "Or until the lead replies"
                            : "Or until the lead opens an email"));
      }
      case "decision" -> text(out, "branch").ifPresent(b -> facts.add("Went the “" + b + "” way"));
      case "update_lead" -> {
        text(out, "stage").ifPresent(v -> facts.add("Stage set to " + v));
        text(out, "addedTag").ifPresent(v -> facts.add("Tagged “" + v + "”"));
      }
      case "http_action" -> {
        text(out, "method").ifPresent(v -> facts.add(v + " " + text(out, "url").orElse("")));
        text(out, "deliveryId")
            .ifPresent(v -> facts.add("Delivery #" + v + " (Settings → Integrations)"));
      }
      case "task" -> {
        text(out, "title").ifPresent(v -> facts.add("Task: " + v));
        text(out, "assignee").ifPresent(v -> facts.add("For " + v));
        text(out, "doneBy").ifPresent(v -> facts.add("Completed by " + v));
      }
      case "linkedin_task", "call" -> {
        text(out, "title").ifPresent(v -> facts.add("Task: " + v));
        text(out, "assignee").ifPresent(v -> facts.add("For " + v));
        text(out, "textSource")
            .ifPresent(
                v -> facts.add("offline".equals(v) ? "Text: offline template" : "Text by " + v));
        text(out, "outcome")
            .ifPresent(
                v ->
                    facts.add(
                        "Outcome “"
                            + v
                            + "”"
                            + text(out, "doneBy").map(b -> " recorded by " + b).orElse("")));
      }
      case "end" -> text(out, "endedBy").ifPresent(v -> facts.add("Ended: " + v));
      default -> {}
    }
    return facts;
  }

  /** "Attempt 2 of 3", or null before the first attempt. */
  static String attempt(NodeRunView s) {
    if (s.attempt() <= 0) {
      return null;
    }
    return "Attempt " + s.attempt() + " of " + Math.max(s.attempt(), s.maxAttempts());
  }

  /**
   * When a step ran, in one short line: "Ran 25 Nov, 17:03:18 UTC · took 5 s", "Started … · next
   * try 25 Nov, 17:10:00 UTC (in 7 min)" for a retry or a wait, "Due … (in 3 d)" before it ran.
   */
  static String times(NodeRunView s, Instant now) {
    if (s.startedAt() == null) {
      return s.dueAt() == null ? "Queued" : "Due " + RunUi.time(s.dueAt()) + due(s.dueAt(), now);
    }
    StringBuilder t = new StringBuilder();
    if (s.finishedAt() != null) {
      t.append("Ran ").append(RunUi.time(s.startedAt()));
      java.time.Duration took = java.time.Duration.between(s.startedAt(), s.finishedAt());
      if (!took.isNegative() && took.toMillis() >= 1000) {
        t.append(" · took ").append(RunUi.span(took));
      }
    } else {
      t.append("Started ").append(RunUi.time(s.startedAt()));
      if (s.dueAt() != null && s.dueAt().isAfter(s.startedAt())) {
        t.append(" · ")
            .append("waiting".equals(s.status()) ? "until " : "next try ")
            .append(RunUi.time(s.dueAt()))
            .append(due(s.dueAt(), now));
      }
    }
    return t.toString();
  }

  private static String due(Instant at, Instant now) {
    return at.isAfter(now) ? " (" + RunUi.ago(at, now) + ")" : "";
  }

  /**
   * The canvas badges of one run: each node's latest step status; a node visited more than once
   * says how often ("Done ×2").
   */
  static String runStates(List<NodeRunView> steps) {
    Map<String, NodeRunView> latest = new LinkedHashMap<>();
    Map<String, Integer> visits = new LinkedHashMap<>();
    for (NodeRunView s : steps) {
      latest.put(s.nodeId(), s);
      visits.merge(s.nodeId(), 1, Integer::sum);
    }
    JsonObject states = Json.createObject();
    latest.forEach(
        (id, s) -> {
          JsonObject o = Json.createObject();
          o.put("status", s.status());
          int n = visits.get(id);
          if (n > 1) {
            o.put("label", RunUi.stepLabel(s.status()) + " ×" + n);
          } else if ("failed".equals(s.status()) && s.attempt() > 1) {
            o.put("label", "Failed after " + s.attempt() + " attempts");
          }
          states.put(id, o);
        });
    return states.toJson();
  }

  /**
   * The canvas badges of a workflow's results: how many runs reached each node; sends also say how
   * many went out and got replies; failures turn the badge red.
   */
  static String resultStates(List<NodeStats> stats) {
    JsonObject states = Json.createObject();
    for (NodeStats n : stats) {
      if (n.variant() != null) {
        continue;
      }
      JsonObject o = Json.createObject();
      o.put("status", n.failed() > 0 ? "failed" : "succeeded");
      o.put("count", n.entered());
      StringBuilder label = new StringBuilder(count(n.entered()) + " entered");
      if ("send_email".equals(n.nodeType())) {
        label.append(" · ").append(count(n.sent())).append(" sent");
        if (n.replied() > 0) {
          label.append(" · ").append(count(n.replied())).append(" replied");
        }
      }
      if (n.failed() > 0) {
        label.append(" · ").append(count(n.failed())).append(" failed");
      }
      o.put("label", label.toString());
      states.put(n.nodeId(), o);
    }
    return states.toJson();
  }

  static String count(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  private static java.util.Optional<String> text(Map<String, Object> out, String key) {
    Object v = out.get(key);
    if (v == null) {
      return java.util.Optional.empty();
    }
    String s = v.toString().trim();
    return s.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(s);
  }

  private static String preview(String body) {
    String flat = body.replaceAll("\\s+", " ").trim();
    return flat.length() <= PREVIEW ? flat : flat.substring(0, PREVIEW - 1) + "…";
  }

  private static String when(String iso) {
    try {
      return RunUi.time(Instant.parse(iso));
    } catch (java.time.format.DateTimeParseException e) {
      return iso;
    }
  }
}
