package io.omnireach.ui.deal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.omnireach.deal.Product;
import io.omnireach.deal.Products;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.shell.EmptyState;
import java.util.List;

/**
 * The price book tab: every product with its list and floor price, discount limit and terms. Admins
 * add products and open one to edit or delete it; everyone else reads.
 */
final class PriceBook extends Div {

  private final Products products;
  private final TenantRef tenant;
  private final String actor;

  /** May change the price book (deals.configure). */
  private final boolean admin;

  private final Grid<Product> grid = new Grid<>();
  private final Div empty = new Div();

  PriceBook(Products products, TenantRef tenant, String actor, boolean admin) {
    this.products = products;
    this.tenant = tenant;
    this.actor = actor;
    this.admin = admin;
    setId("price-book");
    addClassName("omni-price-book");
    Paragraph intro =
        new Paragraph(
            admin
                ? "The products deals are built from. The negotiation desk never offers below a"
                    + " product's floor price or beyond its maximum discount."
                : "The products deals are built from and the limits the negotiation desk keeps to."
                    + " Changing it needs the deals.configure permission.");
    intro.addClassName("omni-muted");
    Div bar = new Div(intro);
    bar.addClassName("omni-price-book-bar");
    if (admin) {
      Button add = new Button("Add product", VaadinIcon.PLUS.create(), e -> open(null));
      add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      add.setId("product-add");
      bar.add(add);
    }
    grid.setId("product-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(Product::name).setHeader("Product").setFlexGrow(2);
    grid.addColumn(p -> DealsView.money(p.listPrice(), p.currency()))
        .setHeader("List price")
        .setWidth("140px")
        .setFlexGrow(0);
    grid.addColumn(p -> DealsView.money(p.floorPrice(), p.currency()))
        .setHeader("Floor price")
        .setWidth("140px")
        .setFlexGrow(0);
    grid.addColumn(p -> p.maxDiscountPercent().stripTrailingZeros().toPlainString() + " %")
        .setHeader("Max discount")
        .setWidth("130px")
        .setFlexGrow(0);
    grid.addColumn(p -> p.paymentTerms().isEmpty() ? "—" : String.join(", ", p.paymentTerms()))
        .setHeader("Payment terms")
        .setFlexGrow(1);
    grid.addColumn(
            p ->
                p.contractMonths().isEmpty()
                    ? "—"
                    : String.join(", ", p.contractMonths().stream().map(String::valueOf).toList())
                        + " months")
        .setHeader("Contract")
        .setFlexGrow(1);
    grid.addColumn(p -> p.volumeTiers().isEmpty() ? "—" : p.volumeTiers().size() + " tier(s)")
        .setHeader("Volume tiers")
        .setWidth("120px")
        .setFlexGrow(0);
    grid.setAllRowsVisible(true);
    grid.addItemClickListener(e -> open(e.getItem()));
    add(bar, grid, empty);
    refresh();
  }

  private void open(Product existing) {
    new ProductDialog(products, tenant, actor, admin, existing, this::refresh).open();
  }

  void refresh() {
    List<Product> all = products.list(tenant);
    grid.setItems(all);
    grid.setVisible(!all.isEmpty());
    empty.removeAll();
    if (all.isEmpty()) {
      empty.add(
          new EmptyState(
              VaadinIcon.TAGS,
              "The price book is empty",
              admin
                  ? "Add the products you sell with their list and floor prices."
                  : "Someone with the deals.configure permission adds the products you sell here."));
    }
  }
}
