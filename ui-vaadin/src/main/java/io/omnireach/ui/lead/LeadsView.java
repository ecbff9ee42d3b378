package io.omnireach.ui.lead;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.user.UserDirectory;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The tenant's leads: search, filter chips, a lazily loaded and sortable grid, bulk actions on the
 * selection, CSV export of what is shown, and the drawer to add a lead. Viewers read and export.
 */
@Route(value = "leads", layout = MainLayout.class)
@PageTitle("Leads")
@Requires(Permission.LEADS_READ)
public class LeadsView extends Div {

  private final LeadRepository leads;
  private final TenantRef tenant;
  private final AuthenticatedUser user;
  private final boolean writer;
  private final Owners owners;
  private final Span total = new Span();
  private LeadFilters filters;
  private LeadGrid grid;
  private LeadBulkActions bulk;
  private LeadDrawer drawer;

  /**
   * How many leads match the filters, counted once per opening, filter change and change made here
   * (save, bulk action): the grid asks for the size on every fetch and scroll, and gets this.
   */
  private int matching;

  /** Filters and sort of what the grid shows last; the CSV download reads it on its own thread. */
  private volatile LeadQuery shown = LeadQuery.all();

  @Inject
  public LeadsView(LeadRepository leads, UserDirectory users) {
    this.leads = leads;
    this.user = UiSession.require();
    addClassName("omni-page");
    addClassName("omni-lead-page");
    if (user.tenant() == null) {
      this.tenant = null;
      this.writer = false;
      this.owners = Owners.of(List.of());
      add(
          new EmptyState(
              VaadinIcon.USERS, "No workspace selected", "Sign in with a tenant to see leads."));
      return;
    }
    this.tenant = user.tenant().ref();
    this.writer = UiSession.can(user, io.omnireach.user.Permission.LEADS_WRITE);
    this.owners = Owners.of(users.members(tenant));
    int all = leads.count(tenant, LeadQuery.all());
    if (all == 0) {
      showEmpty();
    } else {
      showList(all);
    }
  }

  private void showEmpty() {
    removeAll();
    add(
        new EmptyState(
            VaadinIcon.USERS,
            "No leads yet",
            writer
                ? "Import a CSV from your CRM or add leads one by one. Every lead gets a stage, an"
                    + " owner, consent per channel and a timeline of every touch."
                : "Your team has not added any leads yet. Once they do, you will see them here.",
            writer
                ? new Component[] {importButton("empty-import"), addButton("empty-add-lead")}
                : new Component[0]));
  }

  /** The list with its filters cleared; {@code all}: how many leads the tenant has. */
  private void showList(int all) {
    removeAll();
    filters =
        new LeadFilters(
            owners, leads.distinctTags(tenant), leads.distinctIndustries(tenant), q -> refresh());
    grid = new LeadGrid(owners, writer);
    GridLazyDataView<Lead> data =
        grid.setItems(
            q -> {
              shown = LeadSorting.apply(filters.query(), q.getSortOrders());
              return leads.slice(tenant, shown, q.getOffset(), q.getLimit()).stream();
            },
            q -> matching);
    data.setIdentifierProvider(Lead::id);
    grid.addItemClickListener(
        e -> {
          // the selection column has no Column; the name column is a link of its own
          if (e.getColumn() != null && !"name".equals(e.getColumn().getKey())) {
            open(e.getItem());
          }
        });
    grid.setEmptyStateComponent(noMatches());

    Div card = new Div(filters, grid);
    card.addClassName("omni-lead-card");
    add(header(), card);
    if (writer) {
      bulk =
          new LeadBulkActions(
              leads,
              tenant,
              user.email(),
              owners,
              () -> leads.distinctTags(tenant),
              () -> grid.getSelectedItems(),
              this::afterBulk);
      grid.addSelectionListener(e -> bulk.selected(e.getAllSelectedItems().size()));
      add(bulk);
    }
    showTotal(all);
  }

  private Component header() {
    H2 title = new H2("All leads");
    total.setId("lead-total");
    total.addClassName("omni-lead-total");
    Span sub =
        new Span(
            writer
                ? "Search, filter and sort; select rows to change many at once."
                : "Search, filter, sort and export. Your role cannot change leads.");
    sub.addClassName("omni-muted");
    Div text = new Div(new Div(title, total), sub);
    text.addClassName("omni-lead-title");

    Anchor export = new Anchor(csvDownload(), AttachmentType.DOWNLOAD, "");
    export.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Export CSV"));
    export.setId("lead-export");
    export.addClassName("omni-lead-export");
    Div actions = new Div(export);
    actions.addClassName("omni-lead-actions");
    if (writer) {
      actions.add(importButton("lead-import"), addButton("lead-add"));
    }
    Div header = new Div(text, actions);
    header.addClassName("omni-lead-header");
    return header;
  }

  private Button addButton(String id) {
    Button add = new Button("Add lead", VaadinIcon.PLUS.create(), e -> drawer().open(null));
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.setId(id);
    return add;
  }

  private Button importButton(String id) {
    Button importCsv =
        new Button(
            "Import CSV",
            VaadinIcon.UPLOAD.create(),
            e -> UI.getCurrent().navigate("leads/import"));
    importCsv.setId(id);
    importCsv.setVisible(UiSession.can(user, io.omnireach.user.Permission.LEADS_IMPORT));
    return importCsv;
  }

  private Component noMatches() {
    Span title = new Span("No leads match");
    title.addClassName("omni-lead-nomatch-title");
    Span text = new Span("Try other words or remove a filter.");
    text.addClassName("omni-muted");
    Button clear = new Button("Clear search and filters", e -> filters.clearAll());
    clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Div box = new Div(VaadinIcon.SEARCH.create(), title, text, clear);
    box.addClassName("omni-lead-nomatch");
    box.setId("lead-no-matches");
    return box;
  }

  private LeadDrawer drawer() {
    if (drawer == null) {
      drawer = new LeadDrawer(leads, tenant, user.email(), owners, this::afterSave);
    }
    return drawer;
  }

  private void afterSave(Lead lead) {
    drawer = null; // the next one offers the new tags and industries too
    if (grid == null) {
      showList(leads.count(tenant, LeadQuery.all()));
    } else {
      refreshOptions();
      refresh();
    }
  }

  private void afterBulk() {
    grid.deselectAll();
    refreshOptions();
    refresh();
  }

  private void refreshOptions() {
    filters.options(leads.distinctTags(tenant), leads.distinctIndustries(tenant));
  }

  private void refresh() {
    if (updateTotal() == 0 && !filters.active()) {
      grid = null;
      showEmpty();
      return;
    }
    grid.getDataProvider().refreshAll();
  }

  /** Counts the leads that match the filters and shows that number; returns it. */
  private int updateTotal() {
    return showTotal(leads.count(tenant, filters.query()));
  }

  /** The number of matching leads, for the header and the grid's size. */
  private int showTotal(int n) {
    matching = n;
    total.setText(n == 1 ? "1 lead" : String.format("%,d leads", n));
    return n;
  }

  private void open(Lead lead) {
    UI.getCurrent()
        .navigate(LeadDetailView.class, new RouteParameters("id", Long.toString(lead.id())));
  }

  /** Streams the current selection of rows, in the grid's order, with core's CSV writer. */
  private DownloadHandler csvDownload() {
    return (DownloadEvent event) -> {
      LeadQuery query = shown;
      event.setFileName("leads-" + LocalDate.now() + ".csv");
      event.setContentType("text/csv; charset=utf-8");
      leads.export(
          tenant,
          query,
          user.email(),
          new BufferedWriter(
              new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)));
    };
  }
}
