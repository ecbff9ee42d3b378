package io.omnireach.ui.audit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.omnireach.audit.AuditCsv;
import io.omnireach.audit.AuditEntry;
import io.omnireach.audit.AuditLog;
import io.omnireach.audit.AuditQuery;
import io.omnireach.audit.AuditVerification;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Filters (date range in UTC days, actor, action prefix), a lazily paged grid, CSV download of what
 * the filters select and "Verify chain". {@code tenantSlug} null is the Owner's platform-wide view,
 * with a tenant column and filter.
 */
final class AuditPanel extends Div {

  static final List<String> ACTIONS =
      List.of(
          "auth.",
          "user.",
          "invitation.",
          "settings.",
          "policy.",
          "send.blocked",
          "lead.",
          "persona.",
          "mailbox.",
          "domain.",
          "branding.",
          "billing.",
          "tenant.",
          "reseller.");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH)
          .withZone(ZoneId.systemDefault());

  private final AuditLog audit;
  private final String scope;
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To");
  private final TextField actor = new TextField("Actor");
  private final ComboBox<String> action = new ComboBox<>("Action");
  private final TextField tenant = new TextField("Tenant");
  private final Grid<AuditEntry> grid = new Grid<>();
  private final Div verification = new Div();

  AuditPanel(AuditLog audit, String tenantSlug, String title, String intro) {
    this.audit = audit;
    this.scope = tenantSlug;
    addClassNames("omni-page", "omni-audit");

    Paragraph text = new Paragraph(intro);
    text.addClassName("omni-muted");
    Anchor csv = new Anchor(csvDownload(), AttachmentType.DOWNLOAD, "");
    csv.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Download CSV"));
    csv.setId("audit-csv");
    csv.addClassName("omni-audit-csv");
    Button verify = new Button("Verify chain", VaadinIcon.SHIELD.create(), e -> verify());
    verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    verify.setId("audit-verify");
    Div actions = new Div(csv, verify);
    actions.addClassName("omni-audit-actions");
    Div head = new Div(new Div(new H2(title), text), actions);
    head.addClassName("omni-audit-head");
    verification.setId("audit-verification");
    verification.addClassName("omni-audit-verification");

    add(head, verification, filters(), gridPanel());
    refresh();
  }

  private Component filters() {
    from.setId("audit-from");
    to.setId("audit-to");
    from.setClearButtonVisible(true);
    to.setClearButtonVisible(true);
    from.setTooltipText("UTC days");
    to.setTooltipText("UTC days, this day included");
    actor.setId("audit-actor");
    actor.setPlaceholder("name@company.com");
    actor.setClearButtonVisible(true);
    actor.setValueChangeMode(ValueChangeMode.LAZY);
    action.setId("audit-action");
    action.setItems(ACTIONS);
    action.setAllowCustomValue(true);
    action.addCustomValueSetListener(e -> action.setValue(e.getDetail()));
    action.setClearButtonVisible(true);
    action.setPlaceholder("Any action");
    tenant.setId("audit-tenant");
    tenant.setPlaceholder("All tenants");
    tenant.setClearButtonVisible(true);
    tenant.setValueChangeMode(ValueChangeMode.LAZY);
    for (var field : List.of(from, to)) {
      field.addValueChangeListener(e -> refresh());
    }
    actor.addValueChangeListener(e -> refresh());
    action.addValueChangeListener(e -> refresh());
    tenant.addValueChangeListener(e -> refresh());
    Div bar = new Div(from, to, actor, action);
    if (scope == null) {
      bar.add(tenant);
    }
    bar.addClassName("omni-audit-filters");
    return bar;
  }

  private Component gridPanel() {
    grid.setId("audit-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(e -> WHEN.format(e.at())).setHeader("When").setWidth("210px").setFlexGrow(0);
    if (scope == null) {
      grid.addColumn(e -> e.tenantSlug() == null ? "platform" : e.tenantSlug())
          .setHeader("Tenant")
          .setTooltipGenerator(e -> e.tenantSlug())
          .setWidth("150px")
          .setFlexGrow(0);
    }
    grid.addColumn(AuditEntry::actor)
        .setHeader("Actor")
        .setTooltipGenerator(AuditEntry::actor)
        .setFlexGrow(1);
    grid.addComponentColumn(AuditPanel::actionPill)
        .setHeader("Action")
        .setWidth("180px")
        .setFlexGrow(0);
    grid.addColumn(AuditEntry::target)
        .setHeader("Target")
        .setTooltipGenerator(AuditEntry::target)
        .setFlexGrow(1);
    grid.addComponentColumn(AuditPanel::change).setHeader("Change").setFlexGrow(2);
    grid.addComponentColumn(AuditPanel::origin).setHeader("From").setWidth("200px").setFlexGrow(0);
    grid.setHeight("560px");
    Div panel = new Div(grid);
    panel.addClassNames("omni-panel", "omni-audit-grid");
    return panel;
  }

  private static Component actionPill(AuditEntry e) {
    Span pill = new Span(e.action());
    pill.addClassName("omni-audit-action");
    String area = e.action().contains(".") ? e.action().substring(0, e.action().indexOf('.')) : "";
    pill.getElement().setAttribute("data-area", area);
    if (e.action().endsWith("failed") || e.action().equals("send.blocked")) {
      pill.getElement().setAttribute("data-alert", "");
    }
    return pill;
  }

  private static Component change(AuditEntry e) {
    Div cell = new Div();
    cell.addClassName("omni-audit-change");
    if (e.before() != null) {
      Span before = new Span(e.before());
      before.addClassName("omni-audit-before");
      cell.add(before, new Span(" → "));
    }
    if (e.detail() != null) {
      cell.add(new Span(e.detail()));
    }
    cell.getElement().setAttribute("title", cell.getElement().getTextRecursively());
    return cell;
  }

  private static Component origin(AuditEntry e) {
    Span ip = new Span(e.ip() == null ? "system" : e.ip());
    Span request = new Span(e.requestId() == null ? "" : e.requestId());
    request.addClassName("omni-audit-request");
    Div cell = new Div(ip, request);
    cell.addClassName("omni-audit-origin");
    return cell;
  }

  private AuditQuery query(int page, int size) {
    Instant start =
        from.getValue() == null ? null : from.getValue().atStartOfDay(ZoneOffset.UTC).toInstant();
    LocalDate last = to.getValue();
    Instant end = last == null ? null : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    String slug = scope != null ? scope : blankToNull(tenant.getValue());
    return new AuditQuery(slug, start, end, actor.getValue(), action.getValue(), page, size);
  }

  private void refresh() {
    if (from.getValue() != null
        && to.getValue() != null
        && to.getValue().isBefore(from.getValue())) {
      to.setInvalid(true);
      to.setErrorMessage("To is before From.");
      grid.setItems(List.of());
      return;
    }
    to.setInvalid(false);
    grid.setItems(
        q ->
            audit
                .search(query(q.getPage(), Math.min(q.getPageSize(), AuditQuery.MAX_SIZE)))
                .items()
                .stream());
  }

  private void verify() {
    verification.removeAll();
    List<String> chains = scope != null ? List.of(scope) : audit.chains();
    long rows = 0;
    for (String chain : chains) {
      AuditVerification v = audit.verify(chain);
      rows += v.rows();
      if (!v.ok()) {
        verification.add(
            result(
                false,
                "Chain broken"
                    + (scope == null ? " in " + (chain == null ? "platform" : chain) : "")
                    + " at entry #"
                    + v.brokenSeq()
                    + " (id "
                    + v.brokenId()
                    + "): "
                    + v.problem()
                    + ". The "
                    + v.rows()
                    + " entries before it are intact."));
        return;
      }
    }
    verification.add(
        result(
            true,
            "Chain intact: "
                + rows
                + " entries recomputed"
                + (scope == null ? " in " + chains.size() + " chains" : "")
                + ", none changed, removed or inserted."));
  }

  private static Component result(boolean ok, String message) {
    Div box =
        new Div((ok ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.WARNING).create(), new Span(message));
    box.addClassName(ok ? "omni-audit-ok" : "omni-audit-broken");
    box.getElement().setAttribute("data-ok", Boolean.toString(ok));
    return box;
  }

  /** The entries the filters select, as the API's CSV. */
  private DownloadHandler csvDownload() {
    return (DownloadEvent event) -> {
      AuditQuery q = query(0, 1);
      event.setFileName("audit-" + (scope == null ? "platform" : scope) + ".csv");
      event.setContentType("text/csv; charset=utf-8");
      BufferedWriter out =
          new BufferedWriter(
              new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
      AuditCsv.write(audit, q, out);
      out.flush();
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
