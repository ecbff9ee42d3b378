package io.omnireach.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandResolver;
import io.omnireach.brand.EffectiveBrand;
import io.omnireach.user.Role;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Puts a white-label brand on the page: Lumo colours as CSS custom properties (with a lighter tint
 * of the primary colour for text on dark backgrounds), the favicon and the product name.
 */
public final class Branding {

  public static final String PRODUCT_COLOUR = Brand.PLATFORM_DEFAULT.primaryColor();
  public static final String PRODUCT_LOGO = "brand/omnireach.svg";

  /** The dark-mode surface (omnireach.css) that text tints must stay readable on. */
  static final String DARK_SURFACE = "#171b26";

  private Branding() {}

  /** The brand a signed-in user sees: their tenant's, their reseller's, or the platform's. */
  public static EffectiveBrand of(AuthenticatedUser user) {
    BrandResolver resolver = CDI.current().select(BrandResolver.class).get();
    if (user.tenant() != null) {
      return resolver.forTenant(user.tenant().id());
    }
    if (user.resellerId() != null && !user.has(Role.OWNER)) {
      return resolver.forReseller(user.resellerId());
    }
    return resolver.platform();
  }

  /** Colours on {@code element} and its subtree (the body for the shell, a panel for previews). */
  public static void apply(Element element, Brand brand) {
    String primary = colour(brand.primaryColor(), PRODUCT_COLOUR);
    String accent = colour(brand.accentColor(), primary);
    int[] rgb = Colours.rgb(primary);
    String triple = rgb[0] + ", " + rgb[1] + ", " + rgb[2];
    var style = element.getStyle();
    element.getClassList().add("omni-branded");
    style.set("--lumo-primary-color", primary);
    style.set("--lumo-primary-color-50pct", "rgba(" + triple + ", 0.5)");
    style.set("--lumo-primary-color-10pct", "rgba(" + triple + ", 0.1)");
    style.set("--omni-brand-rgb", triple);
    style.set("--omni-primary-text", primary);
    style.set("--omni-primary-text-dark", Colours.readableOn(primary, DARK_SURFACE));
    style.set("--omni-accent", accent);
    style.set("--omni-accent-text-dark", Colours.readableOn(accent, DARK_SURFACE));
  }

  /** The whole page: colours on the body, the favicon in the head. */
  public static void applyToPage(UI ui, EffectiveBrand brand) {
    apply(ui.getElement(), brand.brand());
    String favicon = brand.brand().faviconUrl();
    ui.getPage()
        .executeJs(
            "let l=document.querySelector('link[rel~=icon]');"
                + "if(!l){l=document.createElement('link');l.rel='icon';document.head.appendChild(l);}"
                + "l.href=$0;",
            url(favicon != null ? favicon : brand.brand().logoUrl(), PRODUCT_LOGO));
  }

  /** A document title with the product name: "Tenants · Acme Cloud". */
  public static void title(UI ui, String page, EffectiveBrand brand) {
    String product = brand.brand().productName();
    String title = page == null || page.isBlank() ? product : page + " · " + product;
    // the router sets the view's @PageTitle after the navigation listeners: set ours after it
    ui.beforeClientResponse(ui, context -> ui.getPage().setTitle(title));
  }

  /** The logo URL relative to the app root, or the product logo. */
  public static String logo(EffectiveBrand brand) {
    return url(brand.brand().logoUrl(), PRODUCT_LOGO);
  }

  /** Relative paths resolve against the app root; absolute https URLs are used as they are. */
  public static String url(String value, String fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return value.startsWith("/") ? value.substring(1) : value;
  }

  private static String colour(String value, String fallback) {
    return Colours.isHex(value) ? value.toLowerCase(java.util.Locale.ROOT) : fallback;
  }
}
