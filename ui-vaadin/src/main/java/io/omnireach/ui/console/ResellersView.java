package io.omnireach.ui.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
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
import io.omnireach.reseller.ResellerStatus;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.ui.brand.ResellerBrandView;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.ui.shell.Toasts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Owner's resellers: who they are, how many tenants they run, their plan and status. */
@Route(value = "console/resellers", layout = MainLayout.class)
@PageTitle("Resellers")
@RolesAllowed("Owner")
public class ResellersView extends Div {

  static final String DEFAULT_PLAN = "STANDARD";

  private final OperatorConsole console;
  private final ResellerDirectory resellers;
  private final TenantDirectory tenants;
  private final BrandResolver brands;
  private final AuthenticatedUser owner;
  private final Grid<Reseller> grid = new Grid<>();
  private final Div body = new Div();
  private Map<Long, Long> tenantCounts = Map.of();

  @Inject
  public ResellersView(
      OperatorConsole console,
      ResellerDirectory resellers,
      TenantDirectory tenants,
      BrandResolver brands) {
    this.console = console;
    this.resellers = resellers;
    this.tenants = tenants;
    this.brands = brands;
    this.owner = UiSession.require();
    addClassNames("omni-page", "omni-console");
    H2 title = new H2("Resellers");
    Span sub =
        new Span(
            "Partners who run OmniReach under their own brand and open workspaces for their"
                + " customers.");
    sub.addClassName("omni-muted");
    Div head = new Div(new Div(title, sub), newResellerButton("new-reseller"));
    head.addClassName("omni-console-head");
    configureGrid();
    add(head, body);
    refresh();
  }

  private Button newResellerButton(String id) {
    Button create =
        new Button(
            "New reseller",
            VaadinIcon.PLUS.create(),
            e -> new NewResellerDialog(console, owner, plans(), r -> refresh()).open());
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId(id);
    return create;
  }

  private void configureGrid() {
    grid.setId("resellers-grid");
    grid.addClassName("omni-console-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.addComponentColumn(this::identity).setHeader("Reseller").setFlexGrow(3).setAutoWidth(true);
    grid.addComponentColumn(r -> ConsoleUi.status(r.status().name()))
        .setHeader("Status")
        .setWidth("140px")
        .setFlexGrow(0);
    grid.addColumn(r -> tenantCounts.getOrDefault(r.id(), 0L))
        .setHeader("Tenants")
        .setAutoWidth(true);
    grid.addComponentColumn(
            r -> {
              Span plan = new Span(r.wholesalePlan());
              plan.getElement().getThemeList().add("badge contrast pill");
              return plan;
            })
        .setHeader("Wholesale plan")
        .setAutoWidth(true);
    grid.addColumn(r -> ConsoleUi.DATE.format(r.createdAt()))
        .setHeader("Created")
        .setAutoWidth(true);
    grid.addComponentColumn(this::actions).setWidth("72px").setFlexGrow(0);
    grid.setAllRowsVisible(true);
  }

  private Component identity(Reseller reseller) {
    var brand = brands.forReseller(reseller.id()).brand();
    Span initials = new Span(initials(reseller.name()));
    initials.addClassName("omni-initials");
    initials.getStyle().set("--omni-swatch", brand.primaryColor());
    Span name = new Span(reseller.name());
    name.addClassName("omni-tenant-name");
    Span product = new Span("/" + reseller.slug() + " · sells as " + brand.productName());
    product.addClassName("omni-muted");
    Div cell = new Div(initials, new Div(name, product));
    cell.addClassName("omni-tenant-cell");
    return cell;
  }

  static String initials(String name) {
    String[] words = name.trim().split("\\s+");
    String first = words[0].isEmpty() ? "?" : words[0].substring(0, 1);
    String second = words.length > 1 ? words[1].substring(0, 1) : "";
    return (first + second).toUpperCase(java.util.Locale.ROOT);
  }

  private Component actions(Reseller reseller) {
    MenuBar menu = new MenuBar();
    menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
    menu.setId("actions-" + reseller.slug());
    MenuItem root = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
    root.setAriaLabel("Actions for " + reseller.name());
    root.getSubMenu()
        .addItem(
            "Edit brand",
            e ->
                getUI()
                    .ifPresent(
                        ui ->
                            ui.navigate(
                                ResellerBrandView.class,
                                new com.vaadin.flow.router.RouteParameters(
                                    "resellerId", Long.toString(reseller.id())))))
        .setId("brand-" + reseller.slug());
    root.getSubMenu()
        .addItem("Change plan…", e -> changePlan(reseller))
        .setId("plan-" + reseller.slug());
    if (reseller.status() == ResellerStatus.SUSPENDED) {
      root.getSubMenu()
          .addItem(
              "Resume",
              e ->
                  run(
                      () -> console.resumeReseller(owner, reseller.id()),
                      reseller.name() + " is active again"))
          .setId("resume-" + reseller.slug());
    } else {
      root.getSubMenu()
          .addItem("Suspend…", e -> confirmSuspend(reseller))
          .setId("suspend-" + reseller.slug());
    }
    return menu;
  }

  private void confirmSuspend(Reseller reseller) {
    new TypeToConfirmDialog(
            "Suspend " + reseller.name() + "?",
            "The reseller's users and every user of its "
                + tenantCounts.getOrDefault(reseller.id(), 0L)
                + " tenants can no longer sign in until you resume it. Nothing is deleted.",
            reseller.slug(),
            "Suspend reseller",
            true,
            () ->
                run(
                    () -> console.suspendReseller(owner, reseller.id()),
                    reseller.name() + " suspended"))
        .open();
  }

  private void changePlan(Reseller reseller) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Wholesale plan of " + reseller.name());
    ComboBox<String> plan = planField(plans());
    plan.setValue(reseller.wholesalePlan());
    Div box = new Div(plan);
    box.addClassName("omni-dialog-body");
    dialog.add(box);
    Button save =
        new Button(
            "Save",
            e -> {
              try {
                console.changeWholesalePlan(owner, reseller.id(), plan.getValue());
                dialog.close();
                Toasts.success("Plan of " + reseller.name() + " changed");
                refresh();
              } catch (DomainException ex) {
                plan.setInvalid(true);
                plan.setErrorMessage(ex.getMessage());
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  /** Plan codes in use, STANDARD first among them; new codes can be typed. */
  private List<String> plans() {
    TreeSet<String> codes = new TreeSet<>();
    codes.add(DEFAULT_PLAN);
    resellers.list().forEach(r -> codes.add(r.wholesalePlan()));
    return List.copyOf(codes);
  }

  static ComboBox<String> planField(List<String> plans) {
    ComboBox<String> plan = new ComboBox<>("Wholesale plan");
    plan.setId("wholesale-plan");
    plan.setItems(plans);
    plan.setAllowCustomValue(true);
    plan.addCustomValueSetListener(
        e -> plan.setValue(e.getDetail().trim().toUpperCase(java.util.Locale.ROOT)));
    plan.setHelperText("A plan code from your price list, e.g. STANDARD.");
    plan.setWidthFull();
    return plan;
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
    List<Reseller> all = resellers.list();
    tenantCounts =
        tenants.list(null).stream()
            .map(Tenant::resellerId)
            .filter(Objects::nonNull)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    body.removeAll();
    if (all.isEmpty()) {
      EmptyState empty =
          new EmptyState(
              VaadinIcon.HANDSHAKE,
              "No resellers yet",
              "A reseller runs this platform under its own brand and opens workspaces for its"
                  + " customers. Create the first one and give its team an account.",
              newResellerButton("new-reseller-empty"));
      empty.addClassName("omni-empty-inline");
      body.add(empty);
      return;
    }
    grid.setItems(all);
    Div panel = new Div(new H3("All resellers"), grid);
    panel.addClassName("omni-panel");
    body.add(panel);
  }
}
