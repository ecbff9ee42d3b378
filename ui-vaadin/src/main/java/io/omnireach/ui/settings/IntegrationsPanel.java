package io.omnireach.ui.settings;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.integration.Audiences;
import io.omnireach.integration.Deliveries;
import io.omnireach.integration.WebhookEvent;
import io.omnireach.integration.Webhooks;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.workflow.WorkflowSummary;
import io.omnireach.workflow.Workflows;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Settings → Integrations (Admins): outbound webhooks as cards (events, 24-hour delivery counts,
 * test, pause, delete; the secret shown once), the delivery log of webhooks and workflow HTTP
 * actions (click a row for the request and the answer, redeliver), and retargeting audiences
 * (segment, members, last sync, Sync now).
 */
public class IntegrationsPanel extends Div {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH).withZone(ZoneId.of("UTC"));

  private final Webhooks webhooks;
  private final Deliveries deliveries;
  private final Audiences audiences;
  private final Workflows workflows;
  private final AuthenticatedUser user;
  private final Div hookList = new Div();
  private final Grid<Deliveries.Delivery> log = new Grid<>();
  private final Div audienceList = new Div();

  @Inject
  public IntegrationsPanel(
      Webhooks webhooks, Deliveries deliveries, Audiences audiences, Workflows workflows) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.audiences = audiences;
    this.workflows = workflows;
    this.user = UiSession.require();
    setId("integrations-settings");
    addClassNames("omni-panel", "omni-integrations");
    Button addHook = new Button("Add webhook", VaadinIcon.PLUS.create(), e -> hookDialog());
    addHook.setId("webhook-add");
    addHook.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Div head = new Div(new H3("Integrations"), addHook);
    head.addClassName("omni-panel-head");
    Paragraph intro =
        new Paragraph(
            "Webhooks send your events to other tools, signed with a secret and retried when"
                + " they are down. Workflow HTTP actions use the same delivery log. Audiences keep"
                + " an ad platform's audience in step with a workflow's leads — hashed, and only"
                + " leads who agreed to advertising.");
    intro.addClassName("omni-muted");
    hookList.addClassName("omni-integration-list");
    hookList.setId("webhook-list");
    add(head, intro, hookList, logSection(), audienceSection());
    refresh();
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private void refresh() {
    hookList.removeAll();
    List<Webhooks.Webhook> all = webhooks.list(tenant());
    if (all.isEmpty()) {
      hookList.add(
          empty(
              VaadinIcon.CONNECT,
              "No webhooks yet. Add one to send events to your CRM, Slack or data warehouse."));
    }
    all.forEach(w -> hookList.add(card(w)));
    log.setItems(deliveries.list(tenant(), null, null, null, 50));
    audienceList.removeAll();
    List<Audiences.Audience> auds = audiences.list(tenant());
    if (auds.isEmpty()) {
      audienceList.add(
          empty(
              VaadinIcon.USERS,
              "No audiences yet. Sync a workflow's consenting leads to a Meta custom audience."));
    }
    auds.forEach(a -> audienceList.add(card(a)));
  }

  private static Div empty(VaadinIcon icon, String text) {
    Div d = new Div(icon.create(), new Span(text));
    d.addClassName("omni-domain-empty");
    return d;
  }

  private Div card(Webhooks.Webhook w) {
    Span url = new Span(w.url());
    url.addClassName("omni-domain-host");
    Div title =
        new Div(
            VaadinIcon.CONNECT.create(),
            url,
            badge(w.active() ? "Active" : "Paused", w.active() ? "success" : "contrast"));
    title.addClassName("omni-domain-title");
    Button test =
        new Button(
            "Send test",
            e -> {
              webhooks.ping(tenant(), w.id(), user.email());
              ChannelPanelParts.toast("Test event queued: see the delivery log.", false);
              refresh();
            });
    test.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Button pause =
        new Button(
            w.active() ? "Pause" : "Resume",
            e -> {
              webhooks.update(
                  tenant(),
                  w.id(),
                  new Webhooks.Draft(null, null, null, !w.active()),
                  user.email());
              refresh();
            });
    pause.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Button delete =
        new Button(
            VaadinIcon.TRASH.create(),
            e ->
                confirm(
                    "Delete this webhook?",
                    "Events stop going to " + w.url() + "; queued deliveries are dropped.",
                    () -> webhooks.delete(tenant(), w.id(), user.email())));
    delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    delete.setAriaLabel("Delete webhook");
    Div actions = new Div(test, pause, delete);
    actions.addClassName("omni-domain-actions");
    Div top = new Div(title, actions);
    top.addClassName("omni-domain-top");
    Div events = new Div();
    events.addClassName("omni-integration-events");
    w.events().forEach(e -> events.add(badge(e.code(), "contrast")));
    Span stats =
        new Span(
            w.delivered24h()
                + " delivered · "
                + w.failed24h()
                + " failed in 24 h · "
                + w.pending()
                + " queued"
                + (w.description() == null ? "" : " · " + w.description()));
    stats.addClassName("omni-domain-method");
    Div card = new Div(top, events, stats);
    card.addClassName("omni-domain-card");
    return card;
  }

  private Component logSection() {
    H4 title = new H4("Delivery log");
    title.addClassName("omni-integration-title");
    log.setId("webhook-log");
    log.addThemeVariants(
        GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    log.addComponentColumn(
            d ->
                badge(
                    d.status().code(),
                    switch (d.status()) {
                      case DELIVERED -> "success";
                      case FAILED -> "error";
                      default -> "contrast";
                    }))
        .setHeader("Status")
        .setAutoWidth(true)
        .setFlexGrow(0);
    log.addColumn(Deliveries.Delivery::event).setHeader("Event").setAutoWidth(true);
    log.addColumn(d -> d.method() + " " + d.url()).setHeader("Request").setFlexGrow(3);
    log.addColumn(
            d ->
                d.responseStatus() == null
                    ? (d.error() == null ? "—" : d.error())
                    : "HTTP " + d.responseStatus())
        .setHeader("Answer")
        .setAutoWidth(true);
    log.addColumn(Deliveries.Delivery::attempts)
        .setHeader("Attempts")
        .setAutoWidth(true)
        .setFlexGrow(0);
    log.addColumn(d -> TIME.format(d.createdAt()))
        .setHeader("Queued (UTC)")
        .setAutoWidth(true)
        .setFlexGrow(0);
    log.setAllRowsVisible(true);
    log.addItemClickListener(e -> deliveryDialog(e.getItem()));
    Paragraph hint =
        new Paragraph("The last 50 requests. Click one to see what was sent and what came back.");
    hint.addClassName("omni-muted");
    Div section = new Div(title, hint, log);
    section.addClassName("omni-integration-section");
    return section;
  }

  private Component audienceSection() {
    H4 title = new H4("Retargeting audiences");
    title.addClassName("omni-integration-title");
    Button add = new Button("Add audience", VaadinIcon.PLUS.create(), e -> audienceDialog());
    add.setId("audience-add");
    add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Div head = new Div(title, add);
    head.addClassName("omni-panel-head");
    audienceList.addClassName("omni-integration-list");
    audienceList.setId("audience-list");
    Div section = new Div(head, audienceList);
    section.addClassName("omni-integration-section");
    return section;
  }

  private Div card(Audiences.Audience a) {
    Span name = new Span(a.name());
    name.addClassName("omni-domain-host");
    Div title =
        new Div(
            VaadinIcon.USERS.create(),
            name,
            badge(
                a.status() == Audiences.Status.ACTIVE ? "Active" : "Paused",
                a.status() == Audiences.Status.ACTIVE ? "success" : "contrast"));
    title.addClassName("omni-domain-title");
    Button sync =
        new Button(
            "Sync now",
            VaadinIcon.REFRESH.create(),
            e -> {
              try {
                Audiences.Sync s = audiences.sync(tenant(), a.id(), user.email());
                ChannelPanelParts.toast(
                    s.status() == Audiences.SyncStatus.SUCCEEDED
                        ? "Synced: " + s.added() + " added, " + s.removed() + " removed."
                        : "Sync failed: " + s.error(),
                    s.status() != Audiences.SyncStatus.SUCCEEDED);
              } catch (DomainException ex) {
                ChannelPanelParts.toast(ex.getMessage(), true);
              }
              refresh();
            });
    sync.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Button delete =
        new Button(
            VaadinIcon.TRASH.create(),
            e ->
                confirm(
                    "Delete this audience?",
                    "Syncing stops. The audience at " + a.adapterLabel() + " keeps its members.",
                    () -> audiences.delete(tenant(), a.id(), user.email())));
    delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    delete.setAriaLabel("Delete audience");
    Div actions = new Div(sync, delete);
    actions.addClassName("omni-domain-actions");
    Div top = new Div(title, actions);
    top.addClassName("omni-domain-top");
    Span what =
        new Span(
            a.adapterLabel()
                + " "
                + a.externalAudienceId()
                + " ← "
                + a.segment().code()
                + " leads of “"
                + a.workflowName()
                + "” · "
                + a.members()
                + " in the audience");
    what.addClassName("omni-domain-method");
    Div card = new Div(top, what);
    if (a.lastSync() != null) {
      Audiences.Sync s = a.lastSync();
      Span last =
          new Span(
              "Last sync "
                  + TIME.format(s.startedAt())
                  + " UTC: "
                  + (s.status() == Audiences.SyncStatus.FAILED
                      ? "failed — " + s.error()
                      : "+"
                          + s.added()
                          + " −"
                          + s.removed()
                          + ", "
                          + s.skippedNoConsent()
                          + " without advertising consent left out"));
      last.addClassName(
          s.status() == Audiences.SyncStatus.FAILED
              ? "omni-domain-state-error"
              : "omni-domain-checked");
      card.add(new Div(last));
    }
    card.addClassName("omni-domain-card");
    return card;
  }

  private void hookDialog() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Add webhook");
    TextField url = new TextField("Endpoint URL");
    url.setId("webhook-url");
    url.setPlaceholder("https://hooks.example.com/omnireach");
    url.setWidthFull();
    TextField description = new TextField("Description (optional)");
    CheckboxGroup<WebhookEvent> events = new CheckboxGroup<>("Events");
    events.setId("webhook-events");
    events.setItems(
        Arrays.stream(WebhookEvent.values()).filter(e -> e != WebhookEvent.PING).toList());
    events.setItemLabelGenerator(e -> e.code() + " — " + e.description());
    events.addClassName("omni-integration-checks");
    FormLayout form = new FormLayout(url, description, events);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    dialog.add(form);
    Button save =
        new Button(
            "Add webhook",
            e -> {
              url.setInvalid(false);
              events.setInvalid(false);
              try {
                Webhooks.WithSecret created =
                    webhooks.create(
                        tenant(),
                        new Webhooks.Draft(
                            url.getValue(),
                            description.getValue(),
                            events.getValue().stream().map(WebhookEvent::code).toList(),
                            true),
                        user.email());
                dialog.close();
                refresh();
                secretDialog(created.secret());
              } catch (DomainException ex) {
                if ("events".equals(ex.field())) {
                  ChannelPanelParts.invalid(events, ex);
                } else if ("url".equals(ex.field())) {
                  ChannelPanelParts.invalid(url, ex);
                } else {
                  ChannelPanelParts.toast(ex.getMessage(), true);
                }
              }
            });
    save.setId("webhook-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.setWidth("560px");
    dialog.open();
  }

  private void secretDialog(String secret) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Your signing secret");
    Paragraph p =
        new Paragraph(
            "Copy it now: it is not shown again. Check X-OmniReach-Signature (t=…,v1=HMAC-SHA256"
                + " of \"t.body\") with it on every request.");
    p.addClassName("omni-muted");
    Pre code = new Pre(secret);
    code.setId("webhook-secret");
    code.addClassName("omni-integration-secret");
    dialog.add(p, code);
    dialog.getFooter().add(new Button("Done", e -> dialog.close()));
    dialog.open();
  }

  private void deliveryDialog(Deliveries.Delivery d) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Delivery #" + d.id() + " · " + d.event());
    Div facts =
        new Div(
            ChannelPanelParts.fact(
                "Status",
                badge(
                    d.status().code(),
                    d.status() == Deliveries.Status.FAILED
                        ? "error"
                        : d.status() == Deliveries.Status.DELIVERED ? "success" : "contrast")),
            ChannelPanelParts.fact("Request", new Span(d.method() + " " + d.url())),
            ChannelPanelParts.fact(
                "Answer",
                new Span(
                    d.responseStatus() == null
                        ? "—"
                        : "HTTP "
                            + d.responseStatus()
                            + (d.durationMs() == null ? "" : " in " + d.durationMs() + " ms"))),
            ChannelPanelParts.fact("Attempts", new Span(String.valueOf(d.attempts()))));
    facts.addClassName("omni-channel-details");
    dialog.add(facts);
    if (d.error() != null) {
      Paragraph error = new Paragraph(d.error());
      error.addClassName("omni-domain-state-error");
      dialog.add(error);
    }
    Pre body = new Pre(d.body());
    body.addClassName("omni-integration-secret");
    dialog.add(new H4("Body"), body);
    if (d.responseBody() != null && !d.responseBody().isBlank()) {
      Pre answer = new Pre(d.responseBody());
      answer.addClassName("omni-integration-secret");
      dialog.add(new H4("Answer"), answer);
    }
    Button redeliver =
        new Button(
            "Send again",
            e -> {
              try {
                deliveries.redeliver(tenant(), d.id(), user.email());
                ChannelPanelParts.toast("Queued again.", false);
                dialog.close();
                refresh();
              } catch (DomainException ex) {
                ChannelPanelParts.toast(ex.getMessage(), true);
              }
            });
    redeliver.setEnabled(
        d.status() == Deliveries.Status.DELIVERED || d.status() == Deliveries.Status.FAILED);
    dialog.getFooter().add(new Button("Close", e -> dialog.close()), redeliver);
    dialog.setWidth("720px");
    dialog.open();
  }

  private void audienceDialog() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Add retargeting audience");
    TextField name = new TextField("Name");
    Select<WorkflowSummary> workflow = new Select<>();
    workflow.setLabel("Workflow");
    workflow.setItems(workflows.list(tenant(), false));
    workflow.setItemLabelGenerator(WorkflowSummary::name);
    Select<Audiences.Segment> segment = new Select<>();
    segment.setLabel("Leads");
    segment.setItems(Audiences.Segment.values());
    segment.setValue(Audiences.Segment.ENROLLED);
    segment.setItemLabelGenerator(
        s ->
            switch (s) {
              case ENROLLED -> "Everyone enrolled";
              case ACTIVE -> "Only runs in progress";
              case COMPLETED -> "Only finished runs";
            });
    Select<Audiences.AdapterInfo> adapter = new Select<>();
    adapter.setLabel("Ad platform");
    adapter.setItems(audiences.adapters());
    adapter.setItemLabelGenerator(Audiences.AdapterInfo::label);
    audiences.adapters().stream().findFirst().ifPresent(adapter::setValue);
    TextField external = new TextField("Audience id");
    external.setHelperText(
        "The custom audience's id in the ad platform (a customer-list audience)");
    PasswordField token = new PasswordField("Access token");
    token.setHelperText("A token with ads_management permission; stored encrypted");
    FormLayout form = new FormLayout(name, workflow, segment, adapter, external, token);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
    Paragraph note =
        new Paragraph(
            "Only leads whose advertising consent is granted are sent, as SHA-256 hashes of their email and phone.");
    note.addClassName("omni-muted");
    dialog.add(form, note);
    Button save =
        new Button(
            "Add audience",
            e -> {
              try {
                audiences.create(
                    tenant(),
                    new Audiences.Draft(
                        name.getValue(),
                        workflow.getValue() == null ? null : workflow.getValue().id(),
                        segment.getValue().code(),
                        adapter.getValue() == null ? null : adapter.getValue().id(),
                        external.getValue(),
                        token.getValue(),
                        null),
                    user.email());
                dialog.close();
                refresh();
              } catch (DomainException ex) {
                switch (ex.field() == null ? "" : ex.field()) {
                  case "name" -> ChannelPanelParts.invalid(name, ex);
                  case "workflowId" -> ChannelPanelParts.invalid(workflow, ex);
                  case "externalAudienceId" -> ChannelPanelParts.invalid(external, ex);
                  case "accessToken" -> ChannelPanelParts.invalid(token, ex);
                  default -> ChannelPanelParts.toast(ex.getMessage(), true);
                }
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.setWidth("620px");
    dialog.open();
  }

  private void confirm(String title, String text, Runnable action) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            title,
            text,
            "Delete",
            e -> {
              try {
                action.run();
                refresh();
              } catch (DomainException ex) {
                ChannelPanelParts.toast(ex.getMessage(), true);
              }
            });
    dialog.setConfirmButtonTheme("error primary");
    dialog.setCancelable(true);
    dialog.open();
  }

  private static Span badge(String text, String theme) {
    Span badge = new Span(text);
    badge.getElement().getThemeList().add("badge " + theme + " pill");
    return badge;
  }
}
