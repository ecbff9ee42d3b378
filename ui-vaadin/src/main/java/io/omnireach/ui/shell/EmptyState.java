package io.omnireach.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/** A designed empty state: icon, title, explanation and optional actions. */
public class EmptyState extends Div {

  public EmptyState(VaadinIcon icon, String title, String text, Component... actions) {
    addClassName("omni-empty");
    Icon glyph = icon.create();
    glyph.addClassName("omni-empty-icon");
    Div badge = new Div(glyph);
    badge.addClassName("omni-empty-badge");
    H2 heading = new H2(title);
    Paragraph body = new Paragraph(text);
    Div card = new Div(badge, heading, body);
    card.addClassName("omni-empty-card");
    if (actions.length > 0) {
      Div row = new Div(actions);
      row.addClassName("omni-empty-actions");
      card.add(row);
    }
    add(card);
  }
}
