package io.omnireach.ui.run;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.engine.NodeRunView;
import io.omnireach.workflow.engine.RunView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A run's step log as a timeline, oldest first: what ran and how it went (status, attempt x of y,
 * due/started/finished), what it produced, why it went that way, and errors — with "Retry this
 * step" on a failed node's latest step when the user may change runs.
 */
class StepLog extends Div {

  private final Map<String, Div> byNode = new HashMap<>();

  StepLog(
      RunView run,
      List<NodeRunView> steps,
      WorkflowGraph graph,
      boolean canRetry,
      Consumer<NodeRunView> retry) {
    setId("run-steps");
    addClassName("omni-steplog");
    if (steps.isEmpty()) {
      Div empty = new Div(new Span("No step has run yet: the first one is due now."));
      empty.addClassName("omni-steplog-empty");
      add(empty);
      return;
    }
    Map<String, Long> latest = new HashMap<>();
    steps.forEach(s -> latest.put(s.nodeId(), s.id()));
    for (NodeRunView s : steps) {
      boolean last = latest.get(s.nodeId()) == s.id();
      Div entry = entry(run, s, graph, canRetry && last && "failed".equals(s.status()), retry);
      byNode.put(s.nodeId(), entry);
      add(entry);
    }
  }

  /** Scrolls to a node's latest step and highlights it (a click on the canvas). */
  void reveal(String nodeId) {
    byNode.values().forEach(d -> d.removeClassName("is-highlighted"));
    Div entry = byNode.get(nodeId);
    if (entry != null) {
      entry.addClassName("is-highlighted");
      entry.scrollIntoView();
    }
  }

  private static Div entry(
      RunView run,
      NodeRunView s,
      WorkflowGraph graph,
      boolean retryable,
      Consumer<NodeRunView> retry) {
    RunUi.Kind kind = RunUi.kind(s.nodeType());
    Icon icon = kind.icon().create();
    Div dot = new Div(icon);
    dot.addClassName("omni-steplog-dot");
    dot.getStyle().set("--omni-kind-color", kind.color());

    Span name = new Span(RunUi.stepName(graph, s.nodeId(), s.nodeType()));
    name.addClassName("omni-steplog-name");
    Div top = new Div(name, RunUi.stepBadge(s.status()));
    top.addClassName("omni-steplog-top");
    String attempt = StepFacts.attempt(s);
    if (attempt != null) {
      Span a = new Span(attempt);
      a.addClassName("omni-steplog-attempt");
      if (s.attempt() > 1) {
        a.addClassName("is-retry");
      }
      top.add(a);
    }
    if (s.visit() > 1) {
      Span v = new Span("Visit " + s.visit());
      v.addClassName("omni-steplog-attempt");
      top.add(v);
    }

    Div body = new Div(top, times(s));
    body.addClassName("omni-steplog-body");
    List<String> facts = StepFacts.facts(s);
    if (!facts.isEmpty()) {
      Div list = new Div();
      list.addClassName("omni-steplog-facts");
      facts.forEach(f -> list.add(new Div(new Span(f))));
      body.add(list);
    }
    if (s.why() != null && !s.why().isBlank()) {
      body.add(note(VaadinIcon.LIGHTBULB, "Why: " + s.why(), "omni-steplog-why"));
    }
    if (s.error() != null && !s.error().isBlank()) {
      Div error = note(VaadinIcon.WARNING, s.error(), "omni-steplog-error");
      if (retryable) {
        Button again =
            new Button("Retry this step", VaadinIcon.ROTATE_LEFT.create(), e -> retry.accept(s));
        again.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        again.setId("retry-" + s.nodeId());
        error.add(again);
      }
      body.add(error);
    }
    if (s.messageId() != null) {
      Anchor message = new Anchor("leads/" + run.leadId(), "");
      message.add(
          VaadinIcon.ENVELOPE_OPEN_O.create(), new Span("Open the email in the lead's thread"));
      message.addClassName("omni-steplog-link");
      message.setId("step-message-" + s.id());
      body.add(message);
    }

    Div entry = new Div(dot, body);
    entry.addClassNames("omni-steplog-entry", "omni-steplog-" + s.status());
    entry.setId("step-" + s.id());
    entry.getElement().setAttribute("data-node-id", s.nodeId());
    entry.getElement().setAttribute("data-status", s.status());
    return entry;
  }

  private static Component times(NodeRunView s) {
    Span times = new Span(StepFacts.times(s, java.time.Instant.now()));
    times.addClassName("omni-steplog-times");
    return times;
  }

  private static Div note(VaadinIcon icon, String text, String cls) {
    Icon i = icon.create();
    Div note = new Div(i, new Span(text));
    note.addClassName(cls);
    return note;
  }
}
