package io.omnireach.ui.deal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Deal;
import io.omnireach.deal.DealDraft;
import io.omnireach.deal.Deals;
import io.omnireach.deal.Product;
import io.omnireach.deal.Products;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.shell.Toasts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a deal: lead, name, price book products with quantities, close date and owner. The fields
 * go through {@link DealDraft#read} like an API body; saving opens the new deal's page.
 */
public final class NewDealDialog extends Dialog {

  private final ComboBox<Lead> lead = new ComboBox<>("Lead");
  private final TextField title = new TextField("Deal name");
  private final DatePicker closeDate = new DatePicker("Close date");
  private final TextField owner = new TextField("Owner");
  private final Div lines = new Div();
  private final List<Line> rows = new ArrayList<>();
  private final List<Product> priceBook;
  private final Span error = new Span();

  private record Line(ComboBox<Product> product, IntegerField quantity, Div row) {}

  /** {@code fixedLead} non-null when opened from a lead's page: the lead is preset. */
  public NewDealDialog(
      Deals deals,
      Products products,
      LeadRepository leads,
      TenantRef tenant,
      String actor,
      Lead fixedLead) {
    setHeaderTitle("New deal");
    setWidth("680px");
    setId("new-deal-dialog");
    addClassName("omni-new-deal");
    priceBook = products.list(tenant);
    lead.setId("new-deal-lead");
    lead.setItemLabelGenerator(
        l -> l.fullName() + (l.company() == null ? "" : " · " + l.company()));
    lead.setItems(
        q ->
            leads
                .slice(
                    tenant,
                    new LeadQuery(
                        q.getFilter().filter(f -> !f.isBlank()).orElse(null),
                        null,
                        null,
                        null,
                        null,
                        LeadQuery.Sort.LAST_NAME,
                        true),
                    q.getOffset(),
                    q.getLimit())
                .stream());
    if (fixedLead != null) {
      lead.setValue(fixedLead);
      lead.setReadOnly(true);
    }
    title.setId("new-deal-title");
    title.setMaxLength(200);
    closeDate.setId("new-deal-close");
    owner.setId("new-deal-owner");
    owner.setValue(actor);
    owner.setHelperText("Who works the deal");
    FormLayout form = new FormLayout(lead, title, closeDate, owner);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
    form.setColspan(lead, 2);
    form.setColspan(title, 2);

    lines.setId("new-deal-lines");
    lines.addClassName("omni-new-deal-lines");
    Button addLine = new Button("Add product", VaadinIcon.PLUS.create(), e -> addLine());
    addLine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    addLine.setId("new-deal-add-line");
    Div items = new Div(new H4("Products"), lines);
    if (priceBook.isEmpty()) {
      Span none = new Span("The price book is empty: the deal starts without line items.");
      none.addClassName("omni-muted");
      items.add(none);
    } else {
      items.add(addLine);
      addLine();
    }
    error.addClassName("omni-error");
    error.setId("new-deal-error");
    error.setVisible(false);
    add(form, items, error);

    Button cancel = new Button("Cancel", e -> close());
    cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Button create = new Button("Create deal", VaadinIcon.CHECK.create());
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("new-deal-create");
    create.addClickListener(
        e -> {
          error.setVisible(false);
          try {
            Deal deal = deals.create(tenant, DealDraft.read(body()), actor);
            Toasts.success(deal.title() + " created.");
            close();
            UI.getCurrent().navigate("deals/" + deal.id());
          } catch (DomainException ex) {
            error.setText(ex.getMessage());
            error.setVisible(true);
          }
        });
    getFooter().add(cancel, create);
  }

  private void addLine() {
    ComboBox<Product> product = new ComboBox<>();
    product.setItems(priceBook);
    product.setItemLabelGenerator(
        p -> p.name() + " · " + DealsView.money(p.listPrice(), p.currency()));
    product.setPlaceholder("Product");
    product.addClassName("new-deal-product");
    product.setWidthFull();
    IntegerField quantity = new IntegerField();
    quantity.setValue(1);
    quantity.setMin(1);
    quantity.setStepButtonsVisible(true);
    quantity.addClassName("new-deal-quantity");
    quantity.setWidth("140px");
    Div row = new Div(product, quantity);
    Line line = new Line(product, quantity, row);
    Button remove =
        new Button(
            VaadinIcon.CLOSE_SMALL.create(),
            e -> {
              rows.remove(line);
              lines.remove(row);
            });
    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    remove.setAriaLabel("Remove product");
    row.add(remove);
    row.addClassName("omni-new-deal-line");
    rows.add(line);
    lines.add(row);
  }

  /** The form as the API's JSON body; the currency is the first product's (else USD). */
  private Map<String, Object> body() {
    if (lead.getValue() == null) {
      throw DomainException.invalid("leadId", "Choose the lead the deal is with.");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("leadId", lead.getValue().id());
    body.put("title", title.getValue().isBlank() ? null : title.getValue());
    List<Map<String, Object>> chosen = new ArrayList<>();
    String currency = null;
    for (Line l : rows) {
      Product p = l.product().getValue();
      if (p == null) {
        continue;
      }
      if (currency == null) {
        currency = p.currency();
      } else if (!currency.equals(p.currency())) {
        throw DomainException.invalid(
            "lines", "All products of a deal share one currency (" + currency + ").");
      }
      Integer q = l.quantity().getValue();
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("productId", p.id());
      line.put("quantity", q == null ? 0 : q);
      chosen.add(line);
    }
    body.put("currency", currency == null ? "USD" : currency);
    if (!chosen.isEmpty()) {
      body.put("lines", chosen);
    }
    if (closeDate.getValue() != null) {
      body.put("closeDate", closeDate.getValue().toString());
    }
    if (!owner.getValue().isBlank()) {
      body.put("owner", owner.getValue().strip());
    }
    return body;
  }
}
