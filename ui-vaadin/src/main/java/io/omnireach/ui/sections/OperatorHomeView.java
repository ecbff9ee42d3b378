package io.omnireach.ui.sections;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.Branding;
import io.omnireach.user.Role;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;

/** Home of an operator (Owner, Reseller) signed in without a tenant: their tenants. */
public class OperatorHomeView extends Div {

  public OperatorHomeView() {
    AuthenticatedUser user = UiSession.require();
    TenantDirectory directory = CDI.current().select(TenantDirectory.class).get();
    List<Tenant> tenants =
        directory.list(
            user.has(Role.OWNER) ? null : user.resellerId() == null ? -1L : user.resellerId());
    H2 title = new H2(user.has(Role.OWNER) ? "Platform tenants" : "Your tenants");
    Span sub =
        new Span(tenants.size() + " tenants · create and suspend them through /api/v1/tenants");
    sub.addClassName("omni-muted");
    Grid<Tenant> grid = new Grid<>();
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.addComponentColumn(
            t -> {
              Image logo = new Image(Branding.logo(t), "");
              logo.setWidth("28px");
              return logo;
            })
        .setWidth("64px")
        .setFlexGrow(0);
    grid.addColumn(Tenant::displayName).setHeader("Tenant").setAutoWidth(true);
    grid.addColumn(Tenant::slug).setHeader("Slug");
    grid.addColumn(t -> t.status().name()).setHeader("Status");
    grid.addColumn(Tenant::createdAt).setHeader("Created");
    grid.setItems(tenants);
    grid.setAllRowsVisible(true);
    Div panel = new Div(new H3("Tenants"), grid);
    panel.addClassName("omni-panel");
    Div head = new Div(title, sub);
    head.addClassName("omni-greeting");
    add(head, panel);
  }
}
