package io.omnireach.ui.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;

/** Page-level settings: title, favicon, our stylesheet (served from the jar, no frontend build). */
@Meta(name = "description", content = "OmniReach — AI-personalised, multi-channel outreach")
@StyleSheet("context://styles/omnireach.css")
public class AppShell implements AppShellConfigurator {

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.setPageTitle("OmniReach");
    settings.addFavIcon("icon", "brand/omnireach.svg", "64x64");
    // Apply the saved colour scheme before first paint, so dark mode does not flash.
    settings.addInlineWithContents(
        Inline.Position.APPEND,
        "try{if(localStorage.getItem('omnireach-theme')==='dark'){"
            + "document.documentElement.setAttribute('theme','dark');}}catch(e){}",
        Inline.Wrapping.JAVASCRIPT);
  }
}
