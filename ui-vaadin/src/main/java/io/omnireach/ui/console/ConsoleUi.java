package io.omnireach.ui.console;

import com.vaadin.flow.component.html.Span;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small pieces the console views share: scope, status pills, dates. */
final class ConsoleUi {

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private ConsoleUi() {}

  /** Null (everything) for the Owner; the reseller's id, or -1 (nothing) for a Reseller. */
  static Long scope(AuthenticatedUser user) {
    if (user.has(Role.OWNER)) {
      return null;
    }
    return user.resellerId() == null ? -1L : user.resellerId();
  }

  /** A coloured pill for a lifecycle status (ACTIVE, SUSPENDED, PROVISIONING, …). */
  static Span status(String status) {
    String name = status.toLowerCase(Locale.ROOT);
    Span pill = new Span(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
    pill.addClassNames("omni-status", "omni-status-" + name);
    return pill;
  }

  static String ago(Instant at, Instant now) {
    if (at == null) {
      return "No activity yet";
    }
    Duration d = Duration.between(at, now);
    if (d.toMinutes() < 1) {
      return "Just now";
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
}
