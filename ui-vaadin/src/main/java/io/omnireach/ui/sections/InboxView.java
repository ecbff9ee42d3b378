package io.omnireach.ui.sections;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.channel.inbound.Replies;
import io.omnireach.channel.inbound.ReplyClass;
import io.omnireach.channel.inbound.ReplyView;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Inbox: the tenant's replies, newest first, with their classification; filter by class. */
@Route(value = "inbox", layout = MainLayout.class)
@PageTitle("Inbox")
@Requires(Permission.LEADS_READ)
public class InboxView extends Div {

  static final int PAGE = 200;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  private final Replies replies;
  private final AuthenticatedUser user;
  private final Div content = new Div();
  private final Select<ReplyClass> filter = new Select<>();

  @Inject
  public InboxView(Replies replies) {
    this.replies = replies;
    this.user = UiSession.require();
    addClassName("omni-page");
    if (user.tenant() == null) {
      add(empty());
      return;
    }
    H2 title = new H2("Inbox");
    filter.setId("inbox-filter");
    filter.setLabel("Classification");
    filter.setEmptySelectionAllowed(true);
    filter.setEmptySelectionCaption("All replies");
    filter.setItems(ReplyClass.values());
    filter.setItemLabelGenerator(c -> c == null ? "All replies" : label(c));
    filter.addValueChangeListener(e -> refresh());
    Div bar = new Div(title, filter);
    bar.addClassName("omni-inbox-toolbar");
    content.addClassName("omni-inbox-list");
    add(bar, content);
    refresh();
  }

  private void refresh() {
    content.removeAll();
    List<ReplyView> list = replies.list(user.tenant().ref(), filter.getValue(), null, PAGE);
    if (list.isEmpty()) {
      content.add(empty());
      return;
    }
    list.forEach(r -> content.add(row(r)));
  }

  private static EmptyState empty() {
    return new EmptyState(
        VaadinIcon.INBOX,
        "Inbox zero",
        "Replies to your outreach land here, sorted by intent: interested, not now, out of office,"
            + " wrong person.");
  }

  static Div row(ReplyView r) {
    Span badge = badge(r.classification());
    Span who = new Span(r.leadName() != null ? r.leadName() : r.from() == null ? "?" : r.from());
    who.addClassName("omni-inbox-who");
    Span when = new Span(TIME.format(r.receivedAt().atZone(ZoneId.of("UTC"))) + " UTC");
    when.addClassName("omni-muted");
    Div head = new Div(who, badge, sentiment(r.sentiment()), classifier(r), when);
    head.addClassName("omni-inbox-head");
    Span subject = new Span(r.subject() == null ? "(no subject)" : r.subject());
    subject.addClassName("omni-inbox-subject");
    Paragraph snippet = new Paragraph(snippet(r.body()));
    snippet.addClassName("omni-muted");
    Div row = new Div(head, subject, snippet);
    if (r.oooUntil() != null) {
      Span until = new Span("Back on " + r.oooUntil());
      until.addClassName("omni-muted");
      row.add(until);
    }
    row.addClassName("omni-inbox-row");
    row.getElement().setAttribute("data-reply", Long.toString(r.id()));
    return row;
  }

  /** A small label saying who classified the reply; the rationale as its tooltip. */
  static Span classifier(ReplyView r) {
    Span label = new Span(classifierLabel(r));
    label.addClassName("omni-inbox-classifier");
    if (r.rationale() != null) {
      label.getElement().setAttribute("title", r.rationale());
    }
    return label;
  }

  static String classifierLabel(ReplyView r) {
    if (r.byModel()) {
      return "AI · "
          + r.classifier()
          + (r.confidence() == null
              ? ""
              : " · " + r.confidence().movePointRight(2).setScale(0, RoundingMode.HALF_UP) + "%");
    }
    return r.classifierFallback() == null
        ? "Offline rules"
        : "Offline rules (AI unavailable: "
            + r.classifierFallback().substring(r.classifierFallback().lastIndexOf(':') + 1).strip()
            + ")";
  }

  /** The reply's tone (stored by the classifier); nothing for replies without one. */
  static Span sentiment(String sentiment) {
    Span s = new Span();
    if (sentiment == null) {
      s.setVisible(false);
      return s;
    }
    String tone = sentiment.toLowerCase(Locale.ROOT);
    s.setText(
        switch (tone) {
          case "positive" -> "▲ Positive";
          case "negative" -> "▼ Negative";
          default -> "● Neutral";
        });
    s.addClassNames("omni-sentiment", "omni-sentiment-" + tone);
    return s;
  }

  static Span badge(ReplyClass c) {
    Span badge = new Span(label(c));
    badge.addClassNames(
        "omni-reply-class", "omni-reply-class-" + c.name().toLowerCase(Locale.ROOT));
    return badge;
  }

  static String label(ReplyClass c) {
    return switch (c) {
      case INTERESTED -> "Interested";
      case NOT_INTERESTED -> "Not interested";
      case OUT_OF_OFFICE -> "Out of office";
      case UNSUBSCRIBE -> "Unsubscribe";
      case WRONG_PERSON -> "Wrong person";
      case BOUNCE -> "Bounce";
      case OTHER -> "Other";
      case NEGOTIATION -> "Negotiation";
    };
  }

  static String snippet(String body) {
    if (body == null) {
      return "";
    }
    String one = body.replaceAll("\\s+", " ").trim();
    return one.length() > 160 ? one.substring(0, 157) + "…" : one;
  }
}
