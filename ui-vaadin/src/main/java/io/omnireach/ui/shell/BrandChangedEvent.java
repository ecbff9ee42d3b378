package io.omnireach.ui.shell;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/** Fired on the UI when the signed-in user's brand was saved, so the shell shows it at once. */
public class BrandChangedEvent extends ComponentEvent<UI> {

  public BrandChangedEvent(UI ui) {
    super(ui, false);
  }

  public static void fire(UI ui) {
    ComponentUtil.fireEvent(ui, new BrandChangedEvent(ui));
  }

  static Registration listen(UI ui, Runnable action) {
    return ComponentUtil.addListener(ui, BrandChangedEvent.class, e -> action.run());
  }
}
