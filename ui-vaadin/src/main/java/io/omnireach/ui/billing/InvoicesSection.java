package io.omnireach.ui.billing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.ui.billing.BillingDesk.InvoiceRow;
import io.omnireach.ui.shell.EmptyState;
import java.util.List;

/**
 * The workspace's invoices: number (or "Draft" for the running month), period, total, a status
 * badge and the PDF, downloaded in the session (no bearer token needed).
 */
public class InvoicesSection extends Div {

  private final BillingDesk desk;
  private final AuthenticatedUser user;

  public InvoicesSection(BillingDesk desk, AuthenticatedUser user) {
    this.desk = desk;
    this.user = user;
    addClassNames("omni-panel", "omni-invoices");
    setId("invoices-section");
    List<InvoiceRow> rows = desk.invoices(user);
    Span count = new Span(rows.size() + (rows.size() == 1 ? " invoice" : " invoices"));
    count.addClassName("omni-muted");
    Div head = new Div(new H3("Invoices"), count);
    head.addClassName("omni-panel-head");
    add(head);
    if (rows.isEmpty()) {
      add(
          new EmptyState(
              VaadinIcon.FILE_TEXT_O,
              "No invoices yet",
              "The first one appears with this month's usage."));
      return;
    }
    Grid<InvoiceRow> grid = new Grid<>();
    grid.setId("invoices-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addComponentColumn(this::number).setHeader("Invoice").setAutoWidth(true).setFlexGrow(2);
    grid.addComponentColumn(InvoicesSection::period)
        .setHeader("Period")
        .setAutoWidth(true)
        .setFlexGrow(2);
    grid.addColumn(InvoiceRow::total)
        .setHeader("Total")
        .setAutoWidth(true)
        .setPartNameGenerator(r -> "omni-amount");
    grid.addComponentColumn(r -> BillingUi.badge(r.status()))
        .setHeader("Status")
        .setAutoWidth(true);
    grid.addComponentColumn(this::pdf).setHeader("").setWidth("120px").setFlexGrow(0);
    grid.setItems(rows);
    add(grid);
  }

  private Component number(InvoiceRow r) {
    Span number = new Span(r.number() == null ? "Draft" : r.number());
    number.addClassName("omni-invoice-number");
    Span source =
        new Span(
            r.source().equals("STRIPE")
                ? "Stripe"
                : r.number() == null ? "updates with usage" : "");
    source.addClassName("omni-muted");
    Div cell = new Div(number, source);
    cell.addClassName("omni-usage-cell");
    return cell;
  }

  private static Component period(InvoiceRow r) {
    Span month = new Span(BillingUi.MONTH.format(r.periodStart()));
    Span days =
        new Span(r.periodStart().getDayOfMonth() + "–" + BillingUi.DAY.format(r.periodEnd()));
    days.addClassName("omni-muted");
    Div cell = new Div(month, days);
    cell.addClassName("omni-usage-cell");
    return cell;
  }

  private Component pdf(InvoiceRow r) {
    Anchor link;
    if (r.externalPdfUrl() != null) {
      link = new Anchor(r.externalPdfUrl(), "");
      link.setTarget(AnchorTarget.BLANK);
    } else {
      String file =
          "invoice-" + (r.number() == null ? "draft-" + r.periodStart() : r.number()) + ".pdf";
      DownloadHandler pdf =
          event -> {
            event.setFileName(file);
            event.setContentType("application/pdf");
            event.getOutputStream().write(desk.invoicePdf(user, r.id()));
          };
      link = new Anchor(pdf, AttachmentType.DOWNLOAD, "");
    }
    link.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("PDF"));
    link.addClassName("omni-invoice-pdf");
    link.setId("invoice-pdf-" + r.id());
    return link;
  }
}
