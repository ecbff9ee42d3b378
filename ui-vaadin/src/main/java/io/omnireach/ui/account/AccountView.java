package io.omnireach.ui.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.omnireach.account.Account;
import io.omnireach.account.AccountPerson;
import io.omnireach.account.Accounts;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.graph.RelationshipGraph;
import io.omnireach.graph.TeamContact;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.lead.LeadUi;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One account: its score and people, who on the team has talked to them and how warmly, and the
 * relationship graph (click a person to open them). Another tenant's account is not found.
 */
@Route(value = "accounts/:id([0-9]{1,18})", layout = MainLayout.class)
@PageTitle("Account")
@Requires(Permission.LEADS_READ)
public class AccountView extends Div implements BeforeEnterObserver {

  private final Accounts accounts;
  private final RelationshipGraph graph;
  private final AuthenticatedUser user;

  @Inject
  public AccountView(Accounts accounts, RelationshipGraph graph) {
    this.accounts = accounts;
    this.graph = graph;
    this.user = UiSession.require();
    addClassNames("omni-page", "omni-account");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    if (user.tenant() == null) {
      notFound();
      return;
    }
    TenantRef tenant = user.tenant().ref();
    Account account;
    try {
      account =
          accounts.get(tenant, Long.parseLong(event.getRouteParameters().get("id").orElse("")));
    } catch (NumberFormatException e) {
      notFound();
      return;
    } catch (DomainException e) {
      if (e.kind() != DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      notFound();
      return;
    }
    RouterLink back = new RouterLink(AccountsView.class);
    back.add(VaadinIcon.ARROW_LEFT.create(), new Span("All accounts"));
    back.addClassName("omni-lead-back");
    back.setId("account-back");
    Div columns =
        new Div(
            new GraphPanel(
                "Relationship graph",
                "Its people, our team and how they are connected. Drag to rearrange, scroll to"
                    + " zoom, click a person to open them.",
                graph.account(tenant, account.id())),
            team(account, graph.team(tenant, account.id())));
    columns.addClassName("omni-account-columns");
    add(back, hero(account), columns, people(accounts.people(tenant, account.id(), 200)));
  }

  private void notFound() {
    Button back =
        new Button(
            "Back to accounts",
            VaadinIcon.ARROW_LEFT.create(),
            e -> UI.getCurrent().navigate(AccountsView.class));
    back.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    EmptyState state =
        new EmptyState(
            VaadinIcon.SEARCH,
            "Account not found",
            "It may have no people left, or the link belongs to another workspace.",
            back);
    state.setId("account-not-found");
    add(state);
  }

  private Component hero(Account a) {
    Span logo = new Span(AccountsView.initial(a.name()));
    logo.addClassNames("omni-account-logo", "large");
    H2 name = new H2(a.name());
    name.setId("account-name");
    Div text = new Div(name);
    text.addClassName("omni-lead-hero-text");
    if (a.domain() != null) {
      Anchor domain = new Anchor("https://" + a.domain(), a.domain());
      domain.setTarget(AnchorTarget.BLANK);
      domain.getElement().setAttribute("rel", "noopener noreferrer");
      domain.addClassName("omni-lead-hero-role");
      text.add(domain);
    } else {
      Span byName = new Span("Matched by company name (no work email domain)");
      byName.addClassName("omni-lead-hero-role");
      text.add(byName);
    }
    Div stats =
        new Div(
            stat(Integer.toString(a.leads()), a.leads() == 1 ? "person" : "people"),
            stat(a.averageLeadScore().stripTrailingZeros().toPlainString(), "mean lead score"),
            stat(
                a.lastContactAt() == null ? "—" : LeadUi.ago(a.lastContactAt(), Instant.now()),
                "last contact"));
    stats.addClassName("omni-account-stats");
    text.add(stats);

    Span score = new Span(Integer.toString(a.score()));
    score.addClassName("omni-relationship-value");
    score.setId("account-score");
    Span of = new Span("account score");
    of.addClassName("omni-muted");
    Div gauge = new Div(score, of);
    gauge.addClassName("omni-relationship-gauge");
    gauge.getStyle().set("--score", Integer.toString(a.score()));
    gauge
        .getElement()
        .setAttribute(
            "title", "0.6 × the warmest person's relationship score + 0.4 × the mean of all");
    Div hero = new Div(logo, text, gauge);
    hero.addClassNames("omni-panel", "omni-lead-hero", "omni-account-hero");
    return hero;
  }

  private static Component stat(String value, String label) {
    Span v = new Span(value);
    v.addClassName("omni-account-stat-value");
    Span l = new Span(label);
    l.addClassName("omni-muted");
    Div d = new Div(v, l);
    d.addClassName("omni-account-stat");
    return d;
  }

  private Component team(Account account, List<TeamContact> team) {
    Span sub = new Span("Who on our team has talked to anyone at " + account.name());
    sub.addClassName("omni-muted");
    Div list = new Div();
    list.addClassName("omni-team-list");
    list.setId("account-team");
    for (TeamContact t : team) {
      Avatar avatar = new Avatar(t.name());
      avatar.addClassName("omni-team-avatar");
      Span name = new Span(t.name());
      name.addClassName("omni-team-name");
      Span level = new Span(cap(t.level()) + " · " + t.warmth());
      level.addClassNames("omni-team-level", t.level());
      Span what = new Span(summary(t));
      what.addClassName("omni-muted");
      Div text = new Div(new Div(name, level), what);
      text.addClassName("omni-team-text");
      Div row = new Div(avatar, text);
      row.addClassName("omni-team-row");
      list.add(row);
    }
    if (team.isEmpty()) {
      Span none =
          new Span(
              "Nobody yet. Emails, replies, meetings and connections you add on a person's page"
                  + " show up here.");
      none.addClassName("omni-muted");
      list.add(none);
    }
    Div head = new Div(new H3("Team contacts"), sub);
    head.addClassName("omni-graph-head");
    Div panel = new Div(head, list);
    panel.addClassNames("omni-panel", "omni-team-panel");
    return panel;
  }

  static String summary(TeamContact t) {
    StringBuilder b = new StringBuilder();
    part(b, t.emailed(), "email", "emails");
    part(b, t.replies(), "reply", "replies");
    part(b, t.meetings(), "meeting", "meetings");
    part(b, t.connections(), "personal connection", "personal connections");
    b.append(" · ").append(t.people()).append(t.people() == 1 ? " person" : " people");
    if (t.lastContactAt() != null) {
      b.append(" · last ").append(LeadUi.ago(t.lastContactAt(), Instant.now()));
    }
    return b.toString();
  }

  private static void part(StringBuilder b, long n, String one, String many) {
    if (n > 0) {
      if (b.length() > 0) {
        b.append(" · ");
      }
      b.append(n).append(' ').append(n == 1 ? one : many);
    }
  }

  private static String cap(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private Component people(List<AccountPerson> people) {
    Div list = new Div();
    list.addClassName("omni-account-people");
    list.setId("account-people");
    for (AccountPerson p : people) {
      Avatar avatar = new Avatar(p.name());
      avatar.setColorIndex(Math.floorMod(Long.hashCode(p.leadId()), 7));
      Span name = new Span(p.name());
      name.addClassName("omni-lead-name");
      Span title = new Span(p.title() != null ? p.title() : p.email() != null ? p.email() : "");
      title.addClassName("omni-lead-sub");
      Div text = new Div(name, title);
      text.addClassName("omni-lead-person-text");
      Span stage = new Span(cap(p.stage()));
      stage.addClassNames("omni-lead-stage", "omni-lead-stage-" + p.stage());
      Div bar = new Div(new Span());
      bar.addClassName("omni-lead-score-bar");
      ((Span) bar.getComponentAt(0)).getStyle().set("width", p.relationshipScore() + "%");
      Span value = new Span(Integer.toString(p.relationshipScore()));
      value.addClassName("omni-lead-score-value");
      Div score = new Div(bar, value);
      score.addClassNames("omni-lead-score", "omni-lead-relationship");
      Anchor row = new Anchor("leads/" + p.leadId(), avatar, text, stage, score);
      row.getElement().setAttribute("router-link", true);
      row.addClassName("omni-account-person");
      list.add(row);
    }
    Div head = new Div(new H3("People"));
    head.addClassName("omni-graph-head");
    Div panel = new Div(head, list);
    panel.addClassNames("omni-panel", "omni-account-people-panel");
    return panel;
  }
}
