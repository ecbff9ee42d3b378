package io.omnireach.ui.run;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.omnireach.workflow.WorkflowGraph;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Words, badges, icons and times the run views share; pure functions where they can be. */
public final class RunUi {

  /** Run statuses in the order the filter chips show them. */
  static final List<String> RUN_STATUSES =
      List.of("running", "waiting", "pending", "paused", "failed", "succeeded", "cancelled");

  /** Runs that can still be paused or cancelled. */
  static final Set<String> ACTIVE = Set.of("pending", "running", "waiting");

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private RunUi() {}

  /** How a run's status reads: "Completed" for succeeded, the rest capitalised. */
  public static String runLabel(String status) {
    return "succeeded".equals(status) ? "Completed" : capitalised(status);
  }

  /** How a step's status reads: "Done" for succeeded. */
  static String stepLabel(String status) {
    return "succeeded".equals(status) ? "Done" : capitalised(status);
  }

  /** A coloured pill; the colour comes from the stylesheet per status. */
  static Span runBadge(String status) {
    return badge(runLabel(status), status);
  }

  static Span stepBadge(String status) {
    return badge(stepLabel(status), status);
  }

  private static Span badge(String text, String status) {
    Span badge = new Span(text);
    badge.addClassNames("omni-run-status", "omni-run-status-" + status);
    badge.getElement().setAttribute("data-status", status);
    return badge;
  }

  /** Label, icon and colour of the node types (as the canvas draws them). */
  record Kind(String label, VaadinIcon icon, String color) {}

  private static final Map<String, Kind> KINDS =
      Map.ofEntries(
          Map.entry("start", new Kind("Start", VaadinIcon.PLAY, "#10b981")),
          Map.entry("ai_generate", new Kind("AI generate", VaadinIcon.MAGIC, "#8b5cf6")),
          Map.entry("send_email", new Kind("Send email", VaadinIcon.ENVELOPE_O, "#3b82f6")),
          Map.entry("wait", new Kind("Wait", VaadinIcon.CLOCK, "#f59e0b")),
          Map.entry("decision", new Kind("Decision", VaadinIcon.SPLIT, "#ec4899")),
          Map.entry("update_lead", new Kind("Update lead", VaadinIcon.USER_CHECK, "#14b8a6")),
          Map.entry("http_action", new Kind("HTTP action", VaadinIcon.CONNECT, "#0ea5e9")),
          Map.entry("task", new Kind("Task", VaadinIcon.CHECK_SQUARE_O, "#0ea5e9")),
          Map.entry("linkedin_task", new Kind("LinkedIn task", VaadinIcon.USER_CARD, "#0a66c2")),
          Map.entry("call", new Kind("Call", VaadinIcon.PHONE, "#16a34a")),
          Map.entry("end", new Kind("End", VaadinIcon.FLAG_CHECKERED, "#64748b")));

  static Kind kind(String type) {
    return KINDS.getOrDefault(type, new Kind(capitalised(type), VaadinIcon.CIRCLE_THIN, "#64748b"));
  }

  /**
   * What people call a step: its label from the builder, else its type ("Send email"), with the
   * node id when the type occurs more than once so two sends stay apart.
   */
  static String stepName(WorkflowGraph graph, String nodeId, String type) {
    if (graph != null) {
      var node = graph.node(nodeId);
      if (node.isPresent()) {
        Object label = node.get().config().get("label");
        if (label instanceof String s && !s.isBlank()) {
          return s.trim();
        }
        String t = node.get().type();
        long same = graph.nodes().stream().filter(n -> t.equals(n.type())).count();
        return same > 1 ? kind(t).label() + " · " + nodeId : kind(t).label();
      }
    }
    return nodeId == null ? "—" : kind(type).label() + " · " + nodeId;
  }

  static String ago(Instant at, Instant now) {
    if (at == null) {
      return "—";
    }
    Duration d = Duration.between(at, now);
    if (d.isNegative()) {
      return "in " + span(d.negated());
    }
    if (d.toSeconds() < 45) {
      return "just now";
    }
    return span(d) + " ago";
  }

  /** "3 min", "2 h", "4 d". */
  static String span(Duration d) {
    if (d.toMinutes() < 1) {
      return d.toSeconds() + " s";
    }
    if (d.toHours() < 1) {
      return d.toMinutes() + " min";
    }
    if (d.toDays() < 1) {
      return d.toHours() + " h";
    }
    return d.toDays() + " d";
  }

  static String time(Instant at) {
    return at == null ? "—" : TIME.format(at);
  }

  static String pct(long part, long whole) {
    return whole == 0 ? "—" : String.format(Locale.ENGLISH, "%.0f%%", 100.0 * part / whole);
  }

  /** A JSON string literal: names come from tenants, so they are escaped, never concatenated. */
  static String quote(String s) {
    return elemental.json.Json.create(s == null ? "" : s).toJson();
  }

  static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }

  private static String capitalised(String s) {
    if (s == null || s.isEmpty()) {
      return "—";
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1).replace('_', ' ');
  }
}
