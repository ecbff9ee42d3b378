package io.omnireach.ui.task;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/** Fired on the UI when a task was completed, so the navigation's open-count badge updates. */
public class TasksChangedEvent extends ComponentEvent<UI> {

  public TasksChangedEvent(UI ui) {
    super(ui, false);
  }

  static void fire(UI ui) {
    ComponentUtil.fireEvent(ui, new TasksChangedEvent(ui));
  }

  public static Registration listen(UI ui, Runnable action) {
    return ComponentUtil.addListener(ui, TasksChangedEvent.class, e -> action.run());
  }
}
