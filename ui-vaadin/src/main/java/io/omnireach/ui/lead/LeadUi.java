package io.omnireach.ui.lead;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.omnireach.lead.Lead;
import io.omnireach.lead.Stage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small pieces the lead views share: stage labels and badges, initials, dates, toasts. */
public final class LeadUi {

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private LeadUi() {}

  /** "Negotiation" for NEGOTIATION. */
  static String label(Stage stage) {
    String v = stage.value();
    return Character.toUpperCase(v.charAt(0)) + v.substring(1);
  }

  /** A coloured pill for a stage; the colour comes from the stylesheet per stage. */
  static Span stageBadge(Stage stage) {
    Span badge = new Span(label(stage));
    badge.addClassNames("omni-lead-stage", "omni-lead-stage-" + stage.value());
    return badge;
  }

  /** Renders stages as their coloured pills in selects. */
  static ComponentRenderer<Span, Stage> stageRenderer() {
    return new ComponentRenderer<>(LeadUi::stageBadge);
  }

  static String secondLine(Lead lead) {
    String name = lead.fullName();
    return name.equals(lead.contact()) ? "" : lead.contact();
  }

  /** "VP Sales @ Northwind", or whichever part exists. */
  static String role(Lead lead) {
    boolean title = lead.title() != null && !lead.title().isBlank();
    boolean company = lead.company() != null && !lead.company().isBlank();
    if (title && company) {
      return lead.title() + " @ " + lead.company();
    }
    return title ? lead.title() : company ? lead.company() : "";
  }

  /** A stable avatar colour per lead (Lumo has seven). */
  static int colorIndex(Lead lead) {
    return (int) Math.floorMod(Long.hashCode(lead.id()), 7);
  }

  public static String ago(Instant at, Instant now) {
    Duration d = Duration.between(at, now);
    if (d.toMinutes() < 1) {
      return "just now";
    }
    if (d.toHours() < 1) {
      return d.toMinutes() + " min ago";
    }
    if (d.toDays() < 1) {
      return d.toHours() + " h ago";
    }
    if (d.toDays() < 30) {
      return d.toDays() + " d ago";
    }
    return DATE.format(at);
  }

  public static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
