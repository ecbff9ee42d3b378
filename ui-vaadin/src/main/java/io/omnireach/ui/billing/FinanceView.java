package io.omnireach.ui.billing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.ui.billing.BillingDesk.FinanceRow;
import io.omnireach.ui.billing.BillingDesk.FinanceSheet;
import io.omnireach.ui.billing.BillingDesk.OverdueReseller;
import io.omnireach.ui.billing.BillingDesk.WholesaleRow;
import io.omnireach.ui.chart.Chart;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operator's finance desk for a month: revenue (what tenants are billed), wholesale cost (what
 * the platform bills the reseller) and margin, as headline cards, a chart per tenant and a grid
 * with a totals row; CSV export. A Reseller sees its tenants, the Owner all with their reseller.
 */
@Route(value = "console/finance", layout = MainLayout.class)
@PageTitle("Finance")
@RolesAllowed({"Owner", "Reseller"})
public class FinanceView extends Div {

  static final String[] PALETTE = {"var(--lumo-primary-color)", "#94a3b8", "#10b981"};

  private final BillingDesk desk;
  private final AuthenticatedUser operator;
  private final Select<YearMonth> month = new Select<>();
  private final Div body = new Div();
  private final Anchor export = new Anchor();
  private final Div wholesale = new Div();

  @Inject
  public FinanceView(BillingDesk desk, PaymentNotices notices, Clock clock) {
    this.desk = desk;
    this.operator = UiSession.require();
    addClassNames("omni-page", "omni-console", "omni-finance");
    boolean owner = operator.has(Role.OWNER);
    H2 title = new H2("Finance");
    Span sub =
        new Span(
            owner
                ? "What every tenant is billed, what resellers pay the platform for them, and"
                    + " the resellers' margin."
                : "What your tenants are billed, what the platform charges you for them, and your"
                    + " margin.");
    sub.addClassName("omni-muted");
    Div text = new Div(title, sub);

    YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    List<YearMonth> months = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      months.add(now.minusMonths(i));
    }
    month.setItems(months);
    month.setItemLabelGenerator(BillingUi.MONTH::format);
    month.setValue(now);
    month.setId("finance-month");
    month.setAriaLabel("Month");
    month.addValueChangeListener(e -> refresh());
    export.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Export CSV"));
    export.setId("finance-export");
    export.addClassName("omni-lead-export");
    Div actions = new Div(month, export);
    actions.addClassName("omni-finance-actions");
    Div head = new Div(text, actions);
    head.addClassName("omni-console-head");
    add(head);
    // a reseller whose wholesale payment failed sees it here (its console has no shell banner)
    notices.forUser(operator).ifPresent(n -> add(new PaymentBanner(n)));
    add(body, wholesale);
    wholesale.setId("wholesale-invoices");
    refresh();
    refreshWholesale();
  }

  /**
   * What the platform bills resellers: a Reseller's own invoices ("from the platform"), or every
   * reseller's finalized ones for the Owner with Mark paid / Void, and the overdue resellers.
   */
  private void refreshWholesale() {
    wholesale.removeAll();
    boolean owner = operator.has(Role.OWNER);
    if (owner) {
      List<OverdueReseller> overdue = desk.overdueResellers(operator);
      if (!overdue.isEmpty()) {
        wholesale.add(overduePanel(overdue));
      }
    }
    List<WholesaleRow> rows = desk.wholesaleInvoices(operator);
    Span hint =
        new Span(
            owner
                ? "One invoice per reseller and month for its tenants at its wholesale prices,"
                    + " numbered ORW-… when the month has ended."
                : "What the platform bills you each month for your tenants at your wholesale"
                    + " prices; the running month is a draft until it ends.");
    hint.addClassName("omni-muted");
    Div panel =
        new Div(
            new H3(
                owner ? "Wholesale invoices to resellers" : "Wholesale invoices from the platform"),
            hint);
    panel.addClassName("omni-panel");
    if (rows.isEmpty()) {
      EmptyState empty =
          new EmptyState(
              VaadinIcon.FILE_TEXT_O,
              "No wholesale invoices yet",
              owner
                  ? "They are made when a month ends, for every reseller that had tenants in it."
                  : "Your first one appears once you have a tenant.");
      empty.addClassName("omni-empty-inline");
      panel.add(empty);
    } else {
      panel.add(wholesaleGrid(rows, owner));
    }
    wholesale.add(panel);
  }

  private Grid<WholesaleRow> wholesaleGrid(List<WholesaleRow> rows, boolean owner) {
    Grid<WholesaleRow> grid = new Grid<>();
    grid.setId("wholesale-grid");
    grid.addClassName("omni-console-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addColumn(r -> r.number() == null ? "Draft" : r.number())
        .setHeader("Invoice")
        .setAutoWidth(true);
    if (owner) {
      grid.addColumn(WholesaleRow::reseller).setHeader("Reseller").setAutoWidth(true);
    }
    grid.addColumn(r -> BillingUi.MONTH.format(r.month())).setHeader("Period").setAutoWidth(true);
    grid.addColumn(WholesaleRow::tenants).setHeader("Tenants").setAutoWidth(true);
    grid.addColumn(WholesaleRow::total).setHeader("Total").setAutoWidth(true);
    grid.addComponentColumn(r -> BillingUi.badge(r.status()))
        .setHeader("Status")
        .setAutoWidth(true);
    grid.addComponentColumn(r -> wholesaleActions(r, owner))
        .setHeader("")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.setItems(rows);
    return grid;
  }

  private Component wholesaleActions(WholesaleRow r, boolean owner) {
    String key = r.resellerId() + "-" + r.id();
    DownloadHandler pdf =
        event -> {
          event.setFileName(
              "wholesale-" + (r.number() == null ? "draft-" + r.month() : r.number()) + ".pdf");
          event.setContentType("application/pdf");
          event.getOutputStream().write(desk.wholesalePdf(operator, r.resellerId(), r.id()));
        };
    Anchor link = new Anchor(pdf, AttachmentType.DOWNLOAD, "");
    link.add(VaadinIcon.FILE_TEXT_O.create(), new Span("PDF"));
    link.setId("wholesale-pdf-" + key);
    link.addClassName("omni-invoice-pdf");
    Div cell = new Div(link);
    cell.addClassName("omni-finance-invoice");
    if (r.stripeUrl() != null) {
      Anchor stripe = new Anchor(r.stripeUrl(), "");
      stripe.add(VaadinIcon.EXTERNAL_LINK.create(), new Span("Stripe"));
      stripe.setTarget("_blank");
      stripe.getElement().setAttribute("title", "Open the invoice in Stripe");
      stripe.addClassName("omni-invoice-pdf");
      cell.add(stripe);
    }
    if (owner && r.settleable()) {
      Button paid = new Button("Mark paid", e -> confirmWholesale(r, true));
      paid.setId("wholesale-paid-" + key);
      paid.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      Button voided = new Button("Void", e -> confirmWholesale(r, false));
      voided.setId("wholesale-void-" + key);
      voided.addThemeVariants(
          ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
      cell.add(paid, voided);
    }
    return cell;
  }

  /** The same confirmation as a tenant invoice's: paid arrived outside OmniReach, void cancels. */
  private void confirmWholesale(WholesaleRow r, boolean paid) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            (paid ? "Mark " : "Void ") + r.number() + (paid ? " as paid?" : "?"),
            paid
                ? r.reseller() + "'s wholesale invoice of " + r.total() + " is recorded as paid."
                : r.reseller()
                    + "'s wholesale invoice of "
                    + r.total()
                    + " is cancelled. Its number stays used; this cannot be undone.",
            paid ? "Mark paid" : "Void invoice",
            e -> {
              try {
                desk.settleWholesale(operator, r.resellerId(), r.id(), paid);
                Toasts.success(r.number() + (paid ? " is paid." : " is void."));
              } catch (DomainException ex) {
                Toasts.error(ex.getMessage());
              }
              refreshWholesale();
            });
    dialog.setId("settle-dialog");
    dialog.setCancelable(true);
    dialog.setConfirmButtonTheme(paid ? "primary" : "error primary");
    dialog.open();
  }

  private static Component overduePanel(List<OverdueReseller> overdue) {
    Grid<OverdueReseller> grid = new Grid<>();
    grid.setId("overdue-resellers");
    grid.addClassName("omni-console-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER);
    grid.setAllRowsVisible(true);
    grid.addColumn(OverdueReseller::reseller).setHeader("Reseller").setAutoWidth(true);
    grid.addColumn(OverdueReseller::invoice).setHeader("Invoice").setAutoWidth(true);
    grid.addColumn(OverdueReseller::amountDue).setHeader("Due").setAutoWidth(true);
    grid.addColumn(o -> BillingUi.DAY.format(o.since())).setHeader("Unpaid since").setFlexGrow(1);
    grid.setItems(overdue);
    Span hint =
        new Span(
            "Their wholesale payment failed and the grace period is over. Their tenants keep"
                + " sending: contact them, or suspend the reseller under Resellers.");
    hint.addClassName("omni-muted");
    Div panel = new Div(new H3("Overdue resellers"), hint, grid);
    panel.addClassNames("omni-panel", "omni-overdue");
    return panel;
  }

  private void refresh() {
    YearMonth m = month.getValue();
    FinanceSheet sheet = desk.finance(operator, m);
    DownloadHandler csv =
        event -> {
          event.setFileName("finance-" + m + ".csv");
          event.setContentType("text/csv; charset=utf-8");
          event
              .getOutputStream()
              .write(desk.financeCsv(operator, m).getBytes(StandardCharsets.UTF_8));
        };
    export.setHref(csv, AttachmentType.DOWNLOAD);
    body.removeAll();
    body.add(cards(sheet));
    if (sheet.rows().isEmpty()) {
      EmptyState empty =
          new EmptyState(
              VaadinIcon.CHART,
              "Nothing billed in " + BillingUi.MONTH.format(m),
              "Tenants that existed in this month show up here with their invoices and margin.");
      empty.addClassName("omni-empty-inline");
      body.add(empty);
      return;
    }
    Chart chart = new Chart().setOption(chartOption(sheet));
    chart.setId("finance-chart");
    chart.setHeight("300px");
    Div chartPanel = new Div(new H3("Revenue, wholesale cost and margin per tenant"), chart);
    chartPanel.addClassName("omni-panel");
    Div gridPanel = new Div(new H3("Tenants"), grid(sheet));
    gridPanel.addClassName("omni-panel");
    body.add(chartPanel, gridPanel);
  }

  private Component cards(FinanceSheet s) {
    long retail = s.rows().stream().mapToLong(FinanceRow::retailMinor).sum();
    long margin =
        s.rows().stream().mapToLong(r -> r.marginMinor() == null ? 0 : r.marginMinor()).sum();
    long resold =
        s.rows().stream()
            .filter(r -> r.marginMinor() != null)
            .mapToLong(FinanceRow::retailMinor)
            .sum();
    String share =
        resold == 0
            ? "no resold tenants"
            : String.format(Locale.ENGLISH, "%.1f%% of resold revenue", margin * 100.0 / resold);
    Div cards =
        new Div(
            card(
                "revenue",
                VaadinIcon.MONEY,
                "Revenue",
                s.retail(),
                s.rows().size() + (s.rows().size() == 1 ? " tenant billed" : " tenants billed")),
            card(
                "wholesale",
                VaadinIcon.EXCHANGE,
                "Wholesale cost",
                s.wholesale(),
                "charged by the platform"),
            card("margin", VaadinIcon.TRENDING_UP, "Margin", s.margin(), share),
            card(
                "emails",
                VaadinIcon.ENVELOPE,
                "Emails sent",
                BillingUi.count(s.emails()),
                BillingUi.compact(s.aiTokens()) + " AI tokens"));
    cards.addClassName("omni-cards");
    if (retail == 0) {
      cards.addClassName("omni-finance-quiet");
    }
    return cards;
  }

  private Grid<FinanceRow> grid(FinanceSheet s) {
    Grid<FinanceRow> grid = new Grid<>();
    grid.setId("finance-grid");
    grid.addClassName("omni-console-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    Grid.Column<FinanceRow> tenant =
        grid.addComponentColumn(FinanceView::tenant)
            .setHeader("Tenant")
            .setFlexGrow(3)
            .setAutoWidth(true);
    if (operator.has(Role.OWNER)) {
      grid.addColumn(r -> r.reseller() == null ? "Direct" : r.reseller())
          .setHeader("Reseller")
          .setAutoWidth(true);
    }
    grid.addComponentColumn(r -> plan(r.plan())).setHeader("Plan").setAutoWidth(true);
    Grid.Column<FinanceRow> emails =
        grid.addColumn(r -> BillingUi.count(r.emails())).setHeader("Emails").setAutoWidth(true);
    Grid.Column<FinanceRow> tokens =
        grid.addColumn(r -> BillingUi.compact(r.aiTokens()))
            .setHeader("AI tokens")
            .setAutoWidth(true);
    grid.addComponentColumn(this::invoice).setHeader("Invoice").setAutoWidth(true);
    Grid.Column<FinanceRow> revenue =
        grid.addColumn(FinanceRow::retail).setHeader("Revenue").setAutoWidth(true);
    Grid.Column<FinanceRow> cost =
        grid.addColumn(r -> r.wholesale() == null ? "—" : r.wholesale())
            .setHeader("Wholesale")
            .setAutoWidth(true);
    Grid.Column<FinanceRow> margin =
        grid.addComponentColumn(FinanceView::margin).setHeader("Margin").setAutoWidth(true);
    grid.setItems(s.rows());
    FooterRow totals = grid.appendFooterRow();
    totals.getCell(tenant).setText("Total");
    totals.getCell(emails).setText(BillingUi.count(s.emails()));
    totals.getCell(tokens).setText(BillingUi.compact(s.aiTokens()));
    totals.getCell(revenue).setText(s.retail());
    totals.getCell(cost).setText(s.wholesale());
    totals.getCell(margin).setText(s.margin());
    return grid;
  }

  private static Component tenant(FinanceRow r) {
    Span name = new Span(r.name());
    name.addClassName("omni-tenant-name");
    Span slug = new Span("/" + r.slug());
    slug.addClassName("omni-muted");
    Div cell = new Div(name, slug);
    cell.addClassName("omni-usage-cell");
    return cell;
  }

  private static Component plan(String code) {
    Span badge = new Span(code.substring(0, 1) + code.substring(1).toLowerCase(Locale.ROOT));
    badge.getElement().getThemeList().add("badge contrast pill");
    return badge;
  }

  private Component invoice(FinanceRow r) {
    Span number = new Span(r.invoiceNumber() == null ? "So far" : r.invoiceNumber());
    Div cell = new Div(number, BillingUi.badge(r.invoiceStatus()));
    cell.addClassName("omni-finance-invoice");
    if (r.settleable()) {
      Button paid = new Button("Mark paid", e -> confirmSettle(r, true));
      paid.setId("invoice-paid-" + r.slug());
      paid.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      Button voided = new Button("Void", e -> confirmSettle(r, false));
      voided.setId("invoice-void-" + r.slug());
      voided.addThemeVariants(
          ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
      cell.add(paid, voided);
    }
    return cell;
  }

  /** Paid arrived outside OmniReach (a bank transfer); void cancels it, its number stays used. */
  private void confirmSettle(FinanceRow r, boolean paid) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            (paid ? "Mark " : "Void ") + r.invoiceNumber() + (paid ? " as paid?" : "?"),
            paid
                ? r.name() + "'s invoice of " + r.retail() + " is recorded as paid."
                : r.name()
                    + "'s invoice of "
                    + r.retail()
                    + " is cancelled. Its number stays used; this cannot be undone.",
            paid ? "Mark paid" : "Void invoice",
            e -> {
              try {
                desk.settle(operator, r.tenantId(), r.invoiceId(), paid);
                Toasts.success(r.invoiceNumber() + (paid ? " is paid." : " is void."));
              } catch (DomainException ex) {
                Toasts.error(ex.getMessage());
              }
              refresh();
            });
    dialog.setId("settle-dialog");
    dialog.setCancelable(true);
    dialog.setConfirmButtonTheme(paid ? "primary" : "error primary");
    dialog.open();
  }

  private static Component margin(FinanceRow r) {
    Span value = new Span(r.margin() == null ? "—" : r.margin());
    if (r.marginMinor() != null) {
      value.addClassName(r.marginMinor() < 0 ? "omni-margin-negative" : "omni-margin-positive");
    }
    return value;
  }

  static String chartOption(FinanceSheet s) {
    StringBuilder names = new StringBuilder();
    StringBuilder revenue = new StringBuilder();
    StringBuilder cost = new StringBuilder();
    StringBuilder margin = new StringBuilder();
    for (FinanceRow r : s.rows()) {
      String sep = names.length() == 0 ? "" : ",";
      names.append(sep).append(quote(r.name()));
      revenue.append(sep).append(major(r.retailMinor()));
      cost.append(sep).append(r.wholesaleMinor() == null ? "null" : major(r.wholesaleMinor()));
      margin.append(sep).append(r.marginMinor() == null ? "null" : major(r.marginMinor()));
    }
    StringBuilder palette = new StringBuilder("[");
    for (int i = 0; i < PALETTE.length; i++) {
      palette.append(i == 0 ? "" : ",").append(quote(PALETTE[i]));
    }
    palette.append("]");
    return "{\"color\":"
        + palette
        + ",\"tooltip\":{\"trigger\":\"axis\",\"axisPointer\":{\"type\":\"shadow\"}},"
        + "\"legend\":{\"top\":0,\"icon\":\"roundRect\"},"
        + "\"grid\":{\"left\":48,\"right\":16,\"top\":40,\"bottom\":28,\"containLabel\":true},"
        + "\"xAxis\":{\"type\":\"category\",\"data\":["
        + names
        + "],\"axisLabel\":{\"interval\":0,\"overflow\":\"truncate\",\"width\":120}},"
        + "\"yAxis\":{\"type\":\"value\",\"name\":"
        + quote(s.currency())
        + ",\"splitLine\":{\"lineStyle\":{\"type\":\"dashed\",\"opacity\":0.5}}},\"series\":["
        + "{\"name\":\"Revenue\",\"type\":\"bar\",\"barMaxWidth\":30,"
        + "\"itemStyle\":{\"borderRadius\":[6,6,0,0]},\"data\":["
        + revenue
        + "]},{\"name\":\"Wholesale cost\",\"type\":\"bar\",\"barMaxWidth\":30,"
        + "\"itemStyle\":{\"borderRadius\":[6,6,0,0]},\"data\":["
        + cost
        + "]},{\"name\":\"Margin\",\"type\":\"line\",\"symbol\":\"circle\",\"symbolSize\":9,"
        + "\"showSymbol\":true,"
        + "\"lineStyle\":{\"width\":2.5},\"data\":["
        + margin
        + "]}]}";
  }

  private static String major(long minor) {
    return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
  }

  private static String quote(String s) {
    return elemental.json.Json.create(s == null ? "" : s).toJson();
  }

  private static Component card(
      String id, VaadinIcon icon, String label, String value, String hint) {
    Icon glyph = icon.create();
    glyph.addClassName("omni-card-icon");
    Span number = new Span(value);
    number.addClassName("omni-card-value");
    number.setId("finance-" + id);
    Span title = new Span(label);
    title.addClassName("omni-card-label");
    Span sub = new Span(hint);
    sub.addClassName("omni-card-hint");
    Div card = new Div(glyph, title, number, sub);
    card.addClassName("omni-card");
    return card;
  }
}
