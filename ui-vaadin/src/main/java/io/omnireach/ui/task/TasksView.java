package io.omnireach.ui.task;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Role;
import io.omnireach.workflow.engine.TaskView;
import io.omnireach.workflow.engine.Tasks;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Manual steps of workflows waiting for a person: the signed-in user's open tasks (Admins can see
 * everyone's), each with its lead and run; "Complete" marks it done and lets the run go on. The
 * last few completed tasks stay below for reference.
 */
@Route(value = "tasks", layout = MainLayout.class)
@PageTitle("Tasks")
@PermitAll
public class TasksView extends Div {

  static final int LIMIT = 200;
  static final int BADGE_LIMIT = 100;

  private final Tasks tasks;
  private final AuthenticatedUser user;
  private final boolean admin;
  private final boolean writer;
  private final Div list = new Div();
  private final Div done = new Div();
  private final Span total = new Span();
  private Button mine;
  private Button everyone;
  private boolean showAll;

  @Inject
  public TasksView(Tasks tasks) {
    this.tasks = tasks;
    this.user = UiSession.require();
    this.admin = user.has(Role.ADMIN);
    this.writer = user.canWrite();
    addClassNames("omni-page", "omni-tasks");
    if (user.tenant() == null) {
      add(
          new EmptyState(
              VaadinIcon.CHECK_SQUARE_O,
              "No workspace selected",
              "Sign in with a tenant to see its tasks."));
      return;
    }
    list.setId("tasks-list");
    list.addClassName("omni-tasks-list");
    done.setId("tasks-done");
    done.addClassName("omni-tasks-done");
    add(header(), list, done);
    refresh();
  }

  /** Open tasks assigned to the user (for the navigation badge), capped at 100. */
  public static int openCount(Tasks tasks, AuthenticatedUser user) {
    if (user.tenant() == null) {
      return 0;
    }
    return tasks.list(user.tenant().ref(), "open", user.email(), BADGE_LIMIT).size();
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private Component header() {
    H2 title = new H2("Tasks");
    total.setId("tasks-total");
    total.addClassName("omni-lead-total");
    Span sub = new Span("Workflow steps that need a person. Completing one lets its run go on.");
    sub.addClassName("omni-muted");
    Div text = new Div(new Div(title, total), sub);
    text.addClassName("omni-lead-title");
    Div head = new Div(text);
    head.addClassName("omni-lead-header");
    if (admin) {
      mine = new Button("Mine", e -> scope(false));
      mine.setId("tasks-mine");
      everyone = new Button("Everyone", e -> scope(true));
      everyone.setId("tasks-everyone");
      mine.addThemeVariants(ButtonVariant.LUMO_SMALL);
      everyone.addThemeVariants(ButtonVariant.LUMO_SMALL);
      Div range = new Div(mine, everyone);
      range.addClassName("omni-range");
      head.add(range);
    }
    return head;
  }

  private void scope(boolean all) {
    showAll = all;
    refresh();
  }

  private void refresh() {
    if (mine != null) {
      mine.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
      everyone.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
      (showAll ? everyone : mine).addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }
    String assignee = showAll ? null : user.email();
    List<TaskView> open = tasks.list(tenant(), "open", assignee, LIMIT);
    total.setText(open.size() == 1 ? "1 open" : open.size() + " open");
    list.removeAll();
    if (open.isEmpty()) {
      EmptyState empty =
          new EmptyState(
              VaadinIcon.CHECK_SQUARE_O,
              showAll ? "No open tasks in this workspace" : "You are all caught up",
              "When a workflow reaches a Task step assigned to "
                  + (showAll ? "someone" : "you")
                  + ", it shows up here with its lead; the run waits until the task is done.");
      empty.setId("tasks-empty");
      empty.addClassName("omni-tasks-empty");
      list.add(empty);
    } else {
      open.forEach(t -> list.add(card(t)));
    }
    done.removeAll();
    List<TaskView> recent = tasks.list(tenant(), "done", assignee, 5);
    if (!recent.isEmpty()) {
      done.add(new H3("Done recently"));
      recent.forEach(t -> done.add(doneRow(t)));
    }
  }

  private Component card(TaskView t) {
    Icon icon = VaadinIcon.CHECK_SQUARE_O.create();
    icon.addClassName("omni-task-icon");
    Span title = new Span(t.title());
    title.addClassName("omni-task-title");
    Div meta = new Div();
    meta.addClassName("omni-task-meta");
    if (t.leadId() != null) {
      Anchor lead = new Anchor("leads/" + t.leadId(), t.leadName() == null ? "Lead" : t.leadName());
      lead.addClassName("omni-task-lead");
      meta.add(lead);
    }
    Anchor run = new Anchor("runs/" + t.runId(), t.workflowName() + " · run #" + t.runId());
    run.addClassName("omni-task-run");
    meta.add(run);
    Span age = new Span(ago(t.createdAt(), Instant.now()));
    age.addClassName("omni-muted");
    meta.add(age);
    if (showAll || t.assignee() == null || !t.assignee().equalsIgnoreCase(user.email())) {
      Span who = new Span(t.assignee() == null ? "Unassigned" : "For " + t.assignee());
      who.addClassName("omni-task-assignee");
      meta.add(who);
    }
    Div text = new Div(title, meta);
    text.addClassName("omni-task-text");
    Div card = new Div(icon, text);
    card.addClassName("omni-task-card");
    card.setId("task-" + t.id());
    if (writer && (admin || mineOrUnassigned(t))) {
      Button complete = new Button("Complete", VaadinIcon.CHECK.create(), e -> complete(t, card));
      complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
      complete.setId("task-complete-" + t.id());
      complete.setDisableOnClick(true);
      card.add(complete);
    }
    return card;
  }

  private boolean mineOrUnassigned(TaskView t) {
    return t.assignee() == null || t.assignee().equalsIgnoreCase(user.email());
  }

  private Component doneRow(TaskView t) {
    Icon icon = VaadinIcon.CHECK_CIRCLE.create();
    icon.addClassName("omni-task-done-icon");
    Span title = new Span(t.title());
    Span when =
        new Span(
            (t.doneBy() == null ? "Done" : "Done by " + t.doneBy())
                + (t.doneAt() == null ? "" : " · " + ago(t.doneAt(), Instant.now())));
    when.addClassName("omni-muted");
    Anchor run = new Anchor("runs/" + t.runId(), "run #" + t.runId());
    Div row = new Div(icon, title, run, when);
    row.addClassName("omni-task-done-row");
    return row;
  }

  private void complete(TaskView t, Div card) {
    try {
      tasks.complete(tenant(), t.id(), user.email(), admin);
      toast("Done: " + t.title() + ". The run goes on.", false);
    } catch (DomainException e) {
      toast(e.getMessage(), true);
    }
    refresh();
    getUI().ifPresent(TasksChangedEvent::fire);
  }

  static String ago(Instant at, Instant now) {
    Duration d = Duration.between(at, now);
    if (d.toMinutes() < 1) {
      return "just now";
    }
    if (d.toHours() < 1) {
      return d.toMinutes() + " min ago";
    }
    if (d.toDays() < 1) {
      return d.toHours() + " h ago";
    }
    return String.format(Locale.ENGLISH, "%d d ago", d.toDays());
  }

  private static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
