package io.omnireach.ui.persona;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.omnireach.persona.Channel;
import io.omnireach.persona.Persona;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A persona at a glance: who, how it sounds, whom it targets, where it writes. */
final class PersonaCard extends Div {

  /** Hues that carry white initials well. */
  private static final int[] HUES = {252, 280, 206, 172, 328, 16, 146, 228, 196, 300};

  PersonaCard(Persona persona, Runnable open) {
    addClassName("omni-persona-card");
    getElement().setAttribute("data-persona", persona.name());
    getElement().setAttribute("tabindex", "0");
    getElement().setAttribute("role", "button");
    getElement().setAttribute("aria-label", "Open persona " + persona.name());
    getStyle().set("--omni-persona-hue", Integer.toString(hue(persona.name())));
    addClickListener(e -> open.run());
    getElement().addEventListener("keydown", e -> open.run()).setFilter("event.key === 'Enter'");

    add(top(persona), tones(persona), chips(persona), foot(persona));
  }

  private static Div top(Persona p) {
    Span avatar = new Span(initials(p.name()));
    avatar.addClassName("omni-persona-avatar");
    Span name = new Span(p.name());
    name.addClassName("omni-persona-name");
    Span role = new Span(p.role() == null ? "No role yet" : p.role());
    role.addClassName("omni-persona-role");
    Div who = new Div(name, role);
    who.addClassName("omni-persona-who");
    Div top = new Div(avatar, who);
    top.addClassName("omni-persona-card-top");
    return top;
  }

  static Span channel(Channel channel) {
    Icon icon = icon(channel).create();
    Span badge = new Span(icon, new Span(channel.label()));
    badge.addClassName("omni-persona-channel");
    badge.getElement().setAttribute("title", "Default channel: " + channel.label());
    return badge;
  }

  static VaadinIcon icon(Channel channel) {
    return switch (channel) {
      case EMAIL -> VaadinIcon.ENVELOPE_O;
      case SMS -> VaadinIcon.COMMENT_ELLIPSIS_O;
      case LINKEDIN -> VaadinIcon.CONNECT_O;
      case CALL -> VaadinIcon.PHONE;
    };
  }

  private static Div tones(Persona p) {
    Div tones = new Div();
    tones.addClassName("omni-persona-tones");
    for (ToneScale scale : ToneScale.ALL) {
      int value = scale.of(p.tone());
      Span low = new Span(scale.low);
      Span high = new Span(scale.high);
      Div marker = new Div();
      marker.addClassName("omni-persona-tone-marker");
      Div track = new Div(marker);
      track.addClassName("omni-persona-tone-track");
      track.getStyle().set("--omni-value", value + "%");
      Div row = new Div(low, track, high);
      row.addClassName("omni-persona-tone");
      row.getElement()
          .setAttribute(
              "title", scale.label + ": " + value + " / 100 (" + scale.describe(value) + ")");
      if (value <= 33) {
        low.addClassName("omni-persona-tone-strong");
      } else if (value >= 67) {
        high.addClassName("omni-persona-tone-strong");
      }
      tones.add(row);
    }
    return tones;
  }

  private static Div chips(Persona p) {
    Div chips = new Div();
    chips.addClassName("omni-persona-chips");
    if (p.industryFocus().isEmpty()) {
      Span none = new Span("Any industry");
      none.addClassNames("omni-persona-chip", "omni-persona-chip-empty");
      chips.add(none);
    }
    for (String industry : p.industryFocus()) {
      Span chip = new Span(industry);
      chip.addClassName("omni-persona-chip");
      chips.add(chip);
    }
    return chips;
  }

  private static Div foot(Persona p) {
    Span language = new Span(p.language().toUpperCase(Locale.ROOT));
    language.addClassName("omni-persona-lang");
    language.getElement().setAttribute("title", Languages.label(p.language()));
    Span stats =
        new Span(
            count(p.writingSamples().size(), "sample")
                + " · "
                + count(p.valuePropositions().size(), "value prop"));
    stats.addClassName("omni-persona-stats");
    Div foot = new Div(channel(p.defaultChannel()), language, stats);
    foot.addClassName("omni-persona-card-foot");
    return foot;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static String initials(String name) {
    String letters =
        Arrays.stream(name.split("[\\s\\-]+"))
            .filter(w -> !w.isEmpty() && Character.isLetterOrDigit(w.codePointAt(0)))
            .limit(2)
            .map(w -> new String(Character.toChars(w.codePointAt(0))))
            .collect(Collectors.joining());
    return letters.isEmpty() ? "?" : letters.toUpperCase(Locale.ROOT);
  }

  /** A stable hue per name, so each persona keeps its colour. */
  static int hue(String name) {
    return HUES[Math.floorMod(name.toLowerCase(Locale.ROOT).hashCode(), HUES.length)];
  }
}
