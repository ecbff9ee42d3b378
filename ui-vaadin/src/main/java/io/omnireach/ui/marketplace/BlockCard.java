package io.omnireach.ui.marketplace;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.omnireach.marketplace.CatalogueEntry;

/** One block of the catalogue as a card: kind, name, author, rating, publisher trust, status. */
class BlockCard extends Div {

  BlockCard(CatalogueEntry e, Runnable open) {
    addClassNames("omni-block-card", "omni-block-kind-" + e.kind());
    setId("block-card-" + e.id());
    getElement().setAttribute("tabindex", "0");
    getElement().setAttribute("role", "button");
    addClickListener(ev -> open.run());
    getElement().addEventListener("keydown", ev -> open.run()).setFilter("event.key === 'Enter'");

    Div icon = new Div(kindIcon(e.kind()));
    icon.addClassName("omni-block-icon");
    Span kind = new Span(kindLabel(e.kind()));
    kind.addClassName("omni-block-kind");
    Div top = new Div(icon, new Div(kind, trust(e.publisher())));
    top.addClassName("omni-block-card-top");

    H3 name = new H3(e.name());
    name.addClassName("omni-block-name");
    Span by = new Span(e.author() + " · v" + e.version());
    by.addClassName("omni-muted");
    Paragraph description = new Paragraph(e.description() == null ? "" : e.description());
    description.addClassName("omni-block-description");
    Div tags = new Div();
    tags.addClassName("omni-block-tags");
    e.tags().stream().limit(4).forEach(t -> tags.add(tag(t)));

    Div foot = new Div(stars(e.rating(), e.ratingCount()), status(e));
    foot.addClassName("omni-block-card-foot");
    add(top, name, by, description, tags, foot);
  }

  static Span tag(String text) {
    Span s = new Span(text);
    s.addClassName("omni-block-tag");
    return s;
  }

  static Span trust(String publisher) {
    boolean verified = "verified".equals(publisher);
    Span s =
        new Span(
            verified
                ? "Verified publisher"
                : "unsigned".equals(publisher) ? "Unsigned" : "Unknown key");
    s.addClassNames("omni-block-trust", verified ? "verified" : "unknown");
    s.getElement()
        .setAttribute(
            "title",
            verified
                ? "Signed with a key this workspace trusts"
                : "Signed with a key this workspace does not trust yet");
    return s;
  }

  static Span stars(Double rating, int count) {
    Span s = new Span();
    s.addClassName("omni-block-stars");
    if (rating == null) {
      s.setText("No ratings yet");
      s.addClassName("none");
      return s;
    }
    long full = Math.round(rating);
    s.setText(
        "★".repeat((int) full) + "☆".repeat((int) (5 - full)) + "  " + rating + " (" + count + ")");
    return s;
  }

  private static Span status(CatalogueEntry e) {
    Span s = new Span();
    s.addClassName("omni-block-status");
    if (e.updateAvailable()) {
      s.setText("Update to " + e.version());
      s.addClassName("update");
    } else if (e.installed()) {
      s.setText("Installed");
      s.addClassName("installed");
    } else {
      s.setText(
          e.source().startsWith("registry:") ? e.source().substring(9) : sourceLabel(e.source()));
    }
    return s;
  }

  static String sourceLabel(String source) {
    return switch (source) {
      case "builtin" -> "Built-in";
      case "workspace" -> "This workspace";
      case "reseller" -> "From your provider";
      default -> source.startsWith("registry:") ? "Registry " + source.substring(9) : source;
    };
  }

  static String kindLabel(String kind) {
    return switch (kind) {
      case "workflow" -> "Workflow";
      case "persona" -> "Persona";
      case "policy_set" -> "Policy set";
      case "prompt_template" -> "Prompt template";
      case "integration" -> "Integration";
      default -> kind;
    };
  }

  static Icon kindIcon(String kind) {
    return switch (kind) {
      case "workflow" -> VaadinIcon.CONNECT.create();
      case "persona" -> VaadinIcon.USER_CARD.create();
      case "policy_set" -> VaadinIcon.SHIELD.create();
      default -> VaadinIcon.PUZZLE_PIECE.create();
    };
  }
}
