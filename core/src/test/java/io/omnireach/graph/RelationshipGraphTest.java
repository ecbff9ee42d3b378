package io.omnireach.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.account.Account;
import io.omnireach.account.AccountBackfill;
import io.omnireach.account.AccountQuery;
import io.omnireach.account.Accounts;
import io.omnireach.common.DomainException;
import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.lead.DuplicatePolicy;
import io.omnireach.lead.ImportRow;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadImportWriter;
import io.omnireach.lead.LeadRepository;
import io.omnireach.lead.LeadRules;
import io.omnireach.relationship.RelationshipScores;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accounts and the relationship graph on a real PostgreSQL: accounts kept by create, edit, import
 * and the backfill; edges derived from messages and replies; the team's contacts at an account; the
 * warm path's recursive CTE (found, depth limit, cycles); another tenant sees nothing.
 */
class RelationshipGraphTest {

  static TestDatabase db;
  static Transactions tx;
  static LeadRepository leads;
  static Accounts accounts;
  static RelationshipGraph graph;
  static TenantRef acme;
  static TenantRef globex;
  static long elena;
  static long marco;
  static long outsider;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.migrated();
    tx = db.transactions();
    long acmeId = tenant("acme");
    long globexId = tenant("globex");
    acme = new TenantRef(acmeId, "acme");
    globex = new TenantRef(globexId, "globex");
    Migrations.migrateTenant(db.dataSource(), acme.schema());
    Migrations.migrateTenant(db.dataSource(), globex.schema());
    elena = user("elena@acme.test", "Elena Ruiz", acmeId);
    marco = user("marco@acme.test", "Marco Rossi", acmeId);
    outsider = user("olga@globex.test", "Olga Ivanova", globexId);
    leads = new LeadRepository(tx, Clock.systemUTC());
    accounts = new Accounts(tx);
    graph = new RelationshipGraph(tx, Clock.systemUTC());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  // ---- accounts -----------------------------------------------------------------------------

  @Test
  void leads_join_accounts_by_work_domain_and_by_company_name_when_on_free_mail() {
    String d = unique();
    Lead a = lead("ana@" + d, "Initech Corporation");
    Lead b = lead("bo@eu." + d, "INITECH inc");
    Lead c = lead("cy." + d.replace('.', '-') + "@gmail.com", "Initech, Inc.");
    Lead none = lead("nobody." + d.replace('.', '-') + "@gmail.com", null);

    long account = accountOf(a.id());
    assertThat(accountOf(b.id())).isEqualTo(account);
    assertThat(accountOf(c.id())).isEqualTo(account);
    assertThat(accountOf(none.id())).isNull();
    Account read = accounts.get(acme, account);
    assertThat(read.domain()).isEqualTo(d);
    assertThat(read.name()).isEqualTo("Initech Corporation");
    assertThat(read.leads()).isEqualTo(3);

    // an edit of the email moves the lead; a company name alone makes a name-only account
    String other = unique();
    leads.update(acme, b.id(), new LeadDraft().set(LeadField.EMAIL, "bo@" + other), "t");
    assertThat(accountOf(b.id())).isNotEqualTo(account).isNotNull();
    assertThat(accounts.get(acme, accountOf(b.id())).domain()).isEqualTo(other);
    String name = "Hooli " + UUID.randomUUID().toString().substring(0, 6);
    leads.update(acme, none.id(), new LeadDraft().set(LeadField.COMPANY, name), "t");
    Account hooli = accounts.get(acme, accountOf(none.id()));
    assertThat(hooli.domain()).isNull();
    assertThat(hooli.name()).isEqualTo(name);
    // a later work-domain lead of that name gets its own domain account; the name-only one stays
    Lead work = lead("x@" + unique(), name + " LLC");
    assertThat(accountOf(work.id())).isNotEqualTo(hooli.id());
  }

  @Test
  void an_import_chunk_links_its_leads_in_one_statement_and_updates_move_them() {
    String d = unique();
    List<ImportRow> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rows.add(row(i, "p" + i + "@" + d, i % 2 == 0 ? "Umbrella Corp" : null));
    }
    rows.add(row(50, "free." + d.replace('.', '-') + "@hotmail.com", "umbrella"));
    tx.tenant(
        acme,
        c ->
            LeadImportWriter.write(
                c, acme.id(), rows, DuplicatePolicy.SKIP, "import", Instant.now()));
    long account = accountOf(leadId("p0@" + d));
    assertThat(accountOf(leadId("p49@" + d))).isEqualTo(account);
    assertThat(accountOf(leadId("free." + d.replace('.', '-') + "@hotmail.com")))
        .isEqualTo(account);
    assertThat(accounts.get(acme, account).leads()).isEqualTo(51);
    assertThat(accounts.get(acme, account).name()).isEqualTo("Umbrella Corp");

    // UPDATE policy: the hotmail lead's new company puts it elsewhere
    tx.tenant(
        acme,
        c ->
            LeadImportWriter.write(
                c,
                acme.id(),
                List.of(row(1, "free." + d.replace('.', '-') + "@hotmail.com", "Vandelay " + d)),
                DuplicatePolicy.UPDATE,
                "import",
                Instant.now()));
    assertThat(accountOf(leadId("free." + d.replace('.', '-') + "@hotmail.com")))
        .isNotEqualTo(account);
    assertThat(accounts.get(acme, account).leads()).isEqualTo(50);
  }

  @Test
  void the_backfill_links_leads_written_before_accounts_existed() {
    String d = unique();
    tx.tenant(
        acme,
        c -> {
          sql(
              c,
              "insert into leads (email, company) values ('old1@"
                  + d
                  + "', 'Old Co'), ('old2@"
                  + d
                  + "', null)");
          return AccountBackfill.linkAll(c);
        });
    long account = accountOf(leadId("old1@" + d));
    assertThat(accountOf(leadId("old2@" + d))).isEqualTo(account);
  }

  @Test
  void the_account_score_weighs_the_warmest_lead_and_the_mean() {
    String d = unique();
    Lead hot = lead("hot@" + d, "Scorers");
    Lead cold = lead("cold@" + d, "Scorers");
    tx.tenant(
        acme,
        c -> {
          sql(c, "update leads set relationship_score = 80 where id = " + hot.id());
          sql(c, "update leads set relationship_score = 20 where id = " + cold.id());
          return null;
        });
    Account a = accounts.get(acme, accountOf(hot.id()));
    // 0.6 × 80 + 0.4 × 50
    assertThat(a.score()).isEqualTo(68);
    assertThat(a.averageLeadScore()).isEqualByComparingTo("50.0");
    List<Account> found = accounts.slice(acme, AccountQuery.of(d, "-score"), 0, 10);
    assertThat(found).extracting(Account::id).containsExactly(a.id());
    assertThat(accounts.count(acme, AccountQuery.of(d, null))).isEqualTo(1);
    assertThat(accounts.slice(globex, AccountQuery.of(d, null), 0, 10)).isEmpty();
    assertThatThrownBy(() -> accounts.get(globex, a.id()))
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.NOT_FOUND);
    assertThatThrownBy(() -> AccountQuery.of(null, "nope"))
        .hasMessageContaining("score, name, leads");
  }

  // ---- derived edges and the team -----------------------------------------------------------

  @Test
  void messages_and_replies_become_edges_and_answer_who_on_the_team_talked_to_the_account() {
    String d = unique();
    Lead ana = lead("ana@" + d, "Globex");
    Lead bo = lead("bo@" + d, "Globex");
    Instant now = Instant.now();
    tx.tenant(
        acme,
        c -> {
          long m1 = message(c, ana.id(), "elena@acme.test", now.minus(Duration.ofDays(3)));
          message(c, ana.id(), "ELENA@acme.test", now.minus(Duration.ofDays(2)));
          reply(c, m1, ana.id(), "INTERESTED", now.minus(Duration.ofDays(1)));
          // a workflow's email counts for the user who built the workflow
          long wf = workflow(c, "marco@acme.test");
          message(c, bo.id(), "workflow:" + wf, now.minus(Duration.ofDays(5)));
          // a bounce is not a reply
          reply(c, m1, ana.id(), "BOUNCE", now);
          RelationshipScores.recompute(c, List.of(ana.id(), bo.id()), now);
          return null;
        });
    Graph g = graph.account(acme, accountOf(ana.id()));
    assertThat(g.focus()).isEqualTo("account:" + accountOf(ana.id()));
    assertThat(g.nodes())
        .extracting(GraphNode::id)
        .contains("lead:" + ana.id(), "lead:" + bo.id(), "user:" + elena, "user:" + marco);
    GraphEdge emailed = edge(g, EdgeKind.EMAILED, "user:" + elena, "lead:" + ana.id());
    assertThat(emailed.count()).isEqualTo(2);
    assertThat(emailed.strength()).isEqualTo(0.5);
    GraphEdge replied = edge(g, EdgeKind.REPLIED, "lead:" + ana.id(), "user:" + elena);
    assertThat(replied.count()).isEqualTo(1);
    assertThat(replied.lastAt()).isNotNull();
    edge(g, EdgeKind.EMAILED, "user:" + marco, "lead:" + bo.id());
    edge(g, EdgeKind.WORKS_AT, "lead:" + bo.id(), "account:" + accountOf(bo.id()));

    List<TeamContact> team = graph.team(acme, accountOf(ana.id()));
    assertThat(team).extracting(TeamContact::userId).containsExactly(elena, marco);
    TeamContact e = team.get(0);
    assertThat(e.emailed()).isEqualTo(2);
    assertThat(e.replies()).isEqualTo(1);
    assertThat(e.people()).isEqualTo(1);
    assertThat(e.warmth()).isGreaterThan(team.get(1).warmth());
    assertThat(e.lastContactAt()).isAfter(now.minus(Duration.ofDays(2)));
    assertThat(accounts.get(acme, accountOf(ana.id())).lastContactAt())
        .isEqualTo(e.lastContactAt());
    // the other tenant asks for the same account id: not found
    assertThatThrownBy(() -> graph.team(globex, accountOf(ana.id())))
        .extracting(x -> ((DomainException) x).kind())
        .isEqualTo(DomainException.Kind.NOT_FOUND);
  }

  // ---- the warm path ------------------------------------------------------------------------

  @Test
  void the_warm_path_goes_through_a_colleague_who_replied() {
    String d = unique();
    Lead target = lead("target@" + d, "Pathfinders");
    Lead colleague = lead("colleague@" + d, "Pathfinders");
    tx.tenant(
        acme,
        c -> {
          long m = message(c, colleague.id(), "marco@acme.test", Instant.now());
          reply(c, m, colleague.id(), "OTHER", Instant.now());
          // an email alone is cold: no path through it
          message(c, target.id(), "elena@acme.test", Instant.now());
          return null;
        });
    WarmPath p = graph.warmPath(acme, target.id());
    assertThat(p.found()).isTrue();
    assertThat(p.nodes())
        .extracting(GraphNode::id)
        .containsExactly(
            "user:" + marco,
            "lead:" + colleague.id(),
            "account:" + accountOf(target.id()),
            "lead:" + target.id());
    assertThat(p.edges())
        .extracting(GraphEdge::kind)
        .containsExactly(EdgeKind.REPLIED, EdgeKind.WORKS_AT, EdgeKind.WORKS_AT);
    assertThat(p.nodes().get(0).label()).isEqualTo("Marco Rossi");

    // a direct personal connection is shorter and wins
    graph.connect(acme, target.id(), EdgeKind.KNOWS, null, elena, "met at SaaStr", "t");
    WarmPath direct = graph.warmPath(acme, target.id());
    assertThat(direct.nodes())
        .extracting(GraphNode::id)
        .containsExactly("user:" + elena, "lead:" + target.id());
    assertThat(direct.edges().get(0).kind()).isEqualTo(EdgeKind.KNOWS);
  }

  @Test
  void the_warm_path_stops_at_four_hops() {
    // user - l1 - l2 - l3 - l4 (- l5): chains of free-mail leads without accounts
    List<Lead> chain = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      chain.add(lead("chain" + i + "." + UUID.randomUUID() + "@gmail.com", null));
    }
    graph.connect(acme, chain.get(0).id(), EdgeKind.KNOWS, null, elena, null, "t");
    for (int i = 1; i < 5; i++) {
      graph.connect(
          acme, chain.get(i).id(), EdgeKind.INTRODUCED_BY, chain.get(i - 1).id(), null, null, "t");
    }
    WarmPath four = graph.warmPath(acme, chain.get(3).id());
    assertThat(four.hops()).isEqualTo(4);
    assertThat(four.nodes().get(0).id()).isEqualTo("user:" + elena);
    assertThat(four.nodes().get(4).id()).isEqualTo("lead:" + chain.get(3).id());
    assertThat(graph.warmPath(acme, chain.get(4).id()).found()).isFalse();
  }

  @Test
  void cycles_end_and_a_path_never_visits_a_node_twice() {
    Lead a = lead("cyc-a." + UUID.randomUUID() + "@gmail.com", null);
    Lead b = lead("cyc-b." + UUID.randomUUID() + "@gmail.com", null);
    Lead c = lead("cyc-c." + UUID.randomUUID() + "@gmail.com", null);
    graph.connect(acme, b.id(), EdgeKind.KNOWS, a.id(), null, null, "t");
    graph.connect(acme, c.id(), EdgeKind.KNOWS, b.id(), null, null, "t");
    graph.connect(acme, a.id(), EdgeKind.KNOWS, c.id(), null, null, "t");
    // a cycle and nobody of ours in it: the search ends, empty
    assertThat(graph.warmPath(acme, a.id()).found()).isFalse();
    // a teammate met c: both ways round the cycle lead there; the shortest is taken, no repeats
    tx.tenant(
        acme,
        x -> {
          sql(
              x,
              "update leads set stage = 'meeting', owner_id = " + marco + " where id = " + c.id());
          return null;
        });
    WarmPath p = graph.warmPath(acme, a.id());
    assertThat(p.nodes())
        .extracting(GraphNode::id)
        .containsExactly("user:" + marco, "lead:" + c.id(), "lead:" + a.id());
    assertThat(p.edges()).extracting(GraphEdge::kind).containsExactly(EdgeKind.MET, EdgeKind.KNOWS);
    WarmPath viaB = graph.warmPath(acme, b.id());
    assertThat(viaB.nodes()).extracting(GraphNode::id).doesNotHaveDuplicates().hasSize(3);
  }

  @Test
  void connections_are_checked_and_stay_in_their_tenant() {
    Lead a = lead("conn-a." + UUID.randomUUID() + "@gmail.com", null);
    Lead b = lead("conn-b." + UUID.randomUUID() + "@gmail.com", null);
    LeadConnection k = graph.connect(acme, a.id(), EdgeKind.INTRODUCED_BY, b.id(), null, "", "t");
    assertThat(k.peerLabel()).isEqualTo(b.email());
    assertThat(graph.connections(acme, b.id())).extracting(LeadConnection::id).contains(k.id());
    assertThat(
            kind(
                () -> graph.connect(acme, a.id(), EdgeKind.INTRODUCED_BY, b.id(), null, null, "t")))
        .isEqualTo(DomainException.Kind.CONFLICT);
    assertThat(kind(() -> graph.connect(acme, a.id(), EdgeKind.KNOWS, a.id(), null, null, "t")))
        .isEqualTo(DomainException.Kind.INVALID);
    assertThat(kind(() -> graph.connect(acme, a.id(), EdgeKind.KNOWS, b.id(), elena, null, "t")))
        .isEqualTo(DomainException.Kind.INVALID);
    assertThat(kind(() -> graph.connect(acme, a.id(), EdgeKind.KNOWS, null, outsider, null, "t")))
        .isEqualTo(DomainException.Kind.INVALID);
    assertThat(kind(() -> graph.connect(acme, a.id(), EdgeKind.MET, b.id(), null, null, "t")))
        .isEqualTo(DomainException.Kind.INVALID);
    // another tenant: the lead and the connection do not exist there
    assertThat(kind(() -> graph.connect(globex, a.id(), EdgeKind.KNOWS, null, outsider, null, "t")))
        .isEqualTo(DomainException.Kind.NOT_FOUND);
    assertThat(kind(() -> graph.warmPath(globex, a.id())))
        .isEqualTo(DomainException.Kind.NOT_FOUND);
    assertThat(kind(() -> graph.lead(globex, a.id()))).isEqualTo(DomainException.Kind.NOT_FOUND);
    assertThat(kind(() -> graph.disconnect(globex, a.id(), k.id())))
        .isEqualTo(DomainException.Kind.NOT_FOUND);
    // the lead without account: its own graph with the peer
    Graph g = graph.lead(acme, a.id());
    assertThat(g.focus()).isEqualTo("lead:" + a.id());
    edge(g, EdgeKind.INTRODUCED_BY, "lead:" + a.id(), "lead:" + b.id());
    graph.disconnect(acme, b.id(), k.id());
    assertThat(graph.connections(acme, a.id())).isEmpty();
  }

  // ---- helpers ------------------------------------------------------------------------------

  static DomainException.Kind kind(Runnable r) {
    try {
      r.run();
    } catch (DomainException e) {
      return e.kind();
    }
    throw new AssertionError("no DomainException");
  }

  static GraphEdge edge(Graph g, EdgeKind kind, String source, String target) {
    return g.edges().stream()
        .filter(e -> e.kind() == kind && e.source().equals(source) && e.target().equals(target))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + kind + " " + source + " → " + target + " in " + g));
  }

  static String unique() {
    return "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
  }

  static Lead lead(String email, String company) {
    LeadDraft draft = new LeadDraft().set(LeadField.EMAIL, email);
    if (company != null) {
      draft.set(LeadField.COMPANY, company);
    }
    return leads.create(acme, draft, "t");
  }

  static ImportRow row(int n, String email, String company) {
    LeadDraft draft = new LeadDraft().set(LeadField.EMAIL, email).set(LeadField.FIRST_NAME, "P");
    if (company != null) {
      draft.set(LeadField.COMPANY, company);
    }
    LeadRules.Result r = LeadRules.check(draft, true);
    return new ImportRow(n + 2L, r.valid(), r.errors());
  }

  static Long accountOf(long leadId) {
    return tx.tenant(
        acme,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select account_id from leads where id = ?")) {
            ps.setLong(1, leadId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getObject(1, Long.class);
            }
          }
        });
  }

  static long leadId(String email) {
    return tx.tenant(
        acme,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("select id from leads where email = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  static long message(Connection c, long leadId, String actor, Instant sentAt) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into messages (lead_id, idempotency_key, message_id, to_address, subject,"
                + " body, status, created_by, sent_at) select ?, ?, ?, email, 'Hi', 'Hello',"
                + " 'SENT', ?, ? from leads where id = ? returning id")) {
      String key = UUID.randomUUID().toString();
      ps.setLong(1, leadId);
      ps.setString(2, key);
      ps.setString(3, "<" + key + "@test>");
      ps.setString(4, actor);
      ps.setTimestamp(5, Timestamp.from(sentAt));
      ps.setLong(6, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static void reply(Connection c, long messageId, long leadId, String cls, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into replies (message_id, lead_id, received_at, classification,"
                + " raw_message_id) values (?, ?, ?, ?, ?)")) {
      ps.setLong(1, messageId);
      ps.setLong(2, leadId);
      ps.setTimestamp(3, Timestamp.from(at));
      ps.setString(4, cls);
      ps.setString(5, "<" + UUID.randomUUID() + "@lead>");
      ps.executeUpdate();
    }
  }

  static long workflow(Connection c, String createdBy) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into workflows (name, draft, created_by) values ('Flow', '{}', ?) returning id")) {
      ps.setString(1, createdBy);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static void sql(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.execute();
    }
  }

  static long tenant(String slug) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into tenants (slug, display_name, status) values (?, ?, 'ACTIVE')"
                      + " returning id")) {
            ps.setString(1, slug);
            ps.setString(2, slug);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  static long user(String email, String name, long tenantId) {
    return tx.platform(
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into users (email, display_name, password_hash) values (?, ?, 'x')"
                      + " returning id")) {
            ps.setString(1, email);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into memberships (user_id, tenant_id, role) values (?, ?, 'SALES')")) {
            ps.setLong(1, id);
            ps.setLong(2, tenantId);
            ps.executeUpdate();
          }
          return id;
        });
  }
}
