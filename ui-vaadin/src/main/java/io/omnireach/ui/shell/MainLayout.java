package io.omnireach.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.shared.Registration;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.brand.Brand;
import io.omnireach.brand.EffectiveBrand;
import io.omnireach.tenant.Tenant;
import io.omnireach.ui.account.AccountsView;
import io.omnireach.ui.analytics.AnalyticsView;
import io.omnireach.ui.audit.AuditView;
import io.omnireach.ui.billing.BillingView;
import io.omnireach.ui.billing.PaymentBanner;
import io.omnireach.ui.billing.PaymentNotices;
import io.omnireach.ui.dashboard.DashboardView;
import io.omnireach.ui.knowledge.KnowledgeView;
import io.omnireach.ui.lead.LeadsView;
import io.omnireach.ui.marketplace.MarketplaceView;
import io.omnireach.ui.persona.PersonasView;
import io.omnireach.ui.policy.PoliciesView;
import io.omnireach.ui.run.RunsView;
import io.omnireach.ui.sections.InboxView;
import io.omnireach.ui.security.AccessControl;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.settings.SettingsView;
import io.omnireach.ui.task.TasksChangedEvent;
import io.omnireach.ui.task.TasksView;
import io.omnireach.ui.workflow.WorkflowsView;
import io.omnireach.user.Role;
import io.omnireach.workflow.engine.Tasks;
import jakarta.inject.Inject;
import java.util.stream.Collectors;

/** The shell around every signed-in view: tenant-branded header, side navigation, user menu. */
public class MainLayout extends AppLayout implements AfterNavigationObserver {

  private final Span viewTitle = new Span();
  private final Span taskCount = new Span();
  private final Tasks tasks;
  private final AuthenticatedUser user;
  private final Div drawer;
  private EffectiveBrand brand;
  private Registration tasksChanged;
  private Registration brandChanged;

  @Inject
  public MainLayout(Tasks tasks, PaymentNotices payments) {
    this.tasks = tasks;
    this.user = UiSession.require();
    Tenant tenant = user.tenant();
    brand = Branding.of(user);
    Branding.applyToPage(UI.getCurrent(), brand);
    setPrimarySection(Section.DRAWER);
    addClassName("omni-shell");
    drawer = new Div(brand(tenant), navigation(), footer());
    drawer.addClassName("omni-drawer");
    addToDrawer(drawer);
    addToNavbar(true, header(user));
    PaymentBanner.addTo(this, payments, user); // an unpaid invoice (dunning): Admin and Finance
  }

  private Div brand(Tenant tenant) {
    Image logo = new Image(Branding.logo(brand), "");
    logo.addClassName("omni-brand-logo");
    String productName = brand.brand().productName();
    Span name = new Span(tenant == null ? productName : tenant.displayName());
    name.addClassName("omni-brand-name");
    // an operator sees which console this is; a tenant the product it runs on ("Powered by" is
    // in the drawer footer, where the brand's plan allows it)
    String sub =
        tenant == null
            ? user.has(Role.OWNER) ? "Platform console" : "Reseller console"
            : productName;
    Span product = new Span(sub);
    product.addClassName("omni-brand-sub");
    product.setId("brand-sub");
    Div text = new Div(name, product);
    Div brand = new Div(logo, text);
    brand.addClassName("omni-brand");
    return brand;
  }

  private SideNav navigation() {
    SideNav nav = new SideNav();
    nav.addClassName("omni-nav");
    if (user.tenant() == null) {
      OperatorNavigation.addTo(nav, user);
      return nav;
    }
    // an item shows only when its view's permission is held (Finance: billing only)
    addAllowed(
        nav,
        DashboardView.class,
        () -> item("Dashboard", DashboardView.class, VaadinIcon.DASHBOARD));
    addAllowed(nav, LeadsView.class, () -> item("Leads", LeadsView.class, VaadinIcon.USERS));
    addAllowed(
        nav, AccountsView.class, () -> item("Accounts", AccountsView.class, VaadinIcon.BUILDING));
    addAllowed(nav, io.omnireach.ui.deal.DealsView.class, MainLayout::dealsItem);
    addAllowed(
        nav, PersonasView.class, () -> item("Personas", PersonasView.class, VaadinIcon.USER_CARD));
    addAllowed(
        nav, KnowledgeView.class, () -> item("Knowledge", KnowledgeView.class, VaadinIcon.BOOK));
    addAllowed(
        nav, PoliciesView.class, () -> item("Policies", PoliciesView.class, VaadinIcon.SHIELD));
    addAllowed(
        nav, WorkflowsView.class, () -> item("Workflows", WorkflowsView.class, VaadinIcon.CONNECT));
    addAllowed(nav, RunsView.class, () -> item("Runs", RunsView.class, VaadinIcon.PLAY_CIRCLE_O));
    addAllowed(nav, TasksView.class, this::tasksItem);
    addAllowed(nav, InboxView.class, () -> item("Inbox", InboxView.class, VaadinIcon.INBOX));
    addAllowed(
        nav, AnalyticsView.class, () -> item("Analytics", AnalyticsView.class, VaadinIcon.CHART));
    addAllowed(
        nav,
        MarketplaceView.class,
        () -> item("Marketplace", MarketplaceView.class, VaadinIcon.PUZZLE_PIECE));
    addAllowed(nav, BillingView.class, MainLayout::billingItem);
    addAllowed(nav, SettingsView.class, () -> item("Settings", SettingsView.class, VaadinIcon.COG));
    addAllowed(nav, AuditView.class, MainLayout::auditItem);
    return nav;
  }

  private void addAllowed(
      SideNav nav, Class<?> view, java.util.function.Supplier<SideNavItem> item) {
    if (AccessControl.isAllowed(view, user)) {
      nav.addItem(item.get());
    }
  }

  private static SideNavItem item(
      String label, Class<? extends com.vaadin.flow.component.Component> view, VaadinIcon icon) {
    return new SideNavItem(label, view, icon.create());
  }

  private static SideNavItem auditItem() {
    SideNavItem audit =
        new SideNavItem("Audit log", AuditView.class, VaadinIcon.FILE_TEXT_O.create());
    audit.setId("nav-audit");
    return audit;
  }

  private static SideNavItem dealsItem() {
    SideNavItem item =
        new SideNavItem(
            "Deals", io.omnireach.ui.deal.DealsView.class, VaadinIcon.HANDSHAKE.create());
    item.setId("nav-deals");
    return item;
  }

  private static SideNavItem billingItem() {
    SideNavItem item = new SideNavItem("Billing", BillingView.class, VaadinIcon.INVOICE.create());
    item.setId("nav-billing");
    return item;
  }

  /** "Tasks" with the number of the user's open tasks as a badge (hidden at zero). */
  private SideNavItem tasksItem() {
    SideNavItem item =
        new SideNavItem("Tasks", TasksView.class, VaadinIcon.CHECK_SQUARE_O.create());
    item.setId("nav-tasks");
    taskCount.setId("nav-tasks-count");
    taskCount.getElement().getThemeList().add("badge pill small primary");
    item.setSuffixComponent(taskCount);
    updateTaskCount();
    return item;
  }

  private void updateTaskCount() {
    if (user.tenant() == null || !AccessControl.isAllowed(TasksView.class, user)) {
      taskCount.setVisible(false);
      return;
    }
    int n = TasksView.openCount(tasks, user);
    taskCount.setText(n >= 100 ? "99+" : Integer.toString(n));
    taskCount.setVisible(n > 0);
    taskCount.getElement().setAttribute("aria-label", n + " open tasks");
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    tasksChanged = TasksChangedEvent.listen(event.getUI(), this::updateTaskCount);
    brandChanged = BrandChangedEvent.listen(event.getUI(), this::showNewBrand);
  }

  /** After a brand editor saved: colours, favicon, logo, names and footer from the new brand. */
  private void showNewBrand() {
    brand = Branding.of(user);
    Branding.applyToPage(UI.getCurrent(), brand);
    drawer.replace(drawer.getComponentAt(0), brand(user.tenant()));
    drawer.replace(drawer.getComponentAt(drawer.getComponentCount() - 1), footer());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    super.onDetach(event);
    if (tasksChanged != null) {
      tasksChanged.remove();
      tasksChanged = null;
    }
    if (brandChanged != null) {
      brandChanged.remove();
      brandChanged = null;
    }
  }

  private Div footer() {
    Div footer = new Div();
    footer.addClassName("omni-drawer-footer");
    String support = brand.brand().supportEmail();
    if (support != null) {
      footer.add(new Anchor("mailto:" + support, "Help: " + support));
    } else if (brand.brand().supportUrl() != null) {
      Anchor help = new Anchor(brand.brand().supportUrl(), "Help center");
      help.setTarget("_blank");
      footer.add(help);
    }
    // "Powered by" under a white-labelled product only; plain OmniReach needs no such line
    if (brand.showPoweredBy()
        && !Brand.PLATFORM_DEFAULT.productName().equals(brand.brand().productName())) {
      Span powered = new Span("Powered by OmniReach");
      powered.setId("powered-by-omnireach");
      footer.add(powered);
    }
    return footer;
  }

  private HorizontalLayout header(AuthenticatedUser user) {
    DrawerToggle toggle = new DrawerToggle();
    viewTitle.addClassName("omni-view-title");

    Button theme = new Button(VaadinIcon.ADJUST.create(), e -> toggleDarkMode());
    theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
    theme.setAriaLabel("Toggle dark mode");
    theme.setTooltipText("Light / dark");
    theme.setId("theme-toggle");

    Avatar avatar = new Avatar(user.displayName());
    avatar.setColorIndex((int) (user.userId() % 7));
    MenuBar menu = new MenuBar();
    menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
    menu.setId("user-menu");
    MenuItem item = menu.addItem(avatar);
    Div who = new Div(new Span(user.displayName()), new Span(user.email()), new Span(roles(user)));
    who.addClassName("omni-user-card");
    item.getSubMenu().addItem(who).setEnabled(false);
    item.getSubMenu().addItem("Sign out", e -> UiSession.signOut()).setId("sign-out");

    HorizontalLayout header = new HorizontalLayout(toggle, viewTitle, theme, menu);
    header.setWidthFull();
    header.setAlignItems(FlexComponent.Alignment.CENTER);
    header.expand(viewTitle);
    header.addClassName("omni-header");
    return header;
  }

  private static String roles(AuthenticatedUser user) {
    return user.roles().stream().map(Role::label).sorted().collect(Collectors.joining(", "));
  }

  /**
   * Flips the colour scheme on the page itself: after a reload the page may already be dark (from
   * localStorage, see AppShell) without the server knowing, so the client's state decides.
   */
  private void toggleDarkMode() {
    UI.getCurrent()
        .getPage()
        .executeJs(
            "const dark = document.documentElement.getAttribute('theme') !== 'dark';"
                + "localStorage.setItem('omnireach-theme', dark ? 'dark' : 'light');"
                + "document.documentElement.setAttribute('theme', dark ? 'dark' : '');");
  }

  @Override
  public void afterNavigation(AfterNavigationEvent event) {
    PageTitle title = getContent().getClass().getAnnotation(PageTitle.class);
    viewTitle.setText(title == null ? "" : title.value());
    if (getContent() instanceof HasDynamicTitle dynamic) {
      viewTitle.setText(dynamic.getPageTitle());
    }
    Branding.title(UI.getCurrent(), viewTitle.getText(), brand);
    updateTaskCount();
  }
}
