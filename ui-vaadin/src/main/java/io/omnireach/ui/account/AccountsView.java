package io.omnireach.ui.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.account.Account;
import io.omnireach.account.AccountQuery;
import io.omnireach.account.Accounts;
import io.omnireach.auth.AuthenticatedUser;
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

/**
 * The companies the tenant's leads work at: name and domain, people, account score and last
 * contact, searchable and sortable, lazily loaded; a row opens the account.
 */
@Route(value = "accounts", layout = MainLayout.class)
@PageTitle("Accounts")
@Requires(Permission.LEADS_READ)
public class AccountsView extends Div {

  private final Accounts accounts;
  private final TenantRef tenant;
  private final TextField search = new TextField();

  @Inject
  public AccountsView(Accounts accounts) {
    this.accounts = accounts;
    AuthenticatedUser user = UiSession.require();
    addClassNames("omni-page", "omni-accounts");
    tenant = user.tenant() == null ? null : user.tenant().ref();
    if (tenant == null || accounts.count(tenant, AccountQuery.all()) == 0) {
      add(
          new EmptyState(
              VaadinIcon.BUILDING,
              "No accounts yet",
              "Accounts appear as soon as leads have a work email or a company name: everyone at"
                  + " globex.com, or at “Globex Inc.” on Gmail, is one account."));
      return;
    }
    showList();
  }

  private void showList() {
    Grid<Account> grid = new Grid<>(Account.class, false);
    grid.setId("accounts-grid");
    grid.addClassName("omni-accounts-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.setPageSize(50);
    grid.addColumn(
            LitRenderer.<Account>of(
                    "<a class=\"omni-account-cell\" href=\"accounts/${item.id}\" router-link>"
                        + "<span class=\"omni-account-logo\">${item.initial}</span>"
                        + "<span class=\"omni-lead-person-text\">"
                        + "<span class=\"omni-lead-name\">${item.name}</span>"
                        + "<span class=\"omni-lead-sub\">${item.domain}</span></span></a>")
                .withProperty("id", Account::id)
                .withProperty("name", Account::name)
                .withProperty("initial", a -> initial(a.name()))
                .withProperty("domain", a -> a.domain() == null ? "by company name" : a.domain()))
        .setHeader("Account")
        .setKey("name")
        .setSortProperty(AccountQuery.Sort.NAME.json())
        .setFlexGrow(3)
        .setWidth("260px");
    Grid.Column<Account> people =
        grid.addColumn(Account::leads)
            .setHeader("People")
            .setKey("leads")
            .setSortProperty(AccountQuery.Sort.LEADS.json())
            .setTextAlign(ColumnTextAlign.END)
            .setWidth("110px")
            .setFlexGrow(0);
    Grid.Column<Account> score =
        grid.addColumn(
                LitRenderer.<Account>of(
                        "<div class=\"omni-lead-score omni-lead-relationship\">"
                            + "<div class=\"omni-lead-score-bar\">"
                            + "<span style=\"width: ${item.score}%\"></span></div>"
                            + "<span class=\"omni-lead-score-value\">${item.score}</span></div>")
                    .withProperty("score", Account::score))
            .setHeader("Account score")
            .setKey("score")
            .setTooltipGenerator(
                a -> "0.6 × warmest lead + 0.4 × mean (" + a.averageLeadScore() + ")")
            .setSortProperty(AccountQuery.Sort.SCORE.json())
            .setWidth("150px")
            .setFlexGrow(0);
    grid.addColumn(
            a -> a.lastContactAt() == null ? "—" : LeadUi.ago(a.lastContactAt(), Instant.now()))
        .setHeader("Last contact")
        .setKey("lastContact")
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("140px")
        .setFlexGrow(0);
    grid.setItems(
            q ->
                accounts
                    .slice(tenant, query(q.getSortOrders()), q.getOffset(), q.getLimit())
                    .stream(),
            q -> accounts.count(tenant, query(List.of())))
        .setIdentifierProvider(Account::id);
    grid.sort(GridSortOrder.desc(score).build());
    grid.addItemClickListener(
        e -> {
          if (e.getColumn() != null && !"name".equals(e.getColumn().getKey())) {
            UI.getCurrent().navigate("accounts/" + e.getItem().id());
          }
        });
    people.setSortable(true);

    search.setPlaceholder("Search name or domain");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setId("accounts-search");
    search.addClassName("omni-accounts-search");
    search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

    Div card = new Div(search, grid);
    card.addClassName("omni-lead-card");
    add(header(), card);
  }

  private AccountQuery query(List<QuerySortOrder> orders) {
    if (orders.isEmpty()) {
      return new AccountQuery(search.getValue(), AccountQuery.Sort.SCORE, false);
    }
    QuerySortOrder first = orders.get(0);
    return AccountQuery.of(
        search.getValue(),
        (first.getDirection() == SortDirection.DESCENDING ? "-" : "") + first.getSorted());
  }

  private Component header() {
    H2 title = new H2("Accounts");
    Span sub =
        new Span(
            "Companies your leads work at, by work email domain or company name. The account"
                + " score weighs the warmest person most.");
    sub.addClassName("omni-muted");
    Div text = new Div(title, sub);
    text.addClassName("omni-lead-title");
    Div header = new Div(text);
    header.addClassName("omni-lead-header");
    return header;
  }

  static String initial(String name) {
    String s = name == null ? "" : name.strip();
    return s.isEmpty() ? "?" : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
  }
}
