package io.omnireach.ui.deal;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Product;
import io.omnireach.deal.ProductDraft;
import io.omnireach.deal.Products;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Permission;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds, edits or deletes one price book product. The fields go through {@link ProductDraft#read}
 * exactly as an API body does, so the UI shows the API's own validation messages on the field at
 * fault. Volume tiers are written "minimum quantity: unit price", comma separated ("50: 90, 100:
 * 85").
 */
final class ProductDialog extends Dialog {

  private final TextField name = field("Name", "product-name");
  private final TextField currency = field("Currency", "product-currency");
  private final TextField listPrice = field("List price", "product-list-price");
  private final TextField floorPrice = field("Floor price", "product-floor-price");
  private final TextField maxDiscount = field("Max discount %", "product-max-discount");
  private final TextField paymentTerms = field("Payment terms", "product-payment-terms");
  private final TextField contractMonths = field("Contract lengths (months)", "product-months");
  private final TextField volumeTiers = field("Volume tiers", "product-tiers");
  private final Map<String, TextField> byField =
      Map.of(
          "name", name,
          "currency", currency,
          "listPrice", listPrice,
          "floorPrice", floorPrice,
          "maxDiscountPercent", maxDiscount,
          "paymentTerms", paymentTerms,
          "contractMonths", contractMonths,
          "volumeTiers", volumeTiers);

  ProductDialog(
      Products products,
      TenantRef tenant,
      String actor,
      boolean admin,
      Product existing,
      Runnable changed) {
    setHeaderTitle(existing == null ? "New product" : existing.name());
    setWidth("640px");
    setId("product-dialog");
    currency.setMaxLength(3);
    currency.setWidth("120px");
    paymentTerms.setHelperText("Comma separated: net30, monthly, quarterly, annual");
    contractMonths.setHelperText("Comma separated, e.g. 12, 24");
    volumeTiers.setHelperText(
        "From a quantity on, each unit costs: \"50: 90, 100: 85\" (empty: the list price)");
    if (existing != null) {
      name.setValue(existing.name());
      currency.setValue(existing.currency());
      listPrice.setValue(existing.listPrice().toPlainString());
      floorPrice.setValue(existing.floorPrice().toPlainString());
      maxDiscount.setValue(existing.maxDiscountPercent().stripTrailingZeros().toPlainString());
      paymentTerms.setValue(String.join(", ", existing.paymentTerms()));
      contractMonths.setValue(
          String.join(", ", existing.contractMonths().stream().map(String::valueOf).toList()));
      volumeTiers.setValue(
          String.join(
              ", ",
              existing.volumeTiers().stream()
                  .map(t -> t.minQuantity() + ": " + t.unitPrice().toPlainString())
                  .toList()));
    } else {
      currency.setValue("USD");
    }
    FormLayout form =
        new FormLayout(
            name,
            currency,
            listPrice,
            floorPrice,
            maxDiscount,
            paymentTerms,
            contractMonths,
            volumeTiers);
    form.setColspan(name, 2);
    form.setColspan(volumeTiers, 2);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
    form.setEnabled(admin);
    Span error = new Span();
    error.addClassName("omni-error");
    error.setId("product-error");
    error.setVisible(false);
    add(form, error);

    Button cancel = new Button(admin ? "Cancel" : "Close", e -> close());
    cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    if (admin && existing != null) {
      Button delete =
          new Button(
              "Delete",
              VaadinIcon.TRASH.create(),
              e -> {
                if (!UiSession.permits(Permission.DEALS_CONFIGURE)) {
                  return;
                }
                try {
                  products.delete(tenant, existing.id(), actor);
                  Toasts.success(existing.name() + " deleted from the price book.");
                  close();
                  changed.run();
                } catch (DomainException ex) {
                  // e.g. 409: the product is still on a deal's line
                  error.setText(ex.getMessage());
                  error.setVisible(true);
                }
              });
      delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
      delete.setId("product-delete");
      getFooter().add(delete);
    }
    getFooter().add(cancel);
    if (admin) {
      Button save = new Button("Save", VaadinIcon.CHECK.create());
      save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      save.setId("product-save");
      save.addClickListener(
          e -> {
            if (!UiSession.permits(Permission.DEALS_CONFIGURE)) {
              return;
            }
            byField.values().forEach(f -> f.setInvalid(false));
            error.setVisible(false);
            try {
              ProductDraft draft = ProductDraft.read(body(existing));
              if (existing == null) {
                products.create(tenant, draft, actor);
              } else {
                products.update(tenant, existing.id(), draft, actor);
              }
              Toasts.success(draft.name() + " saved.");
              close();
              changed.run();
            } catch (DomainException ex) {
              HasValidation at =
                  ex.field() == null
                      ? null
                      : byField.get(
                          ex.field().startsWith("volumeTiers") ? "volumeTiers" : ex.field());
              if (at != null) {
                at.setErrorMessage(ex.getMessage());
                at.setInvalid(true);
              } else {
                error.setText(ex.getMessage());
                error.setVisible(true);
              }
            }
          });
      getFooter().add(save);
    }
  }

  /** The form as the API's JSON body; blank numbers are left out so the API's "required" shows. */
  private Map<String, Object> body(Product existing) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name.getValue());
    body.put("currency", currency.getValue());
    putNumber(body, "listPrice", listPrice);
    putNumber(body, "floorPrice", floorPrice);
    putNumber(body, "maxDiscountPercent", maxDiscount);
    body.put("paymentTerms", split(paymentTerms.getValue()));
    body.put("contractMonths", split(contractMonths.getValue()));
    body.put("volumeTiers", tiers(volumeTiers.getValue()));
    return body;
  }

  /** "50: 90, 100: 85" as the API's tier objects; a malformed entry is an INVALID volumeTiers. */
  static List<Map<String, Object>> tiers(String text) {
    return split(text).stream()
        .map(
            entry -> {
              String[] parts = entry.split(":");
              if (parts.length != 2 || !parts[0].strip().matches("\\d{1,9}")) {
                throw DomainException.invalid(
                    "volumeTiers",
                    "Write each tier as \"minimum quantity: unit price\", e.g. 50: 90; got '"
                        + entry
                        + "'.");
              }
              return Map.<String, Object>of(
                  "minQuantity", Integer.parseInt(parts[0].strip()), "unitPrice", parts[1].strip());
            })
        .toList();
  }

  private static void putNumber(Map<String, Object> body, String key, TextField f) {
    String v = f.getValue().strip().replace(",", "");
    if (!v.isEmpty()) {
      body.put(key, v);
    }
  }

  private static List<String> split(String v) {
    return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static TextField field(String label, String id) {
    TextField f = new TextField(label);
    f.setId(id);
    f.setWidthFull();
    // the API's rules decide validity (shown on save), not the web component
    f.setManualValidation(true);
    return f;
  }
}
