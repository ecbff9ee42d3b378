package io.omnireach.ui.brand;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.omnireach.brand.Brand;
import io.omnireach.ui.shell.Branding;

/**
 * A miniature of the product in a brand, side by side in light and dark mode: header with logo and
 * product name, an active navigation item, a primary button and an accent badge.
 */
public class BrandPreview extends Div {

  private final Div light = new Div();
  private final Div dark = new Div();

  public BrandPreview() {
    addClassName("omni-brand-preview");
    setId("brand-preview");
    light.addClassNames("omni-preview-pane");
    dark.addClassNames("omni-preview-pane", "omni-preview-dark");
    dark.getElement().setAttribute("theme", "dark");
    add(light, dark);
  }

  /** Shows {@code brand} (fields resolved: nothing null but the optional ones). */
  public void show(Brand brand) {
    render(light, brand, "Light");
    render(dark, brand, "Dark");
  }

  private static void render(Div pane, Brand brand, String mode) {
    pane.removeAll();
    Branding.apply(pane.getElement(), brand);
    Image logo = new Image(Branding.url(brand.logoUrl(), Branding.PRODUCT_LOGO), "");
    logo.addClassName("omni-preview-logo");
    Span name = new Span(brand.productName());
    name.addClassName("omni-preview-name");
    name.addClassName("omni-preview-product");
    Span label = new Span(mode);
    label.addClassName("omni-preview-mode");
    Div top = new Div(logo, name, label);
    top.addClassName("omni-preview-top");
    Div nav =
        new Div(
            navItem(VaadinIcon.DASHBOARD, "Dashboard", false),
            navItem(VaadinIcon.USERS, "Leads", true),
            navItem(VaadinIcon.CONNECT, "Workflows", false));
    nav.addClassName("omni-preview-nav");
    Span link = new Span("12 new replies");
    link.addClassName("omni-preview-link");
    Span badge = new Span("Accent");
    badge.addClassName("omni-preview-accent");
    Button primary = new Button("Primary action");
    primary.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
    primary.setTabIndex(-1);
    Div actions = new Div(primary, badge);
    actions.addClassName("omni-preview-actions");
    Div main = new Div(link, actions);
    main.addClassName("omni-preview-main");
    Div body = new Div(nav, main);
    body.addClassName("omni-preview-body");
    pane.add(top, body);
  }

  private static Div navItem(VaadinIcon icon, String text, boolean current) {
    Div item = new Div(icon.create(), new Span(text));
    item.addClassName("omni-preview-item");
    if (current) {
      item.addClassName("current");
    }
    return item;
  }
}
