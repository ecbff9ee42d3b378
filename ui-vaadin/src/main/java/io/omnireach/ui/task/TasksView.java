package io.omnireach.ui.task;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
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
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.user.Role;
import io.omnireach.workflow.engine.TaskKind;
import io.omnireach.workflow.engine.TaskQueue;
import io.omnireach.workflow.engine.TaskView;
import io.omnireach.workflow.engine.Tasks;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.NodeTypes;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The daily task queue: workflow steps waiting for a person, in Today / Overdue / Upcoming / Done
 * (the signed-in user's; Admins can see everyone's). Each task is a card with its kind, lead, due
 * time, the text to copy, the LinkedIn profile link, and its outcome buttons (LinkedIn: sent,
 * accepted, replied, skip; Call: connected, voicemail, no answer, skip; a plain task: Complete) and
 * Snooze. Recording an outcome lets the run go on down that output.
 */
@Route(value = "tasks", layout = MainLayout.class)
@PageTitle("Tasks")
@Requires(Permission.TASKS_READ)
public class TasksView extends Div {

  static final int LIMIT = 200;
  static final int BADGE_LIMIT = 100;

  /** The Clipboard API where the page is a secure context, else the old textarea route. */
  private static final String COPY_JS =
      "const t = $0; if (navigator.clipboard && window.isSecureContext) {"
          + " navigator.clipboard.writeText(t); } else { const a ="
          + " document.createElement('textarea'); a.value = t; document.body.appendChild(a);"
          + " a.select(); document.execCommand('copy'); a.remove(); }";

  private static final List<TaskQueue> SECTIONS =
      List.of(TaskQueue.TODAY, TaskQueue.OVERDUE, TaskQueue.UPCOMING, TaskQueue.DONE);

  private final Tasks tasks;
  private final AuthenticatedUser user;
  private final boolean admin;
  private final boolean writer;
  private final Div tabs = new Div();
  private final Div list = new Div();
  private final Div done = new Div();
  private final Span total = new Span();
  private Button mine;
  private Button everyone;
  private boolean showAll;
  private TaskQueue section = TaskQueue.TODAY;
  // the browser's zone says when "today" is; UTC until the browser has told
  private ZoneId zone = ZoneOffset.UTC;

  @Inject
  public TasksView(Tasks tasks) {
    this.tasks = tasks;
    this.user = UiSession.require();
    this.admin = user.has(Role.ADMIN);
    this.writer = UiSession.can(user, io.omnireach.user.Permission.TASKS_WORK);
    addClassNames("omni-page", "omni-tasks");
    if (user.tenant() == null) {
      add(
          new EmptyState(
              VaadinIcon.CHECK_SQUARE_O,
              "No workspace selected",
              "Sign in with a tenant to see its tasks."));
      return;
    }
    tabs.setId("tasks-sections");
    tabs.addClassName("omni-runs-chips");
    list.setId("tasks-list");
    list.addClassName("omni-tasks-list");
    done.setId("tasks-done");
    done.addClassName("omni-tasks-done");
    add(header(), tabs, list, done);
    refresh();
    addAttachListener(
        e ->
            e.getUI()
                .getPage()
                .retrieveExtendedClientDetails(
                    d -> {
                      try {
                        ZoneId browser = ZoneId.of(d.getTimeZoneId());
                        if (!browser.normalized().equals(zone.normalized())) {
                          zone = browser;
                          refresh();
                        }
                      } catch (RuntimeException ignored) {
                        // an unknown zone id: stay on UTC
                      }
                    }));
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
    Span sub =
        new Span(
            "Your daily queue of workflow steps that need a person: LinkedIn touches, calls and"
                + " to-dos. Recording the outcome lets the run go on.");
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

  private String assignee() {
    return showAll ? null : user.email();
  }

  private void refresh() {
    if (mine != null) {
      mine.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
      everyone.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
      (showAll ? everyone : mine).addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }
    Map<TaskQueue, List<TaskView>> queue = new EnumMap<>(TaskQueue.class);
    for (TaskQueue s : SECTIONS) {
      queue.put(s, tasks.queue(tenant(), s, assignee(), zone, s == TaskQueue.DONE ? 50 : LIMIT));
    }
    int open =
        queue.get(TaskQueue.TODAY).size()
            + queue.get(TaskQueue.OVERDUE).size()
            + queue.get(TaskQueue.UPCOMING).size();
    total.setText(open == 1 ? "1 open" : open + " open");
    tabs.removeAll();
    for (TaskQueue s : SECTIONS) {
      tabs.add(tab(s, queue.get(s).size()));
    }
    list.removeAll();
    List<TaskView> shown = queue.get(section);
    if (shown.isEmpty()) {
      list.add(empty());
    } else {
      shown.forEach(t -> list.add(card(t)));
    }
    done.removeAll();
    List<TaskView> recent = queue.get(TaskQueue.DONE);
    if (section != TaskQueue.DONE && !recent.isEmpty()) {
      done.add(new H3("Done recently"));
      recent.stream().limit(5).forEach(t -> done.add(doneRow(t)));
    }
  }

  private Button tab(TaskQueue s, int n) {
    Span count = new Span(String.format("%,d", n));
    count.addClassName("omni-runs-chip-count");
    Button b = new Button(label(s), e -> show(s));
    b.setSuffixComponent(count);
    String key = s.name().toLowerCase(Locale.ROOT);
    b.setId("tasks-tab-" + key);
    b.addClassNames("omni-runs-chip", "omni-tasks-tab-" + key);
    if (n > 0) {
      b.addClassName("has-runs");
    }
    b.getElement().setAttribute("aria-pressed", Boolean.toString(s == section));
    if (s == section) {
      b.addClassName("is-active");
    }
    return b;
  }

  private void show(TaskQueue s) {
    section = s;
    refresh();
  }

  private static String label(TaskQueue s) {
    return switch (s) {
      case TODAY -> "Today";
      case OVERDUE -> "Overdue";
      case UPCOMING -> "Upcoming";
      case DONE -> "Done";
      case ALL -> "All";
    };
  }

  private Component empty() {
    String who = showAll ? "someone" : "you";
    EmptyState empty =
        switch (section) {
          case OVERDUE ->
              new EmptyState(VaadinIcon.CHECK_CIRCLE, "Nothing overdue", "Nice: no task is late.");
          case UPCOMING ->
              new EmptyState(
                  VaadinIcon.CALENDAR,
                  "Nothing coming up",
                  "Tasks due after today and snoozed tasks show up here.");
          case DONE ->
              new EmptyState(
                  VaadinIcon.CHECK_SQUARE_O,
                  "Nothing done yet",
                  "Tasks with a recorded outcome show up here.");
          default ->
              new EmptyState(
                  VaadinIcon.CHECK_SQUARE_O,
                  showAll ? "No tasks due today in this workspace" : "You are all caught up",
                  "When a workflow reaches a Task, LinkedIn or Call step assigned to "
                      + who
                      + ", it shows up here with its lead; the run waits until the task is done.");
        };
    empty.setId("tasks-empty");
    empty.addClassName("omni-tasks-empty");
    return empty;
  }

  private Component card(TaskView t) {
    Span title = new Span(t.title());
    title.addClassName("omni-task-title");
    Span kind = new Span(kindLabel(t));
    kind.addClassName("omni-task-kind");
    Div titleRow = new Div(title, kind);
    titleRow.addClassName("omni-task-title-row");
    if (t.open()) {
      titleRow.add(dueBadge(t));
    }
    Div meta = new Div();
    meta.addClassName("omni-task-meta");
    if (t.leadId() != null) {
      Anchor lead = new Anchor("leads/" + t.leadId(), t.leadName() == null ? "Lead" : t.leadName());
      lead.addClassName("omni-task-lead");
      meta.add(lead);
    }
    // a deal desk approval has no run: it links to its deal
    Anchor run =
        t.runId() == 0
            ? new Anchor(t.link(), "Deal desk approval")
            : new Anchor("runs/" + t.runId(), t.workflowName() + " · run #" + t.runId());
    run.addClassName("omni-task-run");
    meta.add(run);
    if (showAll || t.assignee() == null || !t.assignee().equalsIgnoreCase(user.email())) {
      Span who = new Span(t.assignee() == null ? "Unassigned" : "For " + t.assignee());
      who.addClassName("omni-task-assignee");
      meta.add(who);
    }
    Div text = new Div(titleRow, meta);
    text.addClassName("omni-task-text");
    if (t.body() != null && !t.body().isBlank()) {
      text.add(copyBox(t));
    }
    if (t.link() != null && t.runId() != 0) {
      text.add(link(t));
    }
    Div card = new Div(kindIcon(t.kind()), text);
    card.addClassNames("omni-task-card", "omni-task-card-" + t.kind().db());
    card.setId("task-" + t.id());
    card.getElement().setAttribute("data-kind", t.kind().db());
    if (!t.open()) {
      text.add(outcomeLine(t));
    } else if (writer && (admin || mineOrUnassigned(t))) {
      text.add(actions(t));
    }
    return card;
  }

  /** The kind's icon and colour, as the node's palette entry draws them on the canvas. */
  private static Component kindIcon(TaskKind kind) {
    String type =
        switch (kind) {
          case LINKEDIN -> "linkedin_task";
          case CALL -> "call";
          case GENERIC -> "task";
        };
    NodePalette p = NodeTypes.find(type).map(NodeTypeFactory::palette).orElse(null);
    Span icon = new Span();
    icon.addClassName("omni-task-icon");
    if (p != null) {
      icon.getElement()
          .setProperty(
              "innerHTML",
              "<svg viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" fill=\"none\""
                  + " stroke=\"currentColor\" stroke-width=\"1.8\" stroke-linecap=\"round\""
                  + " stroke-linejoin=\"round\">"
                  + p.icon()
                  + "</svg>");
      icon.getStyle().set("--task-color", p.color());
    }
    return icon;
  }

  private static String kindLabel(TaskView t) {
    return switch (t.kind()) {
      case LINKEDIN ->
          switch (t.action() == null ? "" : t.action()) {
            case "message" -> "LinkedIn · message";
            case "view_profile" -> "LinkedIn · view profile";
            default -> "LinkedIn · connect";
          };
      case CALL -> "Call";
      case GENERIC -> "Task";
    };
  }

  private Span dueBadge(TaskView t) {
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, zone);
    Instant when = t.when();
    LocalDateTime local = LocalDateTime.ofInstant(when, zone);
    String text;
    String tone;
    if (t.snoozedUntil() != null && t.snoozedUntil().isAfter(now)) {
      text = "Snoozed until " + day(local.toLocalDate(), today) + ", " + HM.format(local);
      tone = "snoozed";
    } else if (local.toLocalDate().isBefore(today)) {
      long days = Duration.between(when, now).toDays();
      text = "Overdue " + (days < 1 ? "since yesterday" : days + " d");
      tone = "overdue";
    } else if (local.toLocalDate().equals(today)) {
      text = when.isAfter(now) ? "Due today, " + HM.format(local) : "Due today";
      tone = "today";
    } else {
      text = "Due " + day(local.toLocalDate(), today) + ", " + HM.format(local);
      tone = "upcoming";
    }
    Span badge = new Span(text);
    badge.addClassNames("omni-task-due", "omni-task-due-" + tone);
    return badge;
  }

  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private static String day(LocalDate d, LocalDate today) {
    if (d.equals(today)) {
      return "today";
    }
    if (d.equals(today.plusDays(1))) {
      return "tomorrow";
    }
    return DAY.format(d);
  }

  private Component copyBox(TaskView t) {
    Div body = new Div();
    body.setText(t.body());
    body.addClassName("omni-task-body");
    body.setId("task-text-" + t.id());
    Button copy =
        new Button(
            "Copy",
            VaadinIcon.COPY_O.create(),
            e -> {
              getElement().executeJs(COPY_JS, t.body());
              Notification n =
                  Notification.show(
                      "Copied to the clipboard.", 2000, Notification.Position.BOTTOM_END);
              n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
            });
    copy.setId("task-copy-" + t.id());
    copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    Span source = new Span(sourceLabel(t));
    source.addClassName("omni-task-source");
    if ("offline".equals(t.bodySource())) {
      source.addClassName("is-offline");
    }
    Div foot = new Div(source, copy);
    foot.addClassName("omni-task-body-foot");
    Div box = new Div(body, foot);
    box.addClassName("omni-task-body-box");
    return box;
  }

  private static String sourceLabel(TaskView t) {
    String s = t.bodySource();
    if (s == null || s.equals("config")) {
      return "Text from the workflow step";
    }
    if (s.equals("deal desk")) {
      return "Proposed by the deal desk's decision engine, within the price book's limits";
    }
    if (s.equals("offline")) {
      return "Offline template: no AI provider is set up, so this text is not personalised by AI";
    }
    return "AI-written by " + s;
  }

  private static Component link(TaskView t) {
    boolean tel = t.link().startsWith("tel:");
    boolean search = t.link().contains("linkedin.com/search/");
    String label =
        tel
            ? "Call " + t.link().substring(4)
            : search ? "Find on LinkedIn (no profile URL on the lead)" : "Open LinkedIn profile";
    Anchor a = new Anchor(t.link(), "");
    Icon icon = (tel ? VaadinIcon.PHONE : VaadinIcon.EXTERNAL_LINK).create();
    a.add(icon, new Span(label));
    a.setId("task-link-" + t.id());
    a.addClassName("omni-task-link");
    if (!tel) {
      a.setTarget(AnchorTarget.BLANK);
      // a new tab that cannot reach back into the app
      a.getElement().setAttribute("rel", "noopener noreferrer");
    }
    return a;
  }

  private Component actions(TaskView t) {
    Div row = new Div();
    row.addClassName("omni-task-actions");
    if (t.kind() == TaskKind.GENERIC) {
      Button complete = new Button("Complete", VaadinIcon.CHECK.create(), e -> record(t, null));
      complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
      complete.setId("task-complete-" + t.id());
      complete.setDisableOnClick(true);
      row.add(complete);
    } else {
      Span ask = new Span(t.kind() == TaskKind.CALL ? "How did the call go?" : "What happened?");
      ask.addClassName("omni-task-ask");
      row.add(ask);
      for (String o : t.kind().outcomes()) {
        Button b = new Button(outcomeLabel(o), outcomeIcon(o).create(), e -> record(t, o));
        b.setId("task-" + t.id() + "-outcome-" + o);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (o.equals("skipped")) {
          b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        } else {
          b.addClassName("omni-task-outcome");
        }
        b.setDisableOnClick(true);
        row.add(b);
      }
    }
    Button snooze = new Button("Snooze", VaadinIcon.CLOCK.create());
    snooze.setId("task-snooze-" + t.id());
    snooze.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    snooze.addClassName("omni-task-snooze");
    ContextMenu menu = new ContextMenu(snooze);
    menu.setOpenOnClick(true);
    ZonedNow n = new ZonedNow(zone);
    menu.addItem("In 3 hours", e -> snooze(t, Instant.now().plus(Duration.ofHours(3))));
    menu.addItem("Tomorrow, 09:00", e -> snooze(t, n.at(n.today.plusDays(1), 9)));
    menu.addItem(
        "Next Monday, 09:00",
        e -> snooze(t, n.at(n.today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), 9)));
    menu.addItem("Pick a date and time…", e -> pickSnooze(t));
    row.add(snooze);
    return row;
  }

  private record ZonedNow(ZoneId zone, LocalDate today) {
    ZonedNow(ZoneId zone) {
      this(zone, LocalDate.now(zone));
    }

    Instant at(LocalDate d, int hour) {
      return d.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }
  }

  private void pickSnooze(TaskView t) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Snooze until");
    DateTimePicker picker = new DateTimePicker();
    picker.setId("task-snooze-picker");
    picker.setStep(Duration.ofMinutes(15));
    picker.setMin(LocalDateTime.now(zone));
    picker.setValue(LocalDate.now(zone).plusDays(1).atTime(9, 0));
    dialog.add(picker);
    Button ok =
        new Button(
            "Snooze",
            e -> {
              if (picker.getValue() == null || picker.isInvalid()) {
                picker.setErrorMessage("Pick a time in the future.");
                picker.setInvalid(true);
                return;
              }
              if (snooze(t, picker.getValue().atZone(zone).toInstant())) {
                dialog.close();
              }
            });
    ok.setId("task-snooze-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
    dialog.open();
  }

  private boolean snooze(TaskView t, Instant until) {
    try {
      tasks.snooze(tenant(), t.id(), until, user.email(), admin);
      LocalDateTime local = LocalDateTime.ofInstant(until, zone);
      toast(
          "Snoozed until "
              + day(local.toLocalDate(), LocalDate.now(zone))
              + ", "
              + HM.format(local)
              + ".",
          false);
      refresh();
      return true;
    } catch (DomainException e) {
      toast(e.getMessage(), true);
      refresh();
      return false;
    }
  }

  private static String outcomeLabel(String o) {
    return switch (o) {
      case "sent" -> "Sent";
      case "accepted" -> "Accepted";
      case "replied" -> "Replied";
      case "connected" -> "Connected";
      case "voicemail" -> "Voicemail";
      case "no_answer" -> "No answer";
      case "skipped" -> "Skip";
      case "done" -> "Done";
      default -> o;
    };
  }

  private static VaadinIcon outcomeIcon(String o) {
    return switch (o) {
      case "sent" -> VaadinIcon.PAPERPLANE_O;
      case "accepted" -> VaadinIcon.HANDSHAKE;
      case "replied" -> VaadinIcon.COMMENT_O;
      case "connected" -> VaadinIcon.PHONE;
      case "voicemail" -> VaadinIcon.RECORDS;
      case "no_answer" -> VaadinIcon.BAN;
      case "skipped" -> VaadinIcon.ARROW_FORWARD;
      default -> VaadinIcon.CHECK;
    };
  }

  private Component outcomeLine(TaskView t) {
    String o = t.outcome() == null ? "done" : t.outcome();
    Span badge = new Span(outcomeLabel(o).equals("Skip") ? "Skipped" : outcomeLabel(o));
    badge.addClassNames("omni-task-outcome-badge", "omni-task-outcome-" + o);
    Span who =
        new Span(
            (t.doneBy() == null ? "" : "by " + t.doneBy())
                + (t.doneAt() == null ? "" : " · " + ago(t.doneAt(), Instant.now())));
    who.addClassName("omni-muted");
    Div row = new Div(badge, who);
    row.addClassName("omni-task-actions");
    return row;
  }

  private boolean mineOrUnassigned(TaskView t) {
    return t.assignee() == null || t.assignee().equalsIgnoreCase(user.email());
  }

  private Component doneRow(TaskView t) {
    Icon icon = VaadinIcon.CHECK_CIRCLE.create();
    icon.addClassName("omni-task-done-icon");
    Span title = new Span(t.title());
    Div row = new Div(icon, title);
    if (t.outcome() != null && !t.outcome().equals("done")) {
      Span badge =
          new Span(
              outcomeLabel(t.outcome()).equals("Skip") ? "Skipped" : outcomeLabel(t.outcome()));
      badge.addClassNames("omni-task-outcome-badge", "omni-task-outcome-" + t.outcome());
      row.add(badge);
    }
    Span when =
        new Span(
            (t.doneBy() == null ? "Done" : "Done by " + t.doneBy())
                + (t.doneAt() == null ? "" : " · " + ago(t.doneAt(), Instant.now())));
    when.addClassName("omni-muted");
    Anchor run =
        t.runId() == 0
            ? new Anchor(t.link(), "deal")
            : new Anchor("runs/" + t.runId(), "run #" + t.runId());
    row.add(run, when);
    row.addClassName("omni-task-done-row");
    return row;
  }

  private void record(TaskView t, String outcome) {
    try {
      if (outcome == null) {
        tasks.complete(tenant(), t.id(), user.email(), admin);
        toast("Done: " + t.title() + ". The run goes on.", false);
      } else {
        tasks.record(tenant(), t.id(), outcome, user.email(), admin);
        toast(
            "Recorded “" + outcomeLabel(outcome) + "” for " + t.title() + ". The run goes on.",
            false);
      }
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
