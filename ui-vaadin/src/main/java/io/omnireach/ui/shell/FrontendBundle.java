package io.omnireach.ui.shell;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/**
 * Our own runtime-loaded script ({@code frontend/}, built by Maven into {@code
 * META-INF/resources/frontend-bundle}) that defines the custom elements {@code <omni-chart>} and
 * {@code <omni-workflow-canvas>}. Vaadin's frontend build is never involved.
 */
public final class FrontendBundle {

  /** Where the bundle is served from (inside the ui-vaadin jar). */
  public static final String URL = "context://frontend-bundle/omni-components.js";

  private static final String LOADED = FrontendBundle.class.getName() + ".loaded";

  private FrontendBundle() {}

  /** Adds the bundle's script to the page once per UI; every component that needs it calls this. */
  public static void load(UI ui) {
    if (ComponentUtil.getData(ui, LOADED) == null) {
      ComponentUtil.setData(ui, LOADED, Boolean.TRUE);
      ui.getPage().addJavaScript(URL);
    }
  }
}
