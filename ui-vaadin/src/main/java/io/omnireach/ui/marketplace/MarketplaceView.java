package io.omnireach.ui.marketplace;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.marketplace.CatalogueEntry;
import io.omnireach.marketplace.InstallResult;
import io.omnireach.marketplace.Marketplace;
import io.omnireach.marketplace.Preview;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;
import java.util.List;
import java.util.TreeSet;

/**
 * The marketplace: search and filter the catalogue (built-in blocks, the workspace's published
 * blocks, remote registries), open a block's page, install, update, uninstall and rate; import a
 * block file. Viewers browse; Admin and Sales install.
 */
@Route(value = "marketplace", layout = MainLayout.class)
@PageTitle("Marketplace")
@Requires(Permission.MARKETPLACE_READ)
public class MarketplaceView extends Div {

  private static final int IMPORT_MAX_BYTES = 2 * 1024 * 1024;
  private static final List<String> KINDS = List.of("", "workflow", "persona", "policy_set");

  private final Marketplace marketplace;
  private final AuthenticatedUser user;
  private final boolean canWrite;
  private final TextField search = new TextField();
  private final Select<String> kind = new Select<>();
  private final Select<String> tag = new Select<>();
  private final Span summary = new Span();
  private final Div grid = new Div();

  @Inject
  public MarketplaceView(Marketplace marketplace) {
    this.marketplace = marketplace;
    this.user = UiSession.require();
    this.canWrite = UiSession.can(user, Permission.MARKETPLACE_INSTALL);
    addClassNames("omni-page", "omni-marketplace");
    if (user.tenant() == null) {
      add(
          new EmptyState(
              VaadinIcon.PUZZLE_PIECE,
              "No workspace selected",
              "Sign in with a tenant to browse its marketplace."));
      return;
    }
    add(hero(), filters(), grid);
    grid.addClassName("omni-block-grid");
    grid.setId("block-grid");
    refreshTags();
    updateList();
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private Div hero() {
    H2 title = new H2("Marketplace");
    Span lead =
        new Span(
            "Ready-made workflows, personas and policy sets. Every block is signed and checked before it touches your workspace.");
    lead.addClassName("omni-muted");
    Div text = new Div(title, lead);
    Div hero = new Div(text);
    hero.addClassName("omni-market-hero");
    if (canWrite) {
      hero.add(importUpload());
    }
    return hero;
  }

  private Div filters() {
    search.setPlaceholder("Search blocks, authors, tags…");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setId("market-search");
    search.addValueChangeListener(e -> updateList());
    kind.setItems(KINDS);
    kind.setValue("");
    kind.setItemLabelGenerator(k -> k.isEmpty() ? "All kinds" : BlockCard.kindLabel(k) + "s");
    kind.setId("market-kind");
    kind.addValueChangeListener(e -> updateList());
    tag.setId("market-tag");
    tag.setItemLabelGenerator(t -> t.isEmpty() ? "All tags" : "#" + t);
    tag.addValueChangeListener(e -> updateList());
    summary.addClassName("omni-muted");
    Div bar = new Div(search, kind, tag, summary);
    bar.addClassName("omni-market-filters");
    return bar;
  }

  private void refreshTags() {
    TreeSet<String> tags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    marketplace.catalogue(tenant(), null, null, null).forEach(e -> tags.addAll(e.tags()));
    List<String> items = new java.util.ArrayList<>(List.of(""));
    items.addAll(tags);
    tag.setItems(items);
    tag.setValue("");
  }

  private void updateList() {
    List<CatalogueEntry> entries =
        marketplace.catalogue(tenant(), search.getValue(), kind.getValue(), tag.getValue());
    grid.removeAll();
    summary.setText(entries.size() + (entries.size() == 1 ? " block" : " blocks"));
    if (entries.isEmpty()) {
      grid.add(
          new EmptyState(
              VaadinIcon.SEARCH, "No blocks match", "Try another word, or clear the filters."));
      return;
    }
    for (CatalogueEntry e : entries) {
      grid.add(new BlockCard(e, () -> open(e.id())));
    }
  }

  private void open(String id) {
    try {
      new BlockDialog(marketplace.detail(tenant(), id), canWrite, actions(), this::done).open();
    } catch (DomainException ex) {
      toast(ex.getMessage(), true);
    }
  }

  private BlockDialog.Actions actions() {
    return new BlockDialog.Actions() {
      @Override
      public Preview plan(String id) {
        return marketplace.planInstall(tenant(), id, null);
      }

      @Override
      public String install(String id) {
        return "Installed: " + created(marketplace.install(tenant(), id, null, user.email()));
      }

      @Override
      public String update(String id) {
        return "Updated: " + created(marketplace.update(tenant(), id, user.email()));
      }

      @Override
      public String uninstall(String id) {
        marketplace.uninstall(tenant(), id, user.email());
        return "Uninstalled.";
      }

      @Override
      public void rate(String id, int stars, String text) {
        marketplace.rate(tenant(), id, stars, text, user.email());
      }
    };
  }

  private static String created(InstallResult r) {
    return String.join(
        ", ", r.created().stream().map(c -> c.type() + " “" + c.name() + "”").toList());
  }

  private void done(String message) {
    toast(message, false);
    updateList();
  }

  /** "Import block": a block file, checked and planned, then installed after a confirmation. */
  private Upload importUpload() {
    UI ui = UI.getCurrent();
    Upload upload = new Upload();
    upload.setUploadHandler(
        UploadHandler.inMemory(
            (metadata, bytes) ->
                ui.access(
                    () -> {
                      confirmImport(bytes);
                      upload.clearFileList();
                    })));
    upload.setId("market-import");
    upload.addClassName("omni-market-import");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(IMPORT_MAX_BYTES);
    upload.setAcceptedFileTypes("application/json", ".json");
    upload.setDropAllowed(false);
    upload.setUploadButton(new Button("Import block", VaadinIcon.UPLOAD.create()));
    upload.addFileRejectedListener(e -> toast(e.getErrorMessage(), true));
    return upload;
  }

  private void confirmImport(byte[] bytes) {
    Preview p;
    try {
      p = marketplace.preview(tenant(), bytes, false);
    } catch (DomainException ex) {
      toast("Not imported: " + ex.getMessage(), true);
      return;
    }
    com.vaadin.flow.component.confirmdialog.ConfirmDialog dialog =
        new com.vaadin.flow.component.confirmdialog.ConfirmDialog();
    dialog.setHeader("Import “" + p.manifest().name() + "” " + p.manifest().version() + "?");
    String needs =
        p.plan().needs().isEmpty() ? "" : " Needs: " + String.join("; ", p.plan().needs()) + ".";
    dialog.setText(
        "Publisher: "
            + p.publisher()
            + ". It creates "
            + String.join("; ", p.plan().creates())
            + "."
            + needs);
    dialog.setCancelable(true);
    dialog.setConfirmText("Import");
    dialog.addConfirmListener(
        e -> {
          try {
            done(
                "Imported: "
                    + created(marketplace.importFile(tenant(), bytes, false, user.email())));
          } catch (DomainException ex) {
            toast("Not imported: " + ex.getMessage(), true);
          }
        });
    dialog.open();
  }

  private static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
