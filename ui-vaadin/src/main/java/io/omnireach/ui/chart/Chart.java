package io.omnireach.ui.chart;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.function.SerializableConsumer;
import elemental.json.Json;
import io.omnireach.ui.shell.FrontendBundle;

/**
 * An Apache ECharts chart: the {@code <omni-chart>} custom element of our own runtime-loaded bundle
 * ({@code frontend/}, built by Maven into {@code META-INF/resources/frontend-bundle}). The option
 * is ECharts' option object as JSON; the element follows its size and the page's dark mode.
 */
@Tag("omni-chart")
public class Chart extends Component implements HasSize, HasStyle {

  public Chart() {
    setWidthFull();
    setHeight("320px");
  }

  /** Sets ECharts' option (JSON object). */
  public Chart setOption(String json) {
    getElement().setPropertyJson("option", Json.parse(json));
    return this;
  }

  /** Forces "dark" or "light"; null follows the page. */
  public Chart setTheme(String theme) {
    getElement().setAttribute("theme", theme == null ? "" : theme);
    if (theme == null) {
      getElement().removeAttribute("theme");
    }
    return this;
  }

  /** Called with the id of a clicked data item that has one (e.g. a graph node's "lead:42"). */
  public Chart onItemClick(SerializableConsumer<String> listener) {
    getElement()
        .addEventListener(
            "chart-item-click", e -> listener.accept(e.getEventData().getString("event.detail.id")))
        .addEventData("event.detail.id");
    return this;
  }

  @Override
  protected void onAttach(AttachEvent event) {
    FrontendBundle.load(event.getUI());
  }
}
