package io.omnireach.ui.deal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Approvals;
import io.omnireach.deal.Deal;
import io.omnireach.deal.DealDraft;
import io.omnireach.deal.DealStage;
import io.omnireach.deal.Deals;
import io.omnireach.deal.Negotiations;
import io.omnireach.deal.Products;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pipeline: a board with a column per stage (drag a card to another column to move the deal;
 * the lead follows for negotiation, won and lost), a list of every deal and the price book. Reps
 * start a deal with "New deal".
 */
@Route(value = "deals", layout = MainLayout.class)
@PageTitle("Deals")
@Requires(Permission.DEALS_READ)
public class DealsView extends Div {

  private final Deals deals;
  private final TenantRef tenant;
  private final AuthenticatedUser user;
  private final Div board = new Div();
  private final Grid<Deal> grid = new Grid<>();
  private final Div content = new Div();
  @Inject TemplatesAndClauses.Services libraryServices;

  @Inject
  public DealsView(
      Deals deals,
      Products products,
      LeadRepository leads,
      Negotiations negotiations,
      Approvals approvals) {
    this.deals = deals;
    this.user = UiSession.require();
    this.tenant = user.tenant().ref();
    addClassNames("omni-page", "omni-deals");
    H2 title = new H2("Deals");
    Paragraph intro =
        new Paragraph(
            UiSession.can(user, io.omnireach.user.Permission.DEALS_WRITE)
                ? "Drag a deal to another stage to move it; negotiation, won and lost move its"
                    + " lead too. Open a deal for its line items, timeline and the negotiation desk."
                : "Every open and closed deal, by stage.");
    intro.addClassName("omni-muted");
    Tab boardTab = new Tab(VaadinIcon.GRID_BIG_O.create(), new Span("Board"));
    Tab listTab = new Tab(VaadinIcon.LIST.create(), new Span("List"));
    boardTab.setId("deals-tab-board");
    listTab.setId("deals-tab-list");
    Tab bookTab = new Tab(VaadinIcon.TAGS.create(), new Span("Price book"));
    bookTab.setId("deals-tab-price-book");
    // deals.configure, as the REST API requires to change products, templates and the playbook
    boolean configure = UiSession.can(user, Permission.DEALS_CONFIGURE);
    PriceBook book = new PriceBook(products, tenant, user.email(), configure);
    book.setVisible(false);
    Tab libraryTab = new Tab(VaadinIcon.FILE_TEXT_O.create(), new Span("Templates & clauses"));
    libraryTab.setId("deals-tab-templates");
    Div library = new Div();
    Tab agentTab = new Tab(VaadinIcon.COG.create(), new Span("Agent"));
    agentTab.setId("deals-tab-agent");
    AgentSettings agent =
        new AgentSettings(negotiations, approvals, tenant, user.email(), configure);
    agent.setVisible(false);
    Tabs tabs = new Tabs(boardTab, listTab, bookTab, libraryTab, agentTab);
    tabs.addSelectedChangeListener(
        e -> {
          board.setVisible(e.getSelectedTab() == boardTab);
          grid.setVisible(e.getSelectedTab() == listTab);
          book.setVisible(e.getSelectedTab() == bookTab);
          library.setVisible(e.getSelectedTab() == libraryTab);
          if (e.getSelectedTab() == libraryTab && library.getChildren().findAny().isEmpty()) {
            // built on first use: the services are injected after the constructor
            library.add(new TemplatesAndClauses(libraryServices, tenant, user.email(), configure));
          }
          agent.setVisible(e.getSelectedTab() == agentTab);
        });
    Div actions = new Div(tabs);
    actions.addClassName("omni-deals-actions");
    if (UiSession.can(user, io.omnireach.user.Permission.DEALS_WRITE)) {
      Button create =
          new Button(
              "New deal",
              VaadinIcon.PLUS.create(),
              e -> new NewDealDialog(deals, products, leads, tenant, user.email(), null).open());
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      create.setId("deal-new");
      actions.add(create);
    }
    Div head = new Div(new Div(title, intro), actions);
    head.addClassName("omni-deals-head");
    board.addClassName("omni-deal-board");
    board.setId("deal-board");
    grid.setId("deal-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.addComponentColumn(d -> new Anchor("deals/" + d.id(), d.title()))
        .setHeader("Deal")
        .setFlexGrow(2);
    grid.addColumn(d -> d.leadName() == null ? "" : d.leadName()).setHeader("Lead").setFlexGrow(1);
    grid.addComponentColumn(d -> stageBadge(d.stage()))
        .setHeader("Stage")
        .setWidth("150px")
        .setFlexGrow(0);
    grid.addColumn(d -> money(d.amount(), d.currency()))
        .setHeader("Amount")
        .setWidth("150px")
        .setFlexGrow(0);
    grid.addColumn(d -> d.closeDate() == null ? "—" : d.closeDate().toString())
        .setHeader("Close")
        .setWidth("130px")
        .setFlexGrow(0);
    grid.addColumn(d -> d.owner() == null ? "" : d.owner()).setHeader("Owner").setFlexGrow(1);
    grid.setAllRowsVisible(true);
    grid.setVisible(false);
    content.add(board, grid, book, library, agent);
    add(head, content);
    refresh();
  }

  private void refresh() {
    List<Deal> all = deals.list(tenant, null, 1000);
    grid.setItems(all);
    board.removeAll();
    if (all.isEmpty()) {
      board.add(
          new EmptyState(
              VaadinIcon.HANDSHAKE,
              "No deals yet",
              "Start one with \"New deal\" from a lead and the price book's products."));
      return;
    }
    for (DealStage stage : DealStage.values()) {
      board.add(column(stage, all.stream().filter(d -> d.stage() == stage).toList()));
    }
  }

  private Component column(DealStage stage, List<Deal> inStage) {
    Span name = new Span(stage.label());
    name.addClassName("omni-deal-column-name");
    Span count = new Span(String.valueOf(inStage.size()));
    count.addClassName("omni-deal-column-count");
    Span total = new Span(totals(inStage));
    total.addClassName("omni-deal-column-total");
    Div head = new Div(new Div(name, count), total);
    head.addClassName("omni-deal-column-head");
    Div cards = new Div();
    cards.addClassName("omni-deal-column-cards");
    inStage.forEach(d -> cards.add(card(d)));
    Div column = new Div(head, cards);
    column.addClassNames("omni-deal-column", "omni-deal-column-" + stage.value());
    column.setId("deal-column-" + stage.value());
    if (UiSession.can(user, io.omnireach.user.Permission.DEALS_WRITE)) {
      DropTarget<Div> target = DropTarget.create(column);
      target.setDropEffect(DropEffect.MOVE);
      target.addDropListener(
          e ->
              e.getDragData()
                  .filter(Deal.class::isInstance)
                  .map(Deal.class::cast)
                  .ifPresent(d -> move(d, stage)));
    }
    return column;
  }

  private Component card(Deal d) {
    Anchor title = new Anchor("deals/" + d.id(), d.title());
    title.addClassName("omni-deal-card-title");
    Span amount = new Span(money(d.amount(), d.currency()));
    amount.addClassName("omni-deal-card-amount");
    Span lead = new Span(d.leadName() == null ? "Lead #" + d.leadId() : d.leadName());
    lead.addClassName("omni-muted");
    Div card = new Div(title, amount, lead);
    card.addClassName("omni-deal-card");
    card.setId("deal-card-" + d.id());
    if (UiSession.can(user, io.omnireach.user.Permission.DEALS_WRITE)) {
      DragSource<Div> source = DragSource.create(card);
      source.setDragData(d);
    }
    return card;
  }

  private void move(Deal d, DealStage stage) {
    if (d.stage() == stage) {
      return;
    }
    try {
      deals.update(tenant, d.id(), DealDraft.read(Map.of("stage", stage.value())), user.email());
      Toasts.success(d.title() + " moved to " + stage.label() + ".");
    } catch (DomainException e) {
      Toasts.error(e.getMessage());
    }
    refresh();
  }

  public static Span stageBadge(DealStage s) {
    Span badge = new Span(s.label());
    badge.getElement().getThemeList().add("badge pill");
    badge.addClassNames("omni-deal-stage", "omni-deal-stage-" + s.value());
    return badge;
  }

  /** Column totals per currency: amounts in different currencies are never added up. */
  private static String totals(List<Deal> inStage) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    inStage.forEach(d -> sums.merge(d.currency(), d.amount(), BigDecimal::add));
    if (sums.isEmpty()) {
      return "—";
    }
    return String.join(
        " · ", sums.entrySet().stream().map(e -> money(e.getValue(), e.getKey())).toList());
  }

  public static String money(BigDecimal amount, String currency) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.ENGLISH);
    f.setMinimumFractionDigits(
        amount.scale() > 0 && amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
    f.setMaximumFractionDigits(2);
    return f.format(amount) + " " + currency;
  }
}
