package io.omnireach.ui.billing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.ui.billing.BillingDesk.MeterLine;
import io.omnireach.ui.billing.BillingDesk.PlanCard;
import java.util.Locale;

/**
 * The plan card: plan, base fee, who bills it, seats, and per meter this month's usage against the
 * included quantity with the soft limit (warning) and the hard limit (sending stops) — a bar per
 * meter coloured by its state, and the limit messages on top, never hidden.
 */
public class PlanSection extends Div {

  public PlanSection(BillingDesk desk, AuthenticatedUser user) {
    addClassNames("omni-panel", "omni-plan");
    setId("plan-section");
    PlanCard plan = desk.plan(user);
    add(head(plan));
    for (String warning : plan.warnings()) {
      add(banner(warning, plan));
    }
    Div meters = new Div();
    meters.addClassName("omni-plan-meters");
    for (MeterLine m : plan.meters()) {
      if (m.included() > 0 || m.used() > 0 || m.hardLimit() != null) {
        meters.add(meter(m));
      }
    }
    add(meters);
  }

  private static Component head(PlanCard plan) {
    Span name = new Span(plan.name() + " plan");
    name.addClassName("omni-plan-name");
    name.setId("plan-name");
    Div title = new Div(name);
    title.addClassName("omni-plan-title");
    if (plan.billedBy() != null) {
      Span by = new Span("Billed by " + plan.billedBy());
      by.addClassName("omni-plan-by");
      title.add(by);
    }
    Span sub =
        new Span(
            BillingUi.MONTH.format(plan.period())
                + " · resets on "
                + BillingUi.DAY.format(plan.resetsOn()));
    sub.addClassName("omni-muted");
    Div left = new Div(title, sub);

    Span fee = new Span(plan.baseFee());
    fee.addClassName("omni-plan-fee");
    fee.setId("plan-fee");
    Span per = new Span(" / month");
    per.addClassName("omni-muted");
    Div price = new Div(fee, per);
    price.addClassName("omni-plan-price");

    Icon users = VaadinIcon.USERS.create();
    Span seats =
        new Span(
            plan.seatsUsed()
                + " of "
                + plan.seatLimit()
                + " seats · "
                + plan.seatsIncluded()
                + " included, then "
                + plan.seatPrice()
                + " each");
    seats.setId("plan-seats");
    Div seatLine = new Div(users, seats);
    seatLine.addClassName("omni-plan-seats");
    Div right = new Div(price, seatLine);
    right.addClassName("omni-plan-right");

    Div head = new Div(left, right);
    head.addClassName("omni-plan-head");
    return head;
  }

  private static Component banner(String text, PlanCard plan) {
    boolean blocked =
        plan.meters().stream()
            .anyMatch(m -> m.state().equals("LIMIT_REACHED") && text.equals(m.message()));
    Icon icon = (blocked ? VaadinIcon.BAN : VaadinIcon.WARNING).create();
    Div banner = new Div(icon, new Span(text));
    banner.addClassNames(
        "omni-plan-banner", blocked ? "omni-plan-banner-stop" : "omni-plan-banner-warn");
    return banner;
  }

  private static Component meter(MeterLine m) {
    Span label = new Span(m.label());
    label.addClassName("omni-meter-label");
    Div top = new Div(label, BillingUi.badge(m.state()));
    top.addClassName("omni-meter-top");

    long base = m.included() > 0 ? m.included() : m.hardLimit() != null ? m.hardLimit() : m.used();
    Span used = new Span(BillingUi.compact(m.used()));
    used.addClassName("omni-meter-used");
    Span of =
        new Span(
            m.included() > 0
                ? " of " + BillingUi.compact(m.included()) + " included"
                : " used · none included");
    of.addClassName("omni-muted");
    Div figures = new Div(used, of);
    figures.addClassName("omni-meter-figures");

    Div fill = new Div();
    fill.addClassName("omni-meter-fill");
    double pct = base <= 0 ? 0 : Math.min(100.0, m.used() * 100.0 / base);
    fill.getStyle().set("width", String.format(Locale.ENGLISH, "%.1f%%", pct));
    Div bar = new Div(fill);
    bar.addClassNames("omni-meter-bar", "omni-meter-" + m.state().toLowerCase(Locale.ROOT));
    if (m.softLimit() != null && m.included() > 0) {
      Div tick = new Div();
      tick.addClassName("omni-meter-soft");
      tick.getStyle()
          .set(
              "left",
              String.format(Locale.ENGLISH, "%.1f%%", m.softLimit() * 100.0 / m.included()));
      tick.getElement().setAttribute("title", "Warning at " + BillingUi.count(m.softLimit()));
      bar.add(tick);
    }

    StringBuilder terms = new StringBuilder();
    terms.append(m.unitPrice().startsWith("$0.00") ? "No overage" : "Then " + m.unitPrice());
    if (m.hardLimit() != null) {
      terms.append(" · stops at ").append(BillingUi.count(m.hardLimit()));
    }
    Span foot = new Span(terms.toString());
    foot.addClassName("omni-meter-terms");
    Div tile = new Div(top, figures, bar, foot);
    if (!m.overage().startsWith("$0.00")) {
      Span overage = new Span("Overage so far " + m.overage());
      overage.addClassName("omni-meter-overage");
      tile.add(overage);
    }
    tile.addClassName("omni-meter");
    tile.setId("limit-" + m.key());
    return tile;
  }

  /** The section's heading, for pages that show it under a title of their own. */
  public static H3 heading() {
    return new H3("Plan and limits");
  }
}
