package io.omnireach.ui.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.marketplace.Marketplace;
import io.omnireach.reseller.Reseller;
import io.omnireach.reseller.ResellerDirectory;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Blocks a reseller publishes for its tenants: every tenant of the reseller finds them in its
 * marketplace (source "reseller"). A Reseller manages its own (console/blocks); the Owner any
 * reseller's (console/blocks/{id}).
 */
@Route(value = "console/blocks/:resellerId?", layout = MainLayout.class)
@PageTitle("Blocks for your tenants")
@RolesAllowed({"Owner", "Reseller"})
public class ResellerBlocksView extends Div implements BeforeEnterObserver {

  private final Marketplace marketplace;
  private final ResellerDirectory resellers;
  private final AuthenticatedUser user;
  private final Grid<Marketplace.ResellerBlock> grid = new Grid<>();
  private final Div body = new Div();
  private Reseller reseller;

  @Inject
  public ResellerBlocksView(Marketplace marketplace, ResellerDirectory resellers) {
    this.marketplace = marketplace;
    this.resellers = resellers;
    this.user = UiSession.require();
    addClassNames("omni-page", "omni-console", "omni-sources");
    configureGrid();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    Long id =
        user.has(Role.OWNER)
            ? event.getRouteParameters().get("resellerId").map(Long::valueOf).orElse(null)
            : user.resellerId();
    if (id == null) {
      add(
          new EmptyState(
              VaadinIcon.PACKAGE,
              "Choose a reseller",
              "Open console/blocks/{id} for the reseller whose blocks you manage."));
      return;
    }
    try {
      reseller = resellers.require(id);
    } catch (DomainException e) {
      add(new EmptyState(VaadinIcon.PACKAGE, "No such reseller", e.getMessage()));
      return;
    }
    H2 title = new H2("Blocks for your tenants");
    Span sub =
        new Span(
            "Workflows, personas and policy sets you publish here appear in the marketplace of"
                + " every workspace "
                + reseller.name()
                + " runs, marked as from your team. Other resellers' workspaces never see them.");
    sub.addClassName("omni-muted");
    Button publish = new Button("Publish block", VaadinIcon.UPLOAD.create(), e -> publish());
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    publish.setId("publish-reseller-block");
    Div head = new Div(new Div(title, sub), publish);
    head.addClassName("omni-console-head");
    add(head, body);
    refresh();
  }

  private void configureGrid() {
    grid.setId("reseller-blocks-grid");
    grid.addClassName("omni-console-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    // fixed base widths that fit the panel at 1280 px; long texts end in an ellipsis instead of
    // pushing the grid wider than its panel
    grid.addComponentColumn(this::identity).setHeader("Block").setWidth("300px").setFlexGrow(3);
    grid.addComponentColumn(
            b -> {
              Span kind = new Span(kindLabel(b.kind()));
              kind.getElement().getThemeList().add("badge contrast pill");
              return kind;
            })
        .setHeader("Kind")
        .setAutoWidth(true);
    grid.addComponentColumn(
            b -> {
              Span v = new Span(b.version());
              v.addClassName("omni-code");
              Span all = new Span(b.versions().size() + " versions");
              all.addClassName("omni-muted");
              Div cell = new Div(v, b.versions().size() > 1 ? all : new Span());
              cell.addClassName("omni-usage-cell");
              return cell;
            })
        .setHeader("Version")
        .setAutoWidth(true);
    grid.addComponentColumn(
            b -> {
              Span key = new Span(b.keyId() == null ? "unsigned" : "signed · key " + b.keyId());
              key.addClassName("omni-muted");
              return key;
            })
        .setHeader("Signature")
        .setAutoWidth(true);
    grid.addColumn(
            b ->
                ConsoleUi.DATE.format(b.publishedAt())
                    + (b.publishedBy() == null ? "" : " · " + b.publishedBy()))
        .setHeader("Published")
        .setWidth("200px")
        .setFlexGrow(1);
    grid.setAllRowsVisible(true);
  }

  private Component identity(Marketplace.ResellerBlock b) {
    Span initials = new Span(ResellersView.initials(b.name()));
    initials.addClassName("omni-initials");
    Span name = new Span(b.name());
    name.addClassName("omni-tenant-name");
    Span id = new Span(b.id() + (b.description() == null ? "" : " · " + b.description()));
    id.addClassNames("omni-muted", "omni-sources-url");
    Div cell = new Div(initials, new Div(name, id));
    cell.addClassName("omni-tenant-cell");
    return cell;
  }

  private static String kindLabel(String kind) {
    String s = kind.replace('_', ' ');
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private void publish() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Publish a block for your tenants");
    Span hint =
        new Span(
            "Paste a signed block file (omnireach-cli blocks pack, then blocks sign). A new"
                + " version of a block you published shows as an update where it is installed.");
    hint.addClassNames("omni-muted", "omni-sources-hint");
    TextArea file = new TextArea("Block file");
    file.setId("reseller-block-file");
    file.setPlaceholder("{\"format\":\"omnireach-block/1\", …}");
    file.setWidthFull();
    file.setMinHeight("220px");
    file.setMaxHeight("360px");
    Div box = new Div(hint, file);
    box.addClassName("omni-dialog-body");
    dialog.add(box);
    Button save =
        new Button(
            "Publish",
            e -> {
              try {
                Marketplace.ResellerBlock b =
                    marketplace.publishForReseller(
                        reseller.id(),
                        file.getValue().getBytes(StandardCharsets.UTF_8),
                        user.email());
                dialog.close();
                Toasts.success(b.name() + " " + b.version() + " published for your tenants");
                refresh();
              } catch (DomainException ex) {
                file.setInvalid(true);
                file.setErrorMessage(ex.getMessage());
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("save-reseller-block");
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.setWidth("640px");
    dialog.open();
  }

  private void refresh() {
    List<Marketplace.ResellerBlock> blocks = marketplace.resellerBlocks(reseller.id());
    body.removeAll();
    if (blocks.isEmpty()) {
      EmptyState empty =
          new EmptyState(
              VaadinIcon.PACKAGE,
              "Nothing published yet",
              "Share your best workflows, personas and policy sets with every workspace you run:"
                  + " publish a signed block and your tenants install it from their marketplace.");
      empty.addClassName("omni-empty-inline");
      body.add(empty);
      return;
    }
    grid.setItems(blocks);
    Div panel = new Div(new H3("Published blocks"), grid);
    panel.addClassName("omni-panel");
    body.add(panel);
  }
}
