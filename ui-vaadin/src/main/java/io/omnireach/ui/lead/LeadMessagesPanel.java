package io.omnireach.ui.lead;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import io.omnireach.channel.Mailbox;
import io.omnireach.channel.Mailboxes;
import io.omnireach.channel.MessageView;
import io.omnireach.channel.Messages;
import io.omnireach.tenant.TenantRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lead's email thread: each message with its subject, mailbox, status and the events that
 * followed (sent, opened, clicked, unsubscribed…). Polls while a message is still on its way.
 */
class LeadMessagesPanel extends Div {

  private static final int POLL_MS = 1500;

  private final TenantRef tenant;
  private final long leadId;
  private final Messages messages;
  private final Mailboxes mailboxes;
  private final Div list = new Div();
  private final Span count = new Span();
  private Registration poll;
  private Consumer<MessageView> onFollowUp;

  LeadMessagesPanel(TenantRef tenant, long leadId, Messages messages, Mailboxes mailboxes) {
    this.tenant = tenant;
    this.leadId = leadId;
    this.messages = messages;
    this.mailboxes = mailboxes;
    addClassNames("omni-panel", "omni-lead-messages");
    setId("lead-messages");
    count.getElement().getThemeList().add("badge contrast pill");
    Div head = new Div(new H3("Messages"), count);
    head.addClassName("omni-panel-head");
    list.addClassName("omni-thread");
    list.setId("lead-thread");
    add(head, list);
  }

  /** Shows a "Follow up" action on sent messages that hands the message to {@code action}. */
  void onFollowUp(Consumer<MessageView> action) {
    this.onFollowUp = action;
  }

  /** Reloads the thread; keeps polling while something is on its way within the next minute. */
  void refresh() {
    List<MessageView> all = messages.ofLead(tenant, leadId, 50);
    Map<Long, Mailbox> boxes =
        mailboxes.list(tenant).stream().collect(Collectors.toMap(Mailbox::id, Function.identity()));
    list.removeAll();
    count.setText(all.size() == 1 ? "1 message" : all.size() + " messages");
    if (all.isEmpty()) {
      Span none =
          new Span(
              io.omnireach.ui.security.UiSession.can(io.omnireach.user.Permission.MESSAGES_SEND)
                  ? "No emails yet. Write one above and send it from your mailbox."
                  : "No emails yet.");
      none.addClassName("omni-muted");
      none.setId("lead-thread-empty");
      list.add(none);
    }
    for (MessageView m : all) {
      list.add(message(m, boxes.get(m.mailboxId())));
    }
    Instant soon = Instant.now().plusSeconds(60);
    polling(all.stream().anyMatch(m -> MessageUi.pending(m) && !MessageUi.waitsUntil(m, soon)));
  }

  private Div message(MessageView m, Mailbox box) {
    Span subject = new Span(m.subject());
    subject.addClassName("omni-thread-subject");
    Span status = new Span(m.status().name());
    status.getElement().getThemeList().add(MessageUi.theme(m.status()));
    status.addClassName("omni-thread-status");
    Div top = new Div(subject, status);
    top.addClassName("omni-thread-top");
    String from =
        box == null
            ? "deleted mailbox"
            : box.name()
                + " · "
                + (box.fromName() == null ? "" : box.fromName() + " ")
                + "<"
                + box.fromAddress()
                + ">";
    Span meta =
        new Span(
            "From " + from + " to " + m.to() + " · " + LeadUi.ago(m.createdAt(), Instant.now()));
    meta.addClassName("omni-muted");
    Div card = new Div(top, meta);
    card.addClassNames("omni-thread-message", "omni-thread-" + m.status().name().toLowerCase());
    card.getElement().setAttribute("data-status", m.status().name());
    String reason = MessageUi.reason(m);
    if (reason != null) {
      Span why = new Span(reason);
      why.addClassName("omni-thread-reason");
      card.add(why);
    }
    Div policy = io.omnireach.ui.policy.PolicyMarks.blocked(m);
    if (policy != null) {
      card.add(policy); // the rules it broke, with the offending text marked
    }
    String waiting = MessageUi.waiting(m);
    if (waiting != null) {
      Span when = new Span(waiting);
      when.addClassNames("omni-thread-waiting", "omni-muted");
      card.add(when);
    }
    if (m.inReplyToId() != null) {
      top.addComponentAtIndex(0, VaadinIcon.REPLY.create());
      card.getElement().setAttribute("data-follow-up-of", "" + m.inReplyToId());
    }
    if (onFollowUp != null && m.status() == MessageView.Status.SENT) {
      Button follow = new Button("Follow up", VaadinIcon.REPLY.create(), e -> onFollowUp.accept(m));
      follow.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      follow.addClassName("omni-thread-follow-up");
      follow.getElement().setAttribute("data-message-id", "" + m.id());
      top.add(follow);
    }
    Div events = new Div();
    events.addClassName("omni-thread-events");
    for (MessageView.Event e : m.events()) {
      Icon dot = icon(e.type()).create();
      Span what = new Span(MessageUi.event(e.type()));
      what.addClassName("omni-thread-event-type");
      Span when = new Span(LeadUi.DATE_TIME.format(e.at()));
      when.addClassName("omni-muted");
      Div row = new Div(dot, what, when);
      row.addClassName("omni-thread-event");
      if (e.detail() != null
          && !e.detail().isBlank()
          && Set.of("CLICKED", "DEFERRED", "RETRY", "RECOVERED").contains(e.type())) {
        Span detail = new Span(e.detail());
        detail.addClassName("omni-muted");
        row.add(detail);
      }
      events.add(row);
    }
    card.add(events);
    return card;
  }

  private static VaadinIcon icon(String type) {
    return switch (type) {
      case "QUEUED" -> VaadinIcon.CLOCK;
      case "DEFERRED" -> VaadinIcon.HOURGLASS;
      case "RETRY", "RECOVERED" -> VaadinIcon.REFRESH;
      case "SENDING" -> VaadinIcon.PAPERPLANE_O;
      case "SENT" -> VaadinIcon.PAPERPLANE;
      case "OPENED" -> VaadinIcon.EYE;
      case "CLICKED" -> VaadinIcon.CURSOR;
      case "REPLIED" -> VaadinIcon.REPLY;
      case "UNSUBSCRIBED" -> VaadinIcon.BAN;
      case "BLOCKED", "FAILED" -> VaadinIcon.WARNING;
      default -> VaadinIcon.CIRCLE_THIN;
    };
  }

  private void polling(boolean on) {
    UI ui = getUI().orElse(UI.getCurrent());
    if (ui == null) {
      return;
    }
    if (on && poll == null) {
      ui.setPollInterval(POLL_MS);
      poll = ui.addPollListener(e -> refresh());
    } else if (!on && poll != null) {
      poll.remove();
      poll = null;
      ui.setPollInterval(-1);
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    refresh();
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (poll != null) {
      poll.remove();
      poll = null;
      event.getUI().setPollInterval(-1);
    }
    super.onDetach(event);
  }
}
