package io.omnireach.ui.brand;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandField;
import io.omnireach.brand.BrandResolver;
import io.omnireach.brand.Brands;
import io.omnireach.brand.ResellerBrand;
import io.omnireach.common.DomainException;
import io.omnireach.reseller.Reseller;
import io.omnireach.reseller.ResellerDirectory;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.BrandChangedEvent;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.EnumSet;

/**
 * A reseller's brand — product name, logo, favicon, colours, support contacts — and what its
 * tenants may override. A Reseller edits its own (console/brand); the Owner edits any reseller's
 * (console/brand/{id}) and alone decides whether "Powered by OmniReach" shows.
 */
@Route(value = "console/brand/:resellerId?", layout = MainLayout.class)
@PageTitle("Brand")
@RolesAllowed({"Owner", "Reseller"})
public class ResellerBrandView extends Div implements BeforeEnterObserver {

  private final Brands brands;
  private final BrandResolver resolver;
  private final ResellerDirectory resellers;
  private final AuthenticatedUser user;

  @Inject
  public ResellerBrandView(Brands brands, BrandResolver resolver, ResellerDirectory resellers) {
    this.brands = brands;
    this.resolver = resolver;
    this.resellers = resellers;
    this.user = UiSession.require();
    addClassNames("omni-page", "omni-brand-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    Long id = user.has(Role.OWNER) ? param(event) : user.resellerId();
    if (id == null) {
      add(
          new EmptyState(
              VaadinIcon.PALETTE,
              "Choose a reseller",
              "Open a reseller's brand from the Resellers list."));
      return;
    }
    try {
      render(resellers.require(id));
    } catch (DomainException e) {
      add(new EmptyState(VaadinIcon.PALETTE, "No such reseller", e.getMessage()));
    }
  }

  private static Long param(BeforeEnterEvent event) {
    return event
        .getRouteParameters()
        .get("resellerId")
        .filter(v -> v.matches("\\d{1,18}"))
        .map(Long::valueOf)
        .orElse(null);
  }

  private void render(Reseller reseller) {
    ResellerBrand current = brands.reseller(reseller.id());
    Brand inherited = resolver.platform().brand();
    H2 title = new H2(user.has(Role.OWNER) ? reseller.name() + " · brand" : "Your brand");
    Span sub =
        new Span(
            "How the product looks to "
                + reseller.name()
                + "'s tenants: sign-in page, app shell, browser tab and emails.");
    sub.addClassName("omni-muted");
    Div head = new Div(new Div(title, sub));
    head.addClassName("omni-console-head");
    BrandForm form =
        new BrandForm(
            current.brand(),
            inherited,
            EnumSet.allOf(BrandField.class),
            (field, bytes) ->
                brands.uploadResellerImage(reseller.id(), field, bytes, user.email()).brand(),
            Toasts::error);
    form.setId("reseller-brand-form");

    CheckboxGroup<BrandField> overridable = new CheckboxGroup<>("Tenants may change");
    overridable.setId("tenant-overridable");
    overridable.setItems(BrandField.values());
    overridable.setItemLabelGenerator(ResellerBrandView::label);
    overridable.setValue(current.policy().tenantOverridable());
    Checkbox poweredBy = new Checkbox("Show \"Powered by OmniReach\"");
    poweredBy.setId("powered-by");
    poweredBy.setValue(current.policy().showPoweredBy());
    poweredBy.setReadOnly(!user.has(Role.OWNER));
    poweredBy.setHelperText(
        user.has(Role.OWNER)
            ? "Part of the reseller's plan: white-label plans hide it."
            : "Part of your plan with the platform; ask the platform owner to change it.");
    Paragraph policyHint =
        new Paragraph("Tenant admins see the rest of your brand read-only in Settings → Branding.");
    policyHint.addClassName("omni-muted");
    Div policy = new Div(new H3("Tenant branding"), policyHint, overridable, poweredBy);
    policy.addClassNames("omni-panel", "omni-brand-policy");

    Button save =
        new Button(
            "Save brand",
            e -> {
              if (!form.isValid()) {
                return;
              }
              try {
                brands.updateReseller(reseller.id(), form.changes(), user.email());
                brands.updatePolicy(
                    reseller.id(),
                    user.has(Role.OWNER) ? poweredBy.getValue() : null,
                    overridable.getValue(),
                    user.email());
                Toasts.success("Brand saved");
                if (!user.has(Role.OWNER)) {
                  BrandChangedEvent.fire(UI.getCurrent());
                }
              } catch (DomainException ex) {
                Toasts.error(ex.getMessage());
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("save-brand");
    Div formPanel = new Div(new H3("Brand"), form);
    formPanel.addClassName("omni-panel");
    Div actions = new Div(save);
    actions.addClassName("omni-brand-actions");
    add(head, formPanel, policy, actions);
  }

  static String label(BrandField field) {
    return switch (field) {
      case PRODUCT_NAME -> "Product name";
      case LOGO -> "Logo";
      case FAVICON -> "Favicon";
      case PRIMARY_COLOR -> "Primary colour";
      case ACCENT_COLOR -> "Accent colour";
      case SUPPORT_EMAIL -> "Support email";
      case SUPPORT_URL -> "Support URL";
    };
  }
}
