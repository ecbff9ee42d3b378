package io.omnireach.ui.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.brand.BrandResolver;
import io.omnireach.common.DomainException;
import io.omnireach.reseller.Reseller;
import io.omnireach.reseller.ResellerDirectory;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantOverview;
import io.omnireach.tenant.TenantOverviews;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.Branding;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tenants in the operator's reach — all of them for the Owner, its own for a Reseller — with plan,
 * seats, status, activity and this month's usage; create, suspend, resume and delete.
 */
@Route(value = "console/tenants", layout = MainLayout.class)
@PageTitle("Tenants")
@RolesAllowed({"Owner", "Reseller"})
public class TenantsView extends Div {

  private final OperatorConsole console;
  private final TenantDirectory directory;
  private final TenantOverviews overviews;
  private final Clock clock;
  private final AuthenticatedUser operator;
  private final Grid<TenantOverview> grid = new Grid<>();
  private final Div cards = new Div();
  private final Div body = new Div();
  private final ResellerDirectory resellers;
  private final BrandResolver brands;
  private Map<Long, String> resellerNames = Map.of();

  @Inject
  public TenantsView(
      OperatorConsole console,
      TenantDirectory directory,
      TenantOverviews overviews,
      ResellerDirectory resellers,
      BrandResolver brands,
      Clock clock) {
    this.resellers = resellers;
    this.brands = brands;
    this.console = console;
    this.directory = directory;
    this.overviews = overviews;
    this.clock = clock;
    this.operator = UiSession.require();
    addClassNames("omni-page", "omni-console");
    boolean owner = operator.has(Role.OWNER);
    H2 title = new H2(owner ? "Platform tenants" : "Your tenants");
    Span sub =
        new Span(
            owner
                ? "Every workspace on this platform, across all resellers."
                : "Workspaces you run for your customers. Only you and the platform owner see"
                    + " them.");
    sub.addClassName("omni-muted");
    Div text = new Div(title, sub);
    Div head = new Div(text);
    head.addClassName("omni-console-head");
    if (!owner) {
      head.add(newTenantButton("new-tenant"));
    }
    cards.addClassName("omni-cards");
    configureGrid();
    add(head, cards, body);
    refresh();
  }

  private Button newTenantButton(String id) {
    Button create = new Button("New tenant", VaadinIcon.PLUS.create(), e -> openWizard());
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId(id);
    return create;
  }

  private void openWizard() {
    new NewTenantWizard(
            console,
            directory,
            operator,
            Branding.of(operator).brand().primaryColor(),
            t -> refresh())
        .open();
  }

  private void configureGrid() {
    grid.setId("tenants-grid");
    grid.addClassName("omni-console-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.addComponentColumn(f -> identity(f.tenant()))
        .setHeader("Tenant")
        .setFlexGrow(3)
        .setAutoWidth(true);
    if (operator.has(Role.OWNER)) {
      grid.addColumn(f -> resellerNames.getOrDefault(f.tenant().resellerId(), "Direct"))
          .setHeader("Reseller")
          .setAutoWidth(true);
    }
    grid.addComponentColumn(f -> planBadge(f.plan())).setHeader("Plan").setAutoWidth(true);
    grid.addColumn(f -> f.seatsUsed()).setHeader("Seats used").setAutoWidth(true);
    grid.addComponentColumn(f -> ConsoleUi.status(f.tenant().status().name()))
        .setHeader("Status")
        .setWidth("140px")
        .setFlexGrow(0);
    grid.addColumn(f -> ConsoleUi.DATE.format(f.tenant().createdAt()))
        .setHeader("Created")
        .setAutoWidth(true);
    grid.addColumn(f -> ConsoleUi.ago(f.lastActivityAt(), clock.instant()))
        .setHeader("Last activity")
        .setAutoWidth(true);
    grid.addComponentColumn(this::usage).setHeader("Usage this month").setAutoWidth(true);
    grid.addComponentColumn(f -> actions(f.tenant())).setWidth("72px").setFlexGrow(0);
    grid.setAllRowsVisible(true);
  }

  /** Logo (the tenant's own, else its reseller's), name and slug. */
  private Component identity(Tenant tenant) {
    Image logo = new Image(Branding.logo(brands.forTenant(tenant.id())), "");
    logo.addClassName("omni-tenant-logo");
    Span name = new Span(tenant.displayName());
    name.addClassName("omni-tenant-name");
    Span slug = new Span("/" + tenant.slug());
    slug.addClassName("omni-muted");
    Div text = new Div(name, slug);
    Div cell = new Div(logo, text);
    cell.addClassName("omni-tenant-cell");
    return cell;
  }

  private static Component planBadge(String plan) {
    String label =
        plan == null
            ? "—"
            : plan.substring(0, 1).toUpperCase(Locale.ROOT)
                + plan.substring(1).toLowerCase(Locale.ROOT);
    Span badge = new Span(label);
    badge.getElement().getThemeList().add("badge contrast pill");
    return badge;
  }

  private Component usage(TenantOverview f) {
    Span messages =
        new Span(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(f.emailsSentThisMonth()));
    Span unit = new Span(" emails sent");
    unit.addClassName("omni-muted");
    Div cell = new Div(messages, unit);
    cell.addClassName("omni-usage-cell");
    return cell;
  }

  private Component actions(Tenant tenant) {
    MenuBar menu = new MenuBar();
    menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
    menu.setId("actions-" + tenant.slug());
    Icon dots = VaadinIcon.ELLIPSIS_DOTS_V.create();
    MenuItem root = menu.addItem(dots);
    root.setAriaLabel("Actions for " + tenant.displayName());
    if (tenant.status() == TenantStatus.SUSPENDED) {
      root.getSubMenu().addItem("Resume", e -> resume(tenant)).setId("resume-" + tenant.slug());
    } else {
      root.getSubMenu()
          .addItem("Suspend…", e -> confirmSuspend(tenant))
          .setId("suspend-" + tenant.slug());
    }
    root.getSubMenu()
        .addItem("Delete…", e -> confirmDelete(tenant))
        .setId("delete-" + tenant.slug());
    return menu;
  }

  private void confirmSuspend(Tenant tenant) {
    new TypeToConfirmDialog(
            "Suspend " + tenant.displayName() + "?",
            "Its users are signed out of new requests and cannot sign in until you resume it."
                + " Nothing is deleted.",
            tenant.slug(),
            "Suspend tenant",
            false,
            () ->
                run(
                    () -> console.suspend(operator, tenant.slug()),
                    tenant.displayName() + " suspended"))
        .open();
  }

  private void resume(Tenant tenant) {
    run(() -> console.resume(operator, tenant.slug()), tenant.displayName() + " is active again");
  }

  private void confirmDelete(Tenant tenant) {
    new TypeToConfirmDialog(
            "Delete " + tenant.displayName() + "?",
            "This erases the workspace: its leads, messages, workflows and members. It cannot be"
                + " undone. The audit trail of the tenant is kept.",
            tenant.slug(),
            "Delete for ever",
            true,
            () ->
                run(
                    () -> console.delete(operator, tenant.slug()),
                    tenant.displayName() + " deleted"))
        .open();
  }

  private void run(Runnable change, String done) {
    try {
      change.run();
      Toasts.success(done);
    } catch (DomainException e) {
      Toasts.error(e.getMessage());
    }
    refresh();
  }

  private void refresh() {
    List<TenantOverview> rows = overviews.list(ConsoleUi.scope(operator));
    if (operator.has(Role.OWNER)) {
      resellerNames =
          resellers.list().stream().collect(Collectors.toMap(Reseller::id, Reseller::name));
    }
    cards.removeAll();
    long active = rows.stream().filter(f -> f.tenant().status() == TenantStatus.ACTIVE).count();
    long suspended =
        rows.stream().filter(f -> f.tenant().status() == TenantStatus.SUSPENDED).count();
    int seats = rows.stream().mapToInt(TenantOverview::seatsUsed).sum();
    long emails = rows.stream().mapToLong(TenantOverview::emailsSentThisMonth).sum();
    cards.add(
        card("tenants", VaadinIcon.BUILDING, "Tenants", rows.size(), active + " active"),
        card(
            "suspended",
            VaadinIcon.PAUSE,
            "Suspended",
            suspended,
            suspended == 0 ? "all running" : "cannot sign in"),
        card("seats", VaadinIcon.USERS, "Seats used", seats, "members across tenants"),
        card("emails", VaadinIcon.ENVELOPE, "Emails this month", emails, "sent by all tenants"));
    body.removeAll();
    if (rows.isEmpty()) {
      EmptyState empty =
          operator.has(Role.OWNER)
              ? new EmptyState(
                  VaadinIcon.BUILDING,
                  "No tenants yet",
                  "Resellers create tenants for their customers; they will show up here.")
              : new EmptyState(
                  VaadinIcon.BUILDING,
                  "Launch your first tenant",
                  "Create a workspace for a customer: pick a plan, give it your brand, and invite"
                      + " its first admin.",
                  newTenantButton("new-tenant-empty"));
      empty.addClassName("omni-empty-inline");
      body.add(empty);
      return;
    }
    grid.setItems(rows);
    Div panel = new Div(new H3("All tenants"), grid);
    panel.addClassName("omni-panel");
    body.add(panel);
  }

  private static Component card(String id, VaadinIcon icon, String label, long value, String hint) {
    Icon glyph = icon.create();
    glyph.addClassName("omni-card-icon");
    Span number = new Span(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value));
    number.addClassName("omni-card-value");
    number.setId("stat-" + id);
    Span title = new Span(label);
    title.addClassName("omni-card-label");
    Span sub = new Span(hint);
    sub.addClassName("omni-card-hint");
    Div card = new Div(glyph, title, number, sub);
    card.addClassName("omni-card");
    return card;
  }
}
