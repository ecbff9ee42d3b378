package io.omnireach.ui.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.omnireach.graph.GraphEdge;
import io.omnireach.graph.GraphNode;
import io.omnireach.graph.NodeKind;
import io.omnireach.graph.RelationshipGraph;
import io.omnireach.graph.WarmPath;

/**
 * The shortest warm path from our team to a lead as a chain of chips (teammate → … → lead), each
 * hop labelled with its relation; or why there is none.
 */
public final class WarmPathPanel extends Div {

  public WarmPathPanel(WarmPath path) {
    setId("lead-warm-path");
    addClassNames("omni-panel", "omni-warm-path");
    Span sub =
        new Span(
            path.found()
                ? path.hops() == 1
                    ? "Someone on the team already has a warm line to this person."
                    : "The shortest way in through people who answered, met or know someone."
                : "Nobody on the team reaches this person within "
                    + RelationshipGraph.MAX_DEPTH
                    + " warm hops (a reply, a meeting, a colleague, someone who knows them). Add a"
                    + " connection if you know one.");
    sub.addClassName("omni-muted");
    Div head = new Div(new H3("Warm path"), sub);
    head.addClassName("omni-graph-head");
    add(head);
    if (!path.found()) {
      return;
    }
    Div chain = new Div();
    chain.addClassName("omni-warm-chain");
    chain.setId("warm-path-chain");
    chain.add(chip(path.nodes().get(0)));
    for (int i = 1; i < path.nodes().size(); i++) {
      GraphEdge e = path.edges().get(i - 1);
      Span label = new Span(GraphOption.label(e.kind()));
      Div hop = new Div(label, VaadinIcon.ARROW_RIGHT.create());
      hop.addClassName("omni-warm-hop");
      hop.getStyle().set("--edge", GraphOption.color(e.kind()));
      // the arrow and the node it leads to wrap together
      Div step = new Div(hop, chip(path.nodes().get(i)));
      step.addClassName("omni-warm-step");
      chain.add(step);
    }
    add(chain);
  }

  static Component chip(GraphNode n) {
    Span icon =
        new Span(
            switch (n.kind()) {
              case USER -> VaadinIcon.USER_STAR.create();
              case ACCOUNT -> VaadinIcon.BUILDING.create();
              case LEAD -> VaadinIcon.USER.create();
            });
    icon.addClassNames("omni-warm-icon", n.kind().json());
    Span name = new Span(n.label());
    name.addClassName("omni-warm-name");
    Span sub =
        new Span(
            n.kind() == NodeKind.USER
                ? "Our team"
                : (n.kind() == NodeKind.ACCOUNT ? "Account · " : "Person · ") + n.score());
    sub.addClassName("omni-muted");
    Div text = new Div(name, sub);
    text.addClassName("omni-warm-text");
    if (n.kind() == NodeKind.USER) {
      Div chip = new Div(icon, text);
      chip.addClassName("omni-warm-chip");
      return chip;
    }
    Anchor chip =
        new Anchor((n.kind() == NodeKind.LEAD ? "leads/" : "accounts/") + n.key(), icon, text);
    chip.getElement().setAttribute("router-link", true);
    chip.addClassName("omni-warm-chip");
    return chip;
  }
}
