package io.omnireach.ui.deal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Approvals;
import io.omnireach.deal.Ask;
import io.omnireach.deal.Deal;
import io.omnireach.deal.DealEvent;
import io.omnireach.deal.DealLine;
import io.omnireach.deal.Deals;
import io.omnireach.deal.DecisionReplay;
import io.omnireach.deal.Negotiations;
import io.omnireach.deal.OfferWriter;
import io.omnireach.deal.StoredDecision;
import io.omnireach.deal.Terms;
import io.omnireach.deal.Trace;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One deal: its line items, the negotiation desk (paste the customer's message, the engine decides
 * within the price book and drafts the answer), the "Why?" panel explaining a decision in plain
 * language, and the timeline.
 */
@Route(value = "deals/:id", layout = MainLayout.class)
@Requires(Permission.DEALS_READ)
public class DealView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
          .withZone(ZoneId.systemDefault());

  private final Deals deals;
  private final Negotiations negotiations;
  private final Approvals approvals;
  private final DecisionReplay replays;
  private final AuthenticatedUser user;
  private final TenantRef tenant;
  private final Div why = new Div();
  private final Div timeline = new Div();
  private final Div result = new Div();
  private Deal deal;
  private String title = "Deal";
  @Inject DealDocumentsPanel.Services documents;

  @Inject
  public DealView(
      Deals deals, Negotiations negotiations, Approvals approvals, DecisionReplay replays) {
    this.deals = deals;
    this.negotiations = negotiations;
    this.approvals = approvals;
    this.replays = replays;
    this.user = UiSession.require();
    this.tenant = user.tenant().ref();
    addClassNames("omni-page", "omni-deal-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    try {
      deal = deals.get(tenant, Long.parseLong(event.getRouteParameters().get("id").orElse("")));
    } catch (NumberFormatException | DomainException e) {
      add(
          new EmptyState(
              VaadinIcon.HANDSHAKE, "No such deal", "It does not exist in this workspace."));
      return;
    }
    title = deal.title();
    build();
  }

  @Override
  public String getPageTitle() {
    return title;
  }

  private void build() {
    add(hero());
    Div left = new Div(linesPanel());
    if (UiSession.can(user, io.omnireach.user.Permission.DEALS_WRITE)) {
      left.add(deskPanel());
    }
    left.add(
        new DealDocumentsPanel(
            documents,
            tenant,
            deal,
            user.email(),
            UiSession.can(user, io.omnireach.user.Permission.DEALS_WRITE),
            () -> negotiations.forDeal(tenant, deal.id()).stream().findFirst().orElse(null),
            this::refreshTimeline));
    left.add(panel("Timeline", timeline));
    left.addClassName("omni-deal-main");
    why.setId("deal-why");
    Div right = new Div(panel("Why?", why));
    right.addClassName("omni-deal-side");
    Div columns = new Div(left, right);
    columns.addClassName("omni-deal-columns");
    add(columns);
    List<StoredDecision> decisions = negotiations.forDeal(tenant, deal.id());
    showWhy(decisions.isEmpty() ? null : decisions.get(0));
    refreshTimeline();
  }

  private Component hero() {
    H2 h = new H2(deal.title());
    Span amount = new Span(DealsView.money(deal.amount(), deal.currency()));
    amount.addClassName("omni-deal-hero-amount");
    amount.setId("deal-amount");
    Div facts = new Div();
    facts.addClassName("omni-deal-facts");
    facts.add(DealsView.stageBadge(deal.stage()));
    facts.add(
        new Anchor("leads/" + deal.leadId(), deal.leadName() == null ? "Lead" : deal.leadName()));
    if (deal.owner() != null) {
      facts.add(fact(VaadinIcon.USER, deal.owner()));
    }
    if (deal.closeDate() != null) {
      facts.add(fact(VaadinIcon.CALENDAR, "Closes " + deal.closeDate()));
    }
    if (deal.termMonths() != null) {
      facts.add(fact(VaadinIcon.FILE_TEXT_O, deal.termMonths() + "-month contract"));
    }
    if (deal.paymentTerms() != null) {
      facts.add(fact(VaadinIcon.WALLET, "Payment " + deal.paymentTerms()));
    }
    Div hero = new Div(new Div(new Anchor("deals", "← Deals"), h, facts), amount);
    hero.addClassName("omni-deal-hero");
    return hero;
  }

  private static Span fact(VaadinIcon icon, String text) {
    Span s = new Span(icon.create(), new Span(text));
    s.addClassName("omni-deal-fact");
    return s;
  }

  private Component linesPanel() {
    Grid<DealLine> lines = new Grid<>();
    lines.setId("deal-lines");
    lines.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_COMPACT);
    lines.addColumn(DealLine::productName).setHeader("Product").setFlexGrow(2);
    lines.addColumn(DealLine::quantity).setHeader("Qty").setWidth("80px").setFlexGrow(0);
    lines
        .addColumn(l -> DealsView.money(l.unitPrice(), deal.currency()))
        .setHeader("Unit price")
        .setFlexGrow(1);
    lines
        .addColumn(l -> l.discountPercent().stripTrailingZeros().toPlainString() + " %")
        .setHeader("Discount")
        .setWidth("110px")
        .setFlexGrow(0);
    lines.addColumn(l -> DealsView.money(l.net(), deal.currency())).setHeader("Net").setFlexGrow(1);
    lines.setItems(deal.lines());
    lines.setAllRowsVisible(true);
    if (deal.lines().isEmpty()) {
      return panel("Line items", new Span("No products on this deal: the amount is as entered."));
    }
    return panel("Line items", lines);
  }

  private Component deskPanel() {
    TextArea message = new TextArea("The customer's message");
    message.setId("deal-message");
    message.setPlaceholder("e.g. \"We need 20% off and net 60 to sign this quarter.\"");
    message.setWidthFull();
    message.setMinHeight("110px");
    Button decide = new Button("Decide", VaadinIcon.SCALE.create());
    decide.setId("deal-decide");
    decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    decide.addClickListener(
        e -> {
          try {
            StoredDecision d =
                negotiations.negotiate(tenant, deal.id(), message.getValue(), user.email());
            showResult(d);
            showWhy(d);
            refreshTimeline();
          } catch (DomainException ex) {
            message.setInvalid(true);
            message.setErrorMessage(ex.getMessage());
          }
        });
    Span hint =
        new Span(
            "Rules decide, not the AI: the answer never goes beyond the price book's limits."
                + " Nothing is sent from here.");
    hint.addClassName("omni-muted");
    result.addClassName("omni-deal-result");
    result.setId("deal-result");
    Div actions = new Div(decide, hint);
    actions.addClassName("omni-deal-desk-actions");
    return panel("Negotiation desk", message, actions, result);
  }

  private void showResult(StoredDecision d) {
    result.removeAll();
    Span action = actionBadge(d);
    Div draft = new Div(new Span(d.draft()));
    draft.addClassName("omni-deal-draft");
    draft.setId("deal-draft");
    Span source =
        new Span(
            OfferWriter.GENERATOR.equals(d.draftGenerator())
                ? "Offline template: written from the chosen action and terms only."
                : "Phrased by "
                    + d.draftGenerator()
                    + " from the chosen action and terms; its numbers were checked against them.");
    source.setId("deal-draft-source");
    source.addClassName("omni-muted");
    Button copy = new Button("Copy", VaadinIcon.COPY_O.create());
    copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    copy.addClickListener(
        e -> {
          copy.getElement().executeJs("navigator.clipboard.writeText($0)", d.draft());
          Toasts.success("Draft copied.");
        });
    result.add(
        new Div(action, new Span(d.decision().trace().summary())), draft, new Div(source, copy));
    if (d.taskId() != null) {
      Anchor task = new Anchor("tasks", "Approval task #" + d.taskId() + " is waiting in Tasks");
      task.setId("deal-approval-task");
      result.add(task);
    }
  }

  private static Span actionBadge(StoredDecision d) {
    String a = d.decision().action().wire();
    Span badge = new Span(a.substring(0, 1).toUpperCase(Locale.ROOT) + a.substring(1));
    badge
        .getElement()
        .getThemeList()
        .add(
            switch (d.decision().action()) {
              case ACCEPT -> "badge success pill";
              case COUNTER -> "badge pill";
              case CLARIFY -> "badge contrast pill";
              case ESCALATE -> "badge error pill";
            });
    badge.addClassName("omni-deal-action");
    badge.setId("deal-action");
    return badge;
  }

  /** The trace in plain language: what was asked, what was checked, what was not chosen, why. */
  private void showWhy(StoredDecision d) {
    why.removeAll();
    // which decision the panel explains (a browser test waits for the switch before acting)
    why.getElement().setAttribute("data-decision", d == null ? "" : String.valueOf(d.id()));
    if (d == null) {
      why.add(
          new EmptyState(
              VaadinIcon.QUESTION_CIRCLE_O,
              "No decision yet",
              "Each answer of the negotiation desk is explained here, rule by rule."));
      return;
    }
    Trace t = d.decision().trace();
    Div head =
        new Div(
            actionBadge(d), new Span("Decision #" + d.id() + " · " + WHEN.format(d.createdAt())));
    head.addClassName("omni-why-head");
    Div summary = new Div(new Span(t.summary()));
    summary.addClassName("omni-why-summary");
    why.add(head, summary);
    why.add(new H4("What the message asked"), new Span(asked(t.ask())));
    Div rules = new Div();
    rules.addClassName("omni-why-rules");
    for (Trace.Rule r : t.rules()) {
      Icon icon =
          switch (r.outcome()) {
            case "passed" -> VaadinIcon.CHECK_CIRCLE.create();
            case "triggered" -> VaadinIcon.EXCLAMATION_CIRCLE.create();
            case "ignored" -> VaadinIcon.BAN.create();
            default -> VaadinIcon.ARROW_CIRCLE_RIGHT.create();
          };
      icon.addClassName("omni-why-icon-" + r.outcome());
      Span name =
          new Span(r.rule().substring(0, 1).toUpperCase(Locale.ROOT) + r.rule().substring(1));
      name.addClassName("omni-why-rule-name");
      Div row = new Div(icon, new Div(name, new Span(r.detail())));
      row.addClassName("omni-why-rule");
      rules.add(row);
    }
    why.add(new H4("Rules checked"), rules);
    if (!t.alternatives().isEmpty()) {
      Div alternatives = new Div();
      alternatives.addClassName("omni-why-alternatives");
      for (Trace.Alternative a : t.alternatives()) {
        alternatives.add(
            new Div(new Span(a.option()), new Span(" — not chosen: " + a.rejectedBecause())));
      }
      why.add(new H4("Options not taken"), alternatives);
    }
    why.add(new H4("Terms"), new Span(terms(d.decision().terms())));
    String approval =
        d.taskId() == null
            ? "No approval needed."
            : d.approval() == null
                ? "Waiting for approval (task #" + d.taskId() + ")."
                : d.approval() == StoredDecision.Approval.APPROVED
                    ? "Approved by " + d.approvedBy() + "."
                    : "Rejected by " + d.decidedBy() + ".";
    Span foot = new Span("Playbook version " + t.playbookVersion() + " · " + approval);
    foot.addClassName("omni-muted");
    why.add(foot);
    // approve/reject an escalation, replay against a changed playbook
    why.add(
        new DecisionActions(
            d,
            approvals,
            replays,
            user,
            answered -> {
              showWhy(answered);
              refreshTimeline();
            }));
  }

  private static String asked(Ask a) {
    List<String> parts = new ArrayList<>();
    if (a.discountPercent() != null) {
      parts.add(a.discountPercent().stripTrailingZeros().toPlainString() + " % off");
    }
    if (a.moneyOff() != null) {
      parts.add(
          a.moneyOff().toPlainString()
              + " "
              + (a.moneyCurrency() == null ? "" : a.moneyCurrency())
              + " off");
    }
    if (a.termMonths() != null) {
      parts.add(a.termMonths() + "-month contract");
    }
    if (a.paymentTerms() != null) {
      parts.add("payment " + a.paymentTerms());
    }
    if (a.quantity() != null) {
      parts.add(a.quantity() + " units");
    }
    if (!a.claims().isEmpty()) {
      parts.add("claims an approval (\"" + a.claims().get(0) + "\")");
    }
    return parts.isEmpty() ? "Nothing the engine could weigh." : String.join(", ", parts) + ".";
  }

  private static String terms(Terms t) {
    StringBuilder s = new StringBuilder();
    s.append(t.discountPercent().stripTrailingZeros().toPlainString()).append(" % off");
    if (t.termMonths() != null) {
      s.append(", ").append(t.termMonths()).append(" months");
    }
    if (t.paymentTerms() != null) {
      s.append(", payment ").append(t.paymentTerms());
    }
    s.append(" — ").append(DealsView.money(t.total(), t.currency())).append(" in total.");
    return s.toString();
  }

  private void refreshTimeline() {
    timeline.removeAll();
    timeline.addClassName("omni-deal-timeline");
    timeline.setId("deal-timeline");
    for (DealEvent e : deals.timeline(tenant, deal.id())) {
      Span text = new Span(e.text());
      Span when = new Span(WHEN.format(e.at()) + (e.actor() == null ? "" : " · " + e.actor()));
      when.addClassName("omni-muted");
      Div row = new Div(new Div(text, when));
      row.addClassNames("omni-deal-event", "omni-deal-event-" + e.kind());
      if (e.decisionId() != null) {
        Button explain =
            new Button("Why?", ev -> showWhy(negotiations.get(tenant, e.decisionId())));
        explain.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        explain.setId("why-" + e.decisionId());
        row.add(explain);
      }
      timeline.add(row);
    }
  }

  private static Div panel(String title, Component... content) {
    Div panel = new Div(new H3(title));
    panel.add(content);
    panel.addClassName("omni-panel");
    return panel;
  }
}
