package io.omnireach.ui.sections;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;

/** Marketplace: empty until the feature that fills it lands. */
@Route(value = "marketplace", layout = MainLayout.class)
@PageTitle("Marketplace")
@PermitAll
public class MarketplaceView extends EmptyState {

  public MarketplaceView() {
    super(
        VaadinIcon.SHOP,
        "Blocks from the community",
        "Install proven workflows, personas and channel plugins, or publish your own with the OmniReach SDK.");
  }
}
