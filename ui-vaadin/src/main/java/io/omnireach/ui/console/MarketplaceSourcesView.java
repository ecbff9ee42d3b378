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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.marketplace.PublisherKeyring;
import io.omnireach.marketplace.Registries;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.ui.shell.Toasts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * The Owner's marketplace sources: remote block registries every workspace's marketplace lists
 * (with how their last fetch went) and the publisher keys trusted for every workspace (with their
 * fingerprints).
 */
@Route(value = "console/marketplace", layout = MainLayout.class)
@PageTitle("Marketplace sources")
@RolesAllowed("Owner")
public class MarketplaceSourcesView extends Div {

  private final Registries registries;
  private final PublisherKeyring keys;
  private final Clock clock;
  private final AuthenticatedUser owner;
  private final Grid<Registries.Registry> registryGrid = new Grid<>();
  private final Grid<PublisherKeyring.PlatformKey> keyGrid = new Grid<>();

  @Inject
  public MarketplaceSourcesView(Registries registries, PublisherKeyring keys, Clock clock) {
    this.registries = registries;
    this.keys = keys;
    this.clock = clock;
    this.owner = UiSession.require();
    addClassNames("omni-page", "omni-console", "omni-sources");
    H2 title = new H2("Marketplace sources");
    Span sub =
        new Span(
            "Remote registries add their blocks to every workspace's marketplace; blocks signed"
                + " with a trusted key show as from a verified publisher.");
    sub.addClassName("omni-muted");
    Div head = new Div(new Div(title, sub));
    head.addClassName("omni-console-head");
    add(head, registriesPanel(), keysPanel());
    refresh();
  }

  // ---- registries ---------------------------------------------------------------------------

  private Component registriesPanel() {
    registryGrid.setId("registries-grid");
    registryGrid.addClassName("omni-console-grid");
    registryGrid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    registryGrid
        .addComponentColumn(this::registryIdentity)
        .setHeader("Registry")
        .setFlexGrow(3)
        .setAutoWidth(true);
    registryGrid
        .addColumn(r -> r.index() == null ? 0 : r.index().blocks().size())
        .setHeader("Blocks")
        .setAutoWidth(true);
    registryGrid
        .addComponentColumn(this::fetchStatus)
        .setHeader("Last fetch")
        .setFlexGrow(2)
        .setAutoWidth(true);
    registryGrid.addComponentColumn(this::registryActions).setAutoWidth(true).setFlexGrow(0);
    registryGrid.setAllRowsVisible(true);
    Button add = new Button("Add registry", VaadinIcon.PLUS.create(), e -> addRegistry());
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.setId("add-registry");
    Div top = new Div(new H3("Remote registries"), add);
    top.addClassName("omni-sources-top");
    Span hint =
        new Span(
            "A static index (index.json or index.yaml) over HTTPS, e.g. another OmniReach's"
                + " /registry/index.yaml. Indexes are fetched again after 10 minutes.");
    hint.addClassNames("omni-muted", "omni-sources-hint");
    Div panel = new Div(top, hint, registryGrid);
    panel.addClassName("omni-panel");
    return panel;
  }

  private Component registryIdentity(Registries.Registry r) {
    Span initials = new Span(ResellersView.initials(r.name()));
    initials.addClassName("omni-initials");
    Span name = new Span(r.name());
    name.addClassName("omni-tenant-name");
    Span url = new Span(r.url());
    url.addClassNames("omni-muted", "omni-sources-url");
    Div cell = new Div(initials, new Div(name, url));
    cell.addClassName("omni-tenant-cell");
    return cell;
  }

  private Component fetchStatus(Registries.Registry r) {
    Span pill;
    if (r.lastError() != null) {
      pill = ConsoleUi.status("failing");
      pill.addClassName("omni-status-failing");
    } else if (r.fetchedAt() == null) {
      pill = ConsoleUi.status("pending");
    } else {
      pill = ConsoleUi.status("ok");
      pill.addClassName("omni-status-active");
    }
    String when =
        r.fetchedAt() == null
            ? "Never fetched"
            : "Fetched " + ConsoleUi.ago(r.fetchedAt(), clock.instant()).toLowerCase();
    Span detail = new Span(r.lastError() != null ? r.lastError() : when);
    detail.addClassNames("omni-muted", "omni-sources-fetch");
    detail.getElement().setAttribute("title", r.lastError() != null ? r.lastError() : when);
    Div cell = new Div(pill, detail);
    cell.addClassName("omni-sources-status");
    cell.setId("fetch-" + r.id());
    return cell;
  }

  private Component registryActions(Registries.Registry r) {
    Button refresh =
        new Button(
            VaadinIcon.REFRESH.create(),
            e ->
                run(
                    () -> {
                      Registries.Registry again = registries.refresh(r.id());
                      if (again.lastError() != null) {
                        throw DomainException.invalid("url", again.lastError());
                      }
                    },
                    r.name() + " fetched"));
    refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    refresh.setAriaLabel("Fetch " + r.name() + " now");
    refresh.setId("refresh-registry-" + r.id());
    Button remove =
        new Button(
            VaadinIcon.TRASH.create(),
            e ->
                new TypeToConfirmDialog(
                        "Remove " + r.name() + "?",
                        "Its blocks leave every workspace's marketplace. Blocks already installed"
                            + " stay installed.",
                        r.name(),
                        "Remove registry",
                        true,
                        () -> run(() -> registries.remove(r.id()), r.name() + " removed"))
                    .open());
    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
    remove.setAriaLabel("Remove " + r.name());
    remove.setId("remove-registry-" + r.id());
    Div actions = new Div(refresh, remove);
    actions.addClassName("omni-sources-actions");
    return actions;
  }

  private void addRegistry() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Add a registry");
    TextField name = new TextField("Name");
    name.setId("registry-name");
    name.setWidthFull();
    TextField url = new TextField("Index URL");
    url.setId("registry-url");
    url.setPlaceholder("https://blocks.example.org/index.yaml");
    url.setWidthFull();
    TextArea key = new TextArea("Publisher key (optional)");
    key.setId("registry-key");
    key.setHelperText("The registry's Ed25519 public key (PEM): trusted for every workspace.");
    key.setWidthFull();
    Div box = new Div(name, url, key);
    box.addClassName("omni-dialog-body");
    dialog.add(box);
    Button save =
        new Button(
            "Add and fetch",
            e -> {
              try {
                Registries.Registry r = registries.add(name.getValue(), url.getValue(), email());
                if (!key.getValue().isBlank()) {
                  keys.trust(null, key.getValue(), name.getValue(), email());
                }
                dialog.close();
                Toasts.success(
                    r.name()
                        + " added: "
                        + (r.index() == null ? 0 : r.index().blocks().size())
                        + " blocks");
                refresh();
              } catch (DomainException ex) {
                TextField field = "name".equals(ex.field()) ? name : url;
                if ("publicKey".equals(ex.field())) {
                  key.setInvalid(true);
                  key.setErrorMessage(ex.getMessage());
                  refresh();
                } else {
                  field.setInvalid(true);
                  field.setErrorMessage(ex.getMessage());
                }
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("save-registry");
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.setWidth("520px");
    dialog.open();
  }

  // ---- trusted keys -------------------------------------------------------------------------

  private Component keysPanel() {
    keyGrid.setId("platform-keys-grid");
    keyGrid.addClassName("omni-console-grid");
    keyGrid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    keyGrid
        .addComponentColumn(
            k -> {
              Span name = new Span(k.name());
              name.addClassName("omni-tenant-name");
              Span id = new Span("key " + k.keyId());
              id.addClassName("omni-muted");
              Div cell = new Div(name, id);
              cell.addClassName("omni-usage-cell");
              return cell;
            })
        .setHeader("Publisher")
        .setFlexGrow(2)
        .setAutoWidth(true);
    keyGrid
        .addComponentColumn(
            k -> {
              Span fp = new Span(grouped(k.fingerprint()));
              fp.addClassNames("omni-code", "omni-fingerprint");
              fp.setId("fingerprint-" + k.keyId());
              return fp;
            })
        .setHeader("SHA-256 fingerprint")
        .setFlexGrow(4);
    keyGrid
        .addColumn(k -> ConsoleUi.DATE.format(k.addedAt()) + " · " + k.addedBy())
        .setHeader("Added")
        .setAutoWidth(true);
    keyGrid
        .addComponentColumn(
            k -> {
              Button remove =
                  new Button(
                      VaadinIcon.TRASH.create(),
                      e ->
                          new TypeToConfirmDialog(
                                  "Stop trusting " + k.name() + "?",
                                  "Blocks signed with key "
                                      + k.keyId()
                                      + " show as from an unknown key again, unless a workspace"
                                      + " trusts it itself.",
                                  k.keyId(),
                                  "Stop trusting",
                                  true,
                                  () ->
                                      run(
                                          () -> keys.untrustPlatform(k.id()),
                                          k.name() + " is no longer trusted"))
                              .open());
              remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
              remove.setAriaLabel("Stop trusting " + k.name());
              remove.setId("remove-key-" + k.keyId());
              return remove;
            })
        .setAutoWidth(true)
        .setFlexGrow(0);
    keyGrid.setAllRowsVisible(true);
    Button add = new Button("Trust a key", VaadinIcon.KEY.create(), e -> trustKey());
    add.setId("trust-key");
    Div top = new Div(new H3("Trusted publisher keys"), add);
    top.addClassName("omni-sources-top");
    Span hint =
        new Span(
            "Trusted for every workspace. Compare the fingerprint with the one the publisher"
                + " gives you (omnireach-cli blocks keygen prints its key id).");
    hint.addClassNames("omni-muted", "omni-sources-hint");
    Div panel = new Div(top, hint, keyGrid);
    panel.addClassName("omni-panel");
    return panel;
  }

  private void trustKey() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Trust a publisher key");
    TextField name = new TextField("Publisher");
    name.setId("key-name");
    name.setWidthFull();
    TextArea pem = new TextArea("Public key (PEM)");
    pem.setId("key-pem");
    pem.setPlaceholder("-----BEGIN PUBLIC KEY-----");
    pem.setWidthFull();
    pem.setMinHeight("140px");
    Div box = new Div(name, pem);
    box.addClassName("omni-dialog-body");
    dialog.add(box);
    Button save =
        new Button(
            "Trust",
            e -> {
              try {
                PublisherKeyring.TrustedKey k =
                    keys.trust(null, pem.getValue(), name.getValue(), email());
                dialog.close();
                Toasts.success(k.name() + " trusted (key " + k.keyId() + ")");
                refresh();
              } catch (DomainException ex) {
                if ("name".equals(ex.field())) {
                  name.setInvalid(true);
                  name.setErrorMessage(ex.getMessage());
                } else {
                  pem.setInvalid(true);
                  pem.setErrorMessage(ex.getMessage());
                }
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("save-key");
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.setWidth("520px");
    dialog.open();
  }

  /** 64 hex digits in groups of four, as SSH and GnuPG show fingerprints. */
  static String grouped(String hex) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 4) {
      if (i > 0) {
        out.append(i == 32 ? "  " : " ");
      }
      out.append(hex, i, Math.min(i + 4, hex.length()));
    }
    return out.toString();
  }

  private String email() {
    return owner.email();
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
    List<Registries.Registry> all = registries.list();
    registryGrid.setItems(all);
    keyGrid.setItems(keys.platformKeys());
  }
}
