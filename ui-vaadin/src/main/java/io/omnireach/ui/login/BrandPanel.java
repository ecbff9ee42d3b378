package io.omnireach.ui.login;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.omnireach.brand.EffectiveBrand;
import io.omnireach.ui.shell.Branding;

/**
 * The left half of the pages people see before they sign in (login, invitation): the logo and name
 * of the workspace they are joining, in its brand, with the reseller's product in the foot.
 */
final class BrandPanel extends Div {

  BrandPanel() {
    addClassName("omni-login-brand");
  }

  /**
   * @param workspace the tenant's name, or null on the platform's own pages
   */
  void show(EffectiveBrand brand, String workspace, String headline, String lead) {
    removeAll();
    Branding.applyToPage(UI.getCurrent(), brand);
    Image logo = new Image(Branding.logo(brand), "");
    logo.addClassName("omni-login-logo");
    Span name = new Span(workspace == null ? brand.brand().productName() : workspace);
    name.addClassName("omni-login-brand-name");
    Div top = new Div(logo, name);
    top.addClassName("omni-login-brand-top");
    UnorderedList points =
        new UnorderedList(
            new ListItem("Personas that write like your best rep"),
            new ListItem("Durable email workflows that survive restarts"),
            new ListItem("Replies, meetings and revenue in one view"));
    Div copy = new Div(new H1(headline), new Paragraph(lead), points);
    copy.addClassName("omni-login-copy");
    Span foot = new Span(foot(brand, workspace));
    foot.addClassName("omni-login-foot");
    foot.setId("login-foot");
    add(top, copy, foot);
  }

  /** The platform's pages say what OmniReach is; a tenant's page names the reseller's product. */
  static String foot(EffectiveBrand brand, String workspace) {
    if (workspace == null) {
      return "Open source · self-hostable";
    }
    String product = brand.brand().productName();
    return brand.showPoweredBy() && !"OmniReach".equals(product)
        ? product + " · Powered by OmniReach"
        : product;
  }
}
