package io.omnireach.ui.shell;

import com.vaadin.flow.dom.Style;
import io.omnireach.tenant.Tenant;
import java.util.regex.Pattern;

/** Applies a tenant's colour to the Lumo theme through CSS custom properties. */
public final class Branding {

  public static final String PRODUCT_COLOUR = "#6d28d9";
  public static final String PRODUCT_LOGO = "brand/omnireach.svg";
  private static final Pattern HEX = Pattern.compile("^#[0-9a-fA-F]{6}$");

  private Branding() {}

  public static void apply(Style style, String hexColour) {
    String hex = hexColour != null && HEX.matcher(hexColour).matches() ? hexColour : PRODUCT_COLOUR;
    int r = Integer.parseInt(hex.substring(1, 3), 16);
    int g = Integer.parseInt(hex.substring(3, 5), 16);
    int b = Integer.parseInt(hex.substring(5, 7), 16);
    String rgb = r + ", " + g + ", " + b;
    style.set("--lumo-primary-color", hex);
    style.set("--lumo-primary-text-color", hex);
    style.set("--lumo-primary-color-50pct", "rgba(" + rgb + ", 0.5)");
    style.set("--lumo-primary-color-10pct", "rgba(" + rgb + ", 0.1)");
    style.set("--omni-brand-rgb", rgb);
  }

  public static void apply(Style style, Tenant tenant) {
    apply(style, tenant == null ? null : tenant.branding().primaryColor());
  }

  /** Relative logo paths resolve against the app root; absolute https URLs are used as is. */
  public static String logo(Tenant tenant) {
    if (tenant == null || tenant.branding().logoUrl() == null) {
      return PRODUCT_LOGO;
    }
    String url = tenant.branding().logoUrl();
    return url.startsWith("/") ? url.substring(1) : url;
  }
}
