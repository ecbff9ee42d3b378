package io.omnireach.ui.policy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.block.BlockKind;
import io.omnireach.block.Blocks;
import io.omnireach.marketplace.Marketplace;
import io.omnireach.policy.OutboundText;
import io.omnireach.policy.Policies;
import io.omnireach.policy.Policy;
import io.omnireach.policy.PolicyReview;
import io.omnireach.policy.Verdict;
import io.omnireach.policy.Violation;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The tenant's policies: a list with kind, severity and version; admins add, edit (each save is a
 * version), switch off and delete rules, everyone sees the history and checks a text the way the
 * outbox will, with the offending excerpts marked.
 */
@Route(value = "policies", layout = MainLayout.class)
@PageTitle("Policies")
@Requires(Permission.POLICIES_READ)
public class PoliciesView extends Div {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
          .withZone(ZoneId.systemDefault());

  private final Policies policies;
  private final PolicyReview review;
  private final TenantRef tenant;
  private final AuthenticatedUser user;

  /** May create, edit and delete policies and switch the AI review (policies.manage). */
  private final boolean admin;

  private final Grid<Policy> grid = new Grid<>();
  private final Div empty = new Div();
  private final Div result = new Div();
  private final Anchor export;

  @Inject
  public PoliciesView(Policies policies, PolicyReview review, Marketplace marketplace) {
    this.policies = policies;
    this.review = review;
    this.user = UiSession.require();
    this.tenant = user.tenant().ref();
    this.admin = UiSession.can(user, Permission.POLICIES_MANAGE);
    addClassNames("omni-page", "omni-policies");

    H2 title = new H2("Policies");
    Paragraph intro =
        new Paragraph(
            "Rules every outbound message is checked against right before it is sent, whether a"
                + " person, a workflow or the AI wrote it, and also when it is queued. Block never"
                + " sends, warn asks for a confirmation (a workflow's send goes, noted in its"
                + " step log), log only records.");
    intro.addClassName("omni-muted");
    Div head = new Div(new Div(title, intro));
    head.addClassName("omni-policies-head");
    // "Export as block": the whole policy set, signed with the workspace's publisher key
    DownloadHandler block =
        event -> {
          event.setFileName("policy-set.json");
          event.setContentType("application/json");
          event
              .getOutputStream()
              .write(
                  Blocks.write(marketplace.export(tenant, BlockKind.POLICY_SET, 0, null))
                      .getBytes(StandardCharsets.UTF_8));
        };
    export = new Anchor(block, AttachmentType.DOWNLOAD, "");
    export.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Export as block"));
    export.setId("policy-export");
    export.addClassName("omni-policy-export");
    head.add(export);
    if (admin) {
      Button add = new Button("New policy", VaadinIcon.PLUS.create(), e -> edit(null));
      add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      add.setId("policy-new");
      head.add(add);
    }
    add(head);

    Div columns = new Div(listPanel(), checkPanel());
    columns.addClassName("omni-policies-columns");
    add(columns);
    refresh();
  }

  private Component listPanel() {
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.setId("policy-grid");
    grid.addComponentColumn(PoliciesView::nameCell).setHeader("Policy").setFlexGrow(1);
    grid.addComponentColumn(p -> severity(p.severity().wire()))
        .setHeader("Severity")
        .setWidth("110px")
        .setFlexGrow(0);
    grid.addComponentColumn(PoliciesView::state)
        .setHeader("Version")
        .setWidth("200px")
        .setFlexGrow(0);
    grid.addItemClickListener(e -> edit(e.getItem()));
    grid.setAllRowsVisible(true);
    empty.add(
        new EmptyState(
            VaadinIcon.SHIELD,
            "No policies yet",
            admin
                ? "Add a rule: a maximum discount, forbidden claims, a required disclaimer…"
                : "Someone with the policies.manage permission adds the rules your messages must keep."));
    Div panel = panel("Rules", empty, grid);
    panel.addClassName("omni-policies-list");
    return panel;
  }

  private static Component nameCell(Policy p) {
    Span name = new Span(p.name());
    name.addClassName("omni-policy-name");
    Span kind = new Span(PolicyForm.label(p.kind()));
    kind.addClassName("omni-policy-kind");
    Span explanation = new Span(p.explanation());
    explanation.addClassNames("omni-muted", "omni-policy-explanation");
    Div top = new Div(name, kind);
    top.addClassName("omni-policy-top");
    if (!p.enabled()) {
      Span off = new Span("off");
      off.getElement().getThemeList().add("badge contrast small");
      top.add(off);
    }
    Div cell = new Div(top, explanation);
    cell.addClassName("omni-policy-cell");
    cell.getElement().setAttribute("data-policy-id", "" + p.id());
    return cell;
  }

  public static Span severity(String wire) {
    Span s = new Span(wire);
    s.getElement()
        .getThemeList()
        .add(
            switch (wire) {
              case "block" -> "badge error";
              case "warn" -> "badge warning";
              case "allow" -> "badge success";
              default -> "badge contrast";
            });
    s.addClassName("omni-policy-severity");
    return s;
  }

  private static Component state(Policy p) {
    Span v = new Span("v" + p.version());
    v.addClassName("omni-policy-version");
    Span who =
        new Span(
            (p.updatedBy() == null ? "" : p.updatedBy() + " · ")
                + (p.updatedAt() == null ? "" : WHEN.format(p.updatedAt())));
    who.addClassName("omni-muted");
    Div d = new Div(v, who);
    d.addClassName("omni-policy-state");
    return d;
  }

  private Component checkPanel() {
    Select<String> channel = new Select<>();
    channel.setLabel("Channel");
    channel.setItems("email", "sms", "voice");
    channel.setValue("email");
    channel.setId("policy-check-channel");
    TextField subject = new TextField("Subject");
    subject.setWidthFull();
    subject.setId("policy-check-subject");
    TextArea body = new TextArea("Message");
    body.setWidthFull();
    body.setMinHeight("140px");
    body.setPlaceholder("Paste a draft to see what the policies say about it…");
    body.setId("policy-check-body");
    Button check = new Button("Check", VaadinIcon.CHECK_CIRCLE_O.create());
    check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    check.setId("policy-check");
    result.setId("policy-check-result");
    result.addClassName("omni-policy-result");
    check.addClickListener(
        e -> {
          Verdict v =
              review.check(
                  tenant,
                  policies.list(tenant),
                  new OutboundText(channel.getValue(), subject.getValue(), body.getValue()),
                  policies.context(tenant, null, channel.getValue(), Instant.now()),
                  null);
          showVerdict(v, subject.getValue(), body.getValue());
        });
    Div fields = new Div(channel, subject, body, check, result);
    fields.addClassName("omni-policy-check-fields");
    Paragraph hint =
        new Paragraph(
            "Case, accents, look-alike letters and invisible characters do not hide anything.");
    hint.addClassName("omni-muted");
    Div panel = panel("Check a text", hint, llmToggle(), fields);
    panel.addClassName("omni-policies-check");
    return panel;
  }

  /**
   * The optional AI review: admins switch it; it only adds warnings to texts checked here and to
   * messages sent by hand.
   */
  private Component llmToggle() {
    Checkbox llm = new Checkbox("AI review: the AI model may add warnings (never unblocks)");
    llm.setId("policy-llm-check");
    llm.setValue(policies.llmCheck(tenant));
    llm.setEnabled(admin);
    llm.addValueChangeListener(
        e -> {
          if (!e.isFromClient()) {
            return;
          }
          if (!UiSession.permits(Permission.POLICIES_MANAGE)) {
            llm.setValue(e.getOldValue());
          } else {
            policies.setLlmCheck(tenant, e.getValue(), user.email());
          }
        });
    Paragraph why =
        new Paragraph(
            "Uses the model of Settings → AI when a key is set. The rules above decide blocks;"
                + " the AI can only point out passages that may break them, for a person to"
                + " confirm.");
    why.addClassNames("omni-muted", "omni-policy-llm-hint");
    why.getStyle()
        .set("margin", "var(--lumo-space-xs) 0 0")
        .set("font-size", "var(--lumo-font-size-s)");
    Div box = new Div(llm, why);
    box.addClassName("omni-policy-llm");
    box.getStyle()
        .set("background", "var(--lumo-contrast-5pct)")
        .set("border-radius", "var(--lumo-border-radius-m)")
        .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
        .set("margin-bottom", "var(--lumo-space-m)");
    return box;
  }

  private void showVerdict(Verdict v, String subject, String body) {
    result.removeAll();
    Span badge = severity(v.outcome().wire());
    badge.setId("policy-verdict");
    String summary =
        switch (v.outcome()) {
          case BLOCK -> "This message would not be sent.";
          case WARN -> "This message needs a confirmation before it is sent.";
          case ALLOW -> v.violations().isEmpty() ? "No policy is broken." : "Allowed; logged.";
        };
    Div top = new Div(badge, new Span(summary));
    top.addClassName("omni-policy-verdict");
    result.add(top);
    if (subject != null && !subject.isBlank()) {
      Div s = PolicyMarks.render(subject, v.violations(), "subject");
      s.addClassName("omni-policy-subject");
      result.add(s);
    }
    Div b = PolicyMarks.render(body, v.violations(), "body");
    b.setId("policy-check-marked");
    result.add(b);
    for (Violation x : v.violations()) {
      result.add(violation(x));
    }
  }

  /** One violation: severity, rule name and explanation, and the excerpt. */
  public static Div violation(Violation x) {
    Span name = new Span(x.policyName());
    name.addClassName("omni-policy-name");
    Div head = new Div(severity(x.severity().wire()), name);
    head.addClassName("omni-policy-top");
    Span explanation = new Span(x.explanation());
    explanation.addClassName("omni-muted");
    Div row = new Div(head, explanation);
    if (x.excerpt() != null && !x.excerpt().isEmpty()) {
      Span excerpt = new Span(x.field() == null ? x.excerpt() : "“" + x.excerpt() + "”");
      excerpt.addClassName("omni-policy-excerpt");
      row.add(excerpt);
    }
    row.addClassName("omni-policy-violation");
    row.getElement().setAttribute("data-kind", x.kind().wire());
    return row;
  }

  private void edit(Policy p) {
    new PolicyDialog(policies, tenant, user.email(), admin, p, this::refresh).open();
  }

  void refresh() {
    List<Policy> all = policies.list(tenant);
    grid.setItems(all);
    grid.setVisible(!all.isEmpty());
    empty.setVisible(all.isEmpty());
    export.setVisible(!all.isEmpty());
  }

  static Div panel(String title, Component... content) {
    Div panel = new Div(new H3(title));
    panel.add(content);
    panel.addClassName("omni-panel");
    return panel;
  }
}
