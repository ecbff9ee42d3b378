package io.omnireach.ui.lead;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.omnireach.ai.GenerationService;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.channel.Mailboxes;
import io.omnireach.channel.Messages;
import io.omnireach.channel.Outbox;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Deals;
import io.omnireach.deal.Products;
import io.omnireach.graph.Graph;
import io.omnireach.graph.GraphNode;
import io.omnireach.graph.NodeKind;
import io.omnireach.graph.RelationshipGraph;
import io.omnireach.lead.Consent;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadRepository;
import io.omnireach.meeting.Meeting;
import io.omnireach.meeting.MeetingStatus;
import io.omnireach.meeting.Meetings;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.relationship.RelationshipScores;
import io.omnireach.ui.account.GraphPanel;
import io.omnireach.ui.account.WarmPathPanel;
import io.omnireach.ui.deal.DealsView;
import io.omnireach.ui.deal.NewDealDialog;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.user.UserDirectory;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One lead: who they are, how to reach them, their tags and custom fields, and a timeline that
 * later features fill with messages and events. A lead of another tenant is simply not found.
 */
@Route(value = "leads/:id([0-9]{1,18})", layout = MainLayout.class)
@PageTitle("Lead")
@Requires(Permission.LEADS_READ)
public class LeadDetailView extends Div implements BeforeEnterObserver {

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private final LeadRepository leads;
  private final UserDirectory users;
  private final PersonaRepository personas;
  private final GenerationService generation;
  private final Mailboxes mailboxes;
  private final Messages messages;
  private final Outbox outbox;
  private final io.omnireach.policy.Policies policies;
  private final AuthenticatedUser user;
  private final RelationshipScores relationships;
  private final Meetings meetings;
  private final RelationshipGraph graph;
  private final Deals deals;
  private final Products products;

  /** GDPR export and erasure, for Admins (Privacy button). */
  @Inject io.omnireach.privacy.PrivacyRequests privacy;

  @Inject
  public LeadDetailView(
      LeadRepository leads,
      UserDirectory users,
      PersonaRepository personas,
      GenerationService generation,
      Mailboxes mailboxes,
      Messages messages,
      Outbox outbox,
      RelationshipScores relationships,
      Meetings meetings,
      RelationshipGraph graph,
      io.omnireach.policy.Policies policies,
      Deals deals,
      Products products) {
    this.policies = policies;
    this.deals = deals;
    this.products = products;
    this.leads = leads;
    this.meetings = meetings;
    this.graph = graph;
    this.relationships = relationships;
    this.mailboxes = mailboxes;
    this.messages = messages;
    this.outbox = outbox;
    this.users = users;
    this.personas = personas;
    this.generation = generation;
    this.user = UiSession.require();
    addClassNames("omni-page", "omni-lead-detail");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<Lead> lead = Optional.empty();
    if (user.tenant() != null) {
      try {
        long id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        lead = Optional.of(leads.get(user.tenant().ref(), id));
      } catch (NumberFormatException e) {
        lead = Optional.empty();
      } catch (DomainException e) {
        if (e.kind() != DomainException.Kind.NOT_FOUND) {
          throw e;
        }
      }
    }
    lead.ifPresentOrElse(this::show, this::notFound);
  }

  private void notFound() {
    removeAll();
    Button back =
        new Button(
            "Back to leads",
            VaadinIcon.ARROW_LEFT.create(),
            e -> UI.getCurrent().navigate(LeadsView.class));
    back.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    EmptyState state =
        new EmptyState(
            VaadinIcon.SEARCH,
            "Lead not found",
            "It may have been deleted, or the link belongs to another workspace.",
            back);
    state.setId("lead-not-found");
    add(state);
  }

  private void show(Lead lead) {
    removeAll();
    Owners owners = Owners.of(users.members(user.tenant().ref()));
    RouterLink back = new RouterLink(LeadsView.class);
    back.add(VaadinIcon.ARROW_LEFT.create(), new Span("All leads"));
    back.addClassName("omni-lead-back");
    back.setId("lead-back");
    Div main = new Div();
    main.addClassName("omni-lead-main");
    LeadMessagesPanel thread =
        new LeadMessagesPanel(user.tenant().ref(), lead.id(), messages, mailboxes);
    if (UiSession.can(user, io.omnireach.user.Permission.MESSAGES_SEND)) {
      LeadDraftPanel draft =
          new LeadDraftPanel(
              user.tenant().ref(),
              lead,
              personas,
              generation,
              new LeadDraftPanel.Sending(mailboxes, messages, outbox, thread::refresh, policies),
              user.email());
      thread.onFollowUp(draft::followUp);
      main.add(draft);
    }
    relationships
        .get(user.tenant().ref(), lead.id())
        .ifPresent(r -> main.addComponentAsFirst(new RelationshipPanel(r)));
    main.add(thread);
    Graph around = graph.lead(user.tenant().ref(), lead.id());
    main.add(
        new WarmPathPanel(graph.warmPath(user.tenant().ref(), lead.id())),
        new GraphPanel(
            "Relationship graph",
            "This person among their colleagues and our team; click a person or the company to"
                + " open it.",
            around),
        new ConnectionsPanel(
            user.tenant().ref(),
            lead,
            graph,
            leads,
            owners,
            user.email(),
            UiSession.can(user, io.omnireach.user.Permission.LEADS_WRITE),
            () -> show(leads.get(user.tenant().ref(), lead.id()))));
    main.add(timeline(lead));
    GraphNode account =
        around.nodes().stream().filter(n -> n.kind() == NodeKind.ACCOUNT).findFirst().orElse(null);
    Div columns = new Div(main, about(lead, owners, account));
    columns.addClassName("omni-lead-columns");
    add(back, hero(lead, owners), columns);
  }

  private Component hero(Lead lead, Owners owners) {
    Avatar avatar = new Avatar(lead.fullName());
    avatar.setColorIndex(LeadUi.colorIndex(lead));
    avatar.addClassName("omni-lead-hero-avatar");
    H2 name = new H2(lead.fullName());
    name.setId("lead-name");
    Span role = new Span(LeadUi.role(lead));
    role.addClassName("omni-lead-hero-role");
    Div badges = new Div(LeadUi.stageBadge(lead.stage()));
    badges.addClassName("omni-lead-hero-badges");
    if (lead.doNotContact()) {
      Span dnc = new Span("Do not contact");
      dnc.addClassName("omni-lead-dnc");
      badges.add(dnc);
    }
    for (String tag : lead.tags()) {
      Span t = new Span(tag);
      t.addClassName("omni-lead-tag");
      badges.add(t);
    }
    Div text = new Div(name, role, badges);
    text.addClassName("omni-lead-hero-text");

    Span score = new Span(Integer.toString(lead.score()));
    score.addClassName("omni-lead-hero-score-value");
    Span scoreLabel = new Span("Manual score");
    scoreLabel.addClassName("omni-muted");
    Div scoreBox = new Div(score, scoreLabel);
    scoreBox.addClassName("omni-lead-hero-score");
    scoreBox.getStyle().set("--score", Integer.toString(lead.score()));

    Div actions = new Div();
    actions.addClassName("omni-lead-hero-actions");
    if (UiSession.can(user, io.omnireach.user.Permission.LEADS_WRITE)) {
      Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> edit(lead, owners));
      edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      edit.setId("lead-edit");
      Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(lead));
      delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
      delete.setAriaLabel("Delete lead");
      delete.setTooltipText("Delete lead");
      delete.setId("lead-delete");
      Button deal =
          new Button(
              "New deal",
              VaadinIcon.HANDSHAKE.create(),
              e ->
                  new NewDealDialog(deals, products, leads, user.tenant().ref(), user.email(), lead)
                      .open());
      deal.setId("lead-new-deal");
      // each button shows only with the permission its REST call needs
      if (UiSession.can(user, io.omnireach.user.Permission.LEADS_DELETE)) {
        actions.add(delete);
      }
      if (UiSession.can(user, io.omnireach.user.Permission.DEALS_WRITE)) {
        actions.add(deal);
      }
      actions.add(edit);
    }
    if (UiSession.can(user, io.omnireach.user.Permission.PRIVACY_MANAGE)) {
      Button privacyButton =
          new Button(
              "Privacy",
              VaadinIcon.SHIELD.create(),
              e ->
                  new io.omnireach.ui.privacy.PrivacyDialog(
                          privacy,
                          user.tenant().ref(),
                          user.email(),
                          lead.id(),
                          lead.fullName(),
                          lead.email() != null ? lead.email() : lead.fullName(),
                          () -> UI.getCurrent().navigate(LeadsView.class))
                      .open());
      privacyButton.setId("lead-privacy");
      actions.addComponentAsFirst(privacyButton);
    }
    Div hero = new Div(avatar, text, scoreBox, actions);
    hero.addClassNames("omni-panel", "omni-lead-hero");
    return hero;
  }

  private Component about(Lead lead, Owners owners, GraphNode account) {
    Div facts = new Div();
    facts.addClassName("omni-lead-facts");
    if (account != null) {
      Anchor link = new Anchor("accounts/" + account.key(), account.label());
      link.getElement().setAttribute("router-link", true);
      link.addClassName("omni-lead-fact-value");
      link.setId("lead-account");
      fact(facts, VaadinIcon.BUILDING_O, "Account", link);
    }
    fact(
        facts,
        VaadinIcon.ENVELOPE,
        "Email",
        lead.email() == null ? null : link("mailto:" + lead.email(), lead.email(), false));
    fact(
        facts,
        VaadinIcon.PHONE,
        "Phone",
        lead.phone() == null ? null : link("tel:" + lead.phone(), lead.phone(), false));
    fact(
        facts,
        VaadinIcon.USER_CARD,
        "LinkedIn",
        lead.linkedinUrl() == null
            ? null
            : link(lead.linkedinUrl(), shortUrl(lead.linkedinUrl()), true));
    fact(
        facts,
        VaadinIcon.GLOBE,
        "Website",
        lead.website() == null ? null : link(lead.website(), shortUrl(lead.website()), true));
    fact(facts, VaadinIcon.BUILDING, "Industry", text(lead.industry()));
    fact(facts, VaadinIcon.GROUP, "Company size", text(lead.companySize()));
    fact(
        facts,
        VaadinIcon.FLAG,
        "Country",
        lead.country() == null
            ? null
            : text(
                lead.country()
                    + " · "
                    + new Locale("", lead.country()).getDisplayCountry(Locale.ENGLISH)));
    fact(
        facts,
        VaadinIcon.CLOCK,
        "Time zone",
        lead.timezone() == null
            ? null
            : text(
                lead.timezone()
                    + " · "
                    + LOCAL_TIME.format(ZonedDateTime.now(ZoneId.of(lead.timezone())))
                    + " there now"));
    fact(facts, VaadinIcon.USER, "Owner", text(owners.name(lead.ownerId())));
    Div panel = new Div(new H3("About"), facts);
    panel.addClassNames("omni-panel", "omni-lead-about");
    deals(lead, panel);
    if (!lead.consent().isEmpty()) {
      Div consent = new Div();
      consent.addClassName("omni-lead-facts");
      for (Map.Entry<Consent.Channel, Consent> c : lead.consent().entrySet()) {
        String channel =
            c.getKey().name().charAt(0) + c.getKey().name().substring(1).toLowerCase(Locale.ROOT);
        String status = c.getValue().status().name().toLowerCase(Locale.ROOT);
        fact(
            consent,
            VaadinIcon.CHECK_CIRCLE_O,
            channel,
            text(status + (c.getValue().source() == null ? "" : " · " + c.getValue().source())));
      }
      panel.add(new H3("Consent"), consent);
    }
    Div custom = new Div();
    custom.addClassName("omni-lead-facts");
    custom.setId("lead-custom-fields");
    lead.customFields().forEach((k, v) -> fact(custom, VaadinIcon.ELLIPSIS_DOTS_H, k, text(v)));
    if (lead.customFields().isEmpty()) {
      Span none = new Span("No custom fields yet. Imports keep extra CSV columns here.");
      none.addClassName("omni-muted");
      custom.add(none);
    }
    panel.add(new H3("Custom fields"), custom);
    return panel;
  }

  /** The lead's deals, newest first: stage, title (opens the deal) and amount; none: no section. */
  private void deals(Lead lead, Div panel) {
    if (!UiSession.can(user, io.omnireach.user.Permission.DEALS_READ)) {
      return;
    }
    java.util.List<io.omnireach.deal.Deal> of =
        deals.list(user.tenant().ref(), null, lead.id(), null, 50);
    if (of.isEmpty()) {
      return;
    }
    Div list = new Div();
    list.addClassName("omni-lead-facts");
    list.setId("lead-deals");
    for (io.omnireach.deal.Deal d : of) {
      Anchor title = new Anchor("deals/" + d.id(), d.title());
      title.getElement().setAttribute("router-link", true);
      title.addClassName("omni-lead-fact-value");
      Span amount = new Span(DealsView.money(d.amount(), d.currency()));
      amount.addClassName("omni-lead-deal-amount");
      Div row =
          new Div(VaadinIcon.HANDSHAKE.create(), DealsView.stageBadge(d.stage()), title, amount);
      row.addClassNames("omni-lead-fact", "omni-lead-deal");
      row.setId("lead-deal-" + d.id());
      list.add(row);
    }
    panel.add(new H3("Deals"), list);
  }

  private Component timeline(Lead lead) {
    Icon glyph = VaadinIcon.CHAT.create();
    Span title = new Span("Workflow steps will appear here");
    title.addClassName("omni-lead-timeline-empty-title");
    Span text =
        new Span(
            "Once this lead is in a workflow, every step on every channel lands on this"
                + " timeline, newest first. Emails sent by hand are in Messages.");
    text.addClassName("omni-muted");
    Div placeholder = new Div(glyph, title, text);
    placeholder.addClassName("omni-lead-timeline-empty");
    placeholder.setId("lead-timeline-placeholder");

    Div items = new Div();
    items.addClassName("omni-lead-timeline");
    items.setId("lead-timeline");
    // newest first: edits, creation and the lead's Calendly bookings and cancellations
    java.util.List<Map.Entry<Instant, Component>> entries = new java.util.ArrayList<>();
    if (lead.updatedAt().isAfter(lead.createdAt())) {
      entries.add(
          Map.entry(
              lead.updatedAt(),
              event(VaadinIcon.EDIT, "Updated by " + who(lead.updatedBy()), lead.updatedAt())));
    }
    entries.add(
        Map.entry(
            lead.createdAt(),
            event(VaadinIcon.PLUS, "Created by " + who(lead.createdBy()), lead.createdAt())));
    for (Meeting m : meetings.forLead(user.tenant().ref(), lead.id())) {
      entries.add(Map.entry(m.bookedAt(), meeting(m, false)));
      if (m.canceledAt() != null) {
        entries.add(Map.entry(m.canceledAt(), meeting(m, true)));
      }
    }
    entries.sort(Map.Entry.<Instant, Component>comparingByKey().reversed());
    entries.forEach(e -> items.add(e.getValue()));
    Div panel = new Div(new H3("Timeline"), placeholder, items);
    panel.addClassNames("omni-panel", "omni-lead-timeline-panel");
    return panel;
  }

  private static Component event(VaadinIcon icon, String what, Instant at, Component... tags) {
    Icon glyph = icon.create();
    Div dot = new Div(glyph);
    dot.addClassName("omni-lead-timeline-dot");
    Span text = new Span(what);
    text.addClassName("omni-lead-timeline-text");
    text.add(tags);
    Span when = new Span(LeadUi.ago(at, Instant.now()) + " · " + LeadUi.DATE_TIME.format(at));
    when.addClassName("omni-muted");
    Div item = new Div(dot, new Div(text, when));
    item.addClassName("omni-lead-timeline-item");
    return item;
  }

  /** A booking (with the meeting's current status) or its cancellation. */
  private static Component meeting(Meeting m, boolean cancellation) {
    String what =
        (m.eventName() == null ? "Meeting" : m.eventName())
            + " on "
            + LeadUi.DATE_TIME.format(m.startTime());
    Component item;
    if (cancellation) {
      item =
          event(
              VaadinIcon.CALENDAR_CLOCK,
              "Meeting canceled: "
                  + what
                  + (m.cancelReason() == null ? "" : " (“" + m.cancelReason() + "”)"),
              m.canceledAt());
    } else {
      boolean booked = m.status() == MeetingStatus.BOOKED;
      Span badge = new Span(booked ? "Booked" : "Canceled");
      badge.getElement().getThemeList().add(booked ? "badge success pill" : "badge error pill");
      badge.addClassName("omni-lead-meeting-badge");
      item =
          event(
              VaadinIcon.CALENDAR_USER, "Meeting booked on Calendly: " + what, m.bookedAt(), badge);
    }
    item.getElement().setAttribute("data-meeting", Long.toString(m.id()));
    return item;
  }

  private static String who(String actor) {
    return actor == null ? "someone" : actor;
  }

  private static void fact(Div list, VaadinIcon icon, String label, Component value) {
    Icon glyph = icon.create();
    Span name = new Span(label);
    name.addClassName("omni-lead-fact-label");
    Component shown = value == null ? text("—") : value;
    Div row = new Div(glyph, name, shown);
    row.addClassName("omni-lead-fact");
    list.add(row);
  }

  private static Span text(String value) {
    Span s = new Span(value == null ? "—" : value);
    s.addClassName("omni-lead-fact-value");
    return s;
  }

  private static Anchor link(String href, String text, boolean external) {
    Anchor a = new Anchor(href, text);
    a.addClassName("omni-lead-fact-value");
    if (external) {
      a.setTarget(AnchorTarget.BLANK);
      a.getElement().setAttribute("rel", "noopener noreferrer");
    }
    return a;
  }

  private static String shortUrl(String url) {
    return url.replaceFirst("(?i)^https?://(www\\.)?", "").replaceFirst("/$", "");
  }

  private void edit(Lead lead, Owners owners) {
    LeadDrawer drawer =
        new LeadDrawer(leads, user.tenant().ref(), user.email(), owners, this::show);
    drawer.open(lead);
  }

  private void confirmDelete(Lead lead) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Delete " + lead.fullName() + "?",
            "The lead and its history leave your workspace. This cannot be undone.",
            "Delete",
            e -> {
              try {
                leads.delete(user.tenant().ref(), lead.id(), user.email());
                LeadUi.toast("Deleted " + lead.fullName() + ".", false);
              } catch (DomainException ex) {
                LeadUi.toast(ex.getMessage(), true);
              }
              UI.getCurrent().navigate(LeadsView.class);
            });
    dialog.setCancelable(true);
    dialog.setConfirmButtonTheme("error primary");
    dialog.open();
  }
}
