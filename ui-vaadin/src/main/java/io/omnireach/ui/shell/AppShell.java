package io.omnireach.ui.shell;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Page-level settings: title, favicon and our stylesheet, linked from the page head (served from
 * the jar's META-INF/resources; no frontend build involved).
 */
@Meta(name = "description", content = "OmniReach — AI-personalised, multi-channel outreach")
public class AppShell implements AppShellConfigurator {

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.setPageTitle("OmniReach");
    settings.addFavIcon("icon", "brand/omnireach.svg", "64x64");
    settings.addLink("stylesheet", "styles/omnireach.css");
    settings.addLink("stylesheet", "styles/runs.css");
    settings.addLink("stylesheet", "styles/domains.css");
    settings.addLink("stylesheet", "styles/console.css");
    settings.addLink("stylesheet", "styles/billing.css");
    settings.addLink("stylesheet", "styles/knowledge.css");
    settings.addLink("stylesheet", "styles/accounts.css");
    settings.addLink("stylesheet", "styles/policies.css");
    settings.addLink("stylesheet", "styles/simulation.css");
    settings.addLink("stylesheet", "styles/deals.css");
    settings.addLink("stylesheet", "styles/deal-documents.css");
    settings.addLink("stylesheet", "styles/audit.css");
    settings.addLink("stylesheet", "styles/marketplace.css");
    settings.addLink("stylesheet", "styles/privacy.css");
    settings.addLink("stylesheet", "styles/roles.css");
    // Apply the saved colour scheme before first paint, so dark mode does not flash.
    settings.addInlineWithContents(
        Inline.Position.APPEND,
        "try{if(localStorage.getItem('omnireach-theme')==='dark'){"
            + "document.documentElement.setAttribute('theme','dark');}}catch(e){}",
        Inline.Wrapping.JAVASCRIPT);
  }
}
