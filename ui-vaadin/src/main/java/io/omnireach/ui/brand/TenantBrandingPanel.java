package io.omnireach.ui.brand;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandResolver;
import io.omnireach.brand.Brands;
import io.omnireach.brand.EffectiveBrand;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.Tenant;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.BrandChangedEvent;
import io.omnireach.ui.shell.Toasts;
import jakarta.inject.Inject;
import java.util.stream.Collectors;

/**
 * Settings → Branding for a tenant Admin: the workspace's overrides of its reseller's brand,
 * limited to the fields the reseller allows; the others show read-only.
 */
public class TenantBrandingPanel extends Div {

  @Inject
  public TenantBrandingPanel(Brands brands, BrandResolver resolver) {
    addClassName("omni-panel");
    setId("tenant-branding");
    AuthenticatedUser user = UiSession.require();
    Tenant tenant = user.tenant();
    EffectiveBrand effective = resolver.forTenant(tenant.id());
    Brand inherited =
        tenant.resellerId() == null
            ? resolver.platform().brand()
            : resolver.forReseller(tenant.resellerId()).brand();
    Paragraph hint =
        new Paragraph(
            effective.tenantOverridable().isEmpty()
                ? "Your provider sets this workspace's brand; nothing here can be changed."
                : "You can change: "
                    + effective.tenantOverridable().stream()
                        .map(ResellerBrandView::label)
                        .collect(Collectors.joining(", "))
                    + ". The rest comes from your provider.");
    hint.addClassName("omni-muted");
    BrandForm form =
        new BrandForm(
            brands.tenantOverrides(tenant.id()),
            inherited,
            effective.tenantOverridable(),
            (field, bytes) -> brands.uploadTenantImage(tenant.id(), field, bytes, user.email()),
            Toasts::error);
    Button save =
        new Button(
            "Save branding",
            e -> {
              if (!form.isValid()) {
                return;
              }
              try {
                brands.updateTenant(tenant.id(), form.changes(), user.email());
                Toasts.success("Branding saved");
                BrandChangedEvent.fire(UI.getCurrent());
              } catch (DomainException ex) {
                Toasts.error(ex.getMessage());
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("save-tenant-branding");
    save.setEnabled(!effective.tenantOverridable().isEmpty());
    Div actions = new Div(save);
    actions.addClassName("omni-brand-actions");
    add(new H3("Branding"), hint, form, actions);
  }
}
