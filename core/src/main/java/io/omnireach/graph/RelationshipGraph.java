package io.omnireach.graph;

import io.omnireach.account.Account;
import io.omnireach.account.Accounts;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the relationship graph of one tenant: an account's graph (optionally centred on one of its
 * leads), who on the team has talked to an account's people, the shortest warm path from the team
 * to a lead; and keeps the manual connections. Edges come from the {@code graph_edges} view, so
 * nothing derived is stored twice.
 */
public final class RelationshipGraph {

  /** The warm path search stops after this many hops. */
  public static final int MAX_DEPTH = 4;

  /** An account graph shows at most this many of its people (the warmest; the focus always). */
  public static final int MAX_PEOPLE = 60;

  private static final String EDGE_COLUMNS =
      "kind, source, target, lead_id, peer_lead_id, user_id, count, strength, last_at";

  /**
   * Breadth-first search from the lead towards our users over warm edges only: lead → its account →
   * its other people (colleagues), lead ↔ lead (knows, introduced_by), lead → user (replied, met,
   * knows, introduced_by; an email alone is cold). Users end a path. Each step carries the path so
   * far, which is the cycle guard (a node never appears twice on a path) and the answer.
   */
  private static final String WARM_PATH =
      "with recursive walk (node, kind, id, depth, path, kinds, strengths, last_ats) as ("
          + " select 'lead:' || ?::bigint, 'lead', ?::bigint, 0, array['lead:' || ?::bigint],"
          + " array[]::text[], array[]::numeric[], array[]::timestamptz[]"
          + " union all"
          + " select n.kind || ':' || n.id, n.kind, n.id, w.depth + 1, w.path || (n.kind || ':' || n.id),"
          + " w.kinds || n.edge, w.strengths || n.strength, w.last_ats || n.last_at"
          + " from walk w cross join lateral ("
          + " select 'account'::text as kind, l.account_id as id, 'works_at'::text as edge,"
          + " 1.0::numeric as strength, null::timestamptz as last_at"
          + " from leads l where w.kind = 'lead' and l.id = w.id and l.account_id is not null"
          + " union all select 'lead', l.id, 'works_at', 1.0, null"
          + " from leads l where w.kind = 'account' and l.account_id = w.id"
          + " union all select 'user', e.user_id, e.kind, e.strength, e.last_at"
          + " from graph_edges e where w.kind = 'lead' and e.lead_id = w.id"
          + " and e.user_id is not null and e.kind <> 'emailed'"
          + " union all select 'lead', e.peer_lead_id, e.kind, e.strength, e.last_at"
          + " from graph_edges e where w.kind = 'lead' and e.lead_id = w.id"
          + " and e.peer_lead_id is not null"
          + " union all select 'lead', e.lead_id, e.kind, e.strength, e.last_at"
          + " from graph_edges e where w.kind = 'lead' and e.peer_lead_id = w.id"
          + " ) n"
          + " where w.kind <> 'user' and w.depth < ?"
          + " and not (n.kind || ':' || n.id) = any (w.path))"
          + " select w.path, w.kinds, w.strengths, w.last_ats from walk w"
          + " join platform.memberships m on m.user_id = w.id and m.tenant_id = ?"
          + " where w.kind = 'user'"
          + " order by w.depth, (select sum(s) from unnest(w.strengths) s) desc, w.path::text"
          + " limit 1";

  private final Transactions tx;
  private final Clock clock;

  public RelationshipGraph(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** The account, its people (the warmest {@link #MAX_PEOPLE}), our users and their edges. */
  public Graph account(TenantRef tenant, long accountId) {
    return tx.tenant(tenant, c -> accountGraph(c, Accounts.get(c, accountId), null));
  }

  /**
   * The graph around a lead: its account's graph centred on it, or (no account) the lead with its
   * own edges.
   */
  public Graph lead(TenantRef tenant, long leadId) {
    return tx.tenant(
        tenant,
        c -> {
          Long accountId = accountOf(c, leadId);
          if (accountId != null) {
            return accountGraph(c, Accounts.get(c, accountId), leadId);
          }
          Builder b = new Builder();
          b.leads(List.of(leadId));
          b.edges(c, List.of(leadId));
          b.finish(c);
          return b.graph(NodeKind.LEAD.id(leadId));
        });
  }

  /**
   * Who on the team (current members) has talked to anyone at the account, and how warm: emails,
   * replies, meetings and personal connections per teammate, warmest first.
   */
  public List<TeamContact> team(TenantRef tenant, long accountId) {
    return tx.tenant(
        tenant,
        c -> {
          Accounts.get(c, accountId);
          List<TeamContact> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select e.user_id, u.display_name, u.email,"
                      + " coalesce(sum(e.count) filter (where e.kind = 'emailed'), 0),"
                      + " coalesce(sum(e.count) filter (where e.kind = 'replied'), 0),"
                      + " coalesce(sum(e.count) filter (where e.kind = 'met'), 0),"
                      + " count(*) filter (where e.kind in ('knows', 'introduced_by')),"
                      + " count(distinct e.lead_id), max(e.last_at),"
                      + " max(case when e.kind in ('knows', 'introduced_by')"
                      + " then greatest(l.relationship_score, 70) else l.relationship_score end)"
                      + " from graph_edges e join leads l on l.id = e.lead_id"
                      + " join platform.users u on u.id = e.user_id"
                      + " join platform.memberships m on m.user_id = u.id and m.tenant_id = ?"
                      + " where e.lead_id = any (?) and e.user_id is not null"
                      + " group by e.user_id, u.display_name, u.email"
                      + " order by 10 desc, 9 desc nulls last, e.user_id")) {
            ps.setLong(1, tenant.id());
            ps.setArray(2, c.createArrayOf("int8", leadsOf(c, accountId, 0).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Timestamp last = rs.getTimestamp(9);
                out.add(
                    new TeamContact(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        last == null ? null : last.toInstant(),
                        rs.getInt(10)));
              }
            }
          }
          return out;
        });
  }

  /**
   * The shortest warm path (fewest hops, then strongest) from a current member of the team to the
   * lead, at most {@link #MAX_DEPTH} hops; empty when there is none.
   */
  public WarmPath warmPath(TenantRef tenant, long leadId) {
    return tx.tenant(
        tenant,
        c -> {
          requireLead(c, leadId);
          try (PreparedStatement ps = c.prepareStatement(WARM_PATH)) {
            ps.setLong(1, leadId);
            ps.setLong(2, leadId);
            ps.setLong(3, leadId);
            ps.setInt(4, MAX_DEPTH);
            ps.setLong(5, tenant.id());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return new WarmPath(leadId, List.of(), List.of());
              }
              String[] path = (String[]) rs.getArray(1).getArray();
              String[] kinds = (String[]) rs.getArray(2).getArray();
              Object[] strengths = (Object[]) rs.getArray(3).getArray();
              Object[] lastAts = (Object[]) rs.getArray(4).getArray();
              // the walk went lead → user; the answer reads user → lead
              Builder b = new Builder();
              for (String id : path) {
                b.want(id);
              }
              b.finish(c);
              List<GraphNode> nodes = new ArrayList<>();
              for (int i = path.length - 1; i >= 0; i--) {
                nodes.add(b.nodes.get(path[i]));
              }
              List<GraphEdge> edges = new ArrayList<>();
              for (int i = kinds.length - 1; i >= 0; i--) {
                Timestamp at = (Timestamp) lastAts[i];
                edges.add(
                    new GraphEdge(
                        path[i + 1],
                        path[i],
                        EdgeKind.parse(kinds[i]),
                        ((Number) strengths[i]).doubleValue(),
                        1,
                        at == null ? null : at.toInstant()));
              }
              return new WarmPath(leadId, nodes, edges);
            }
          }
        });
  }

  /**
   * Adds a manual connection: the lead knows, or was introduced by, another lead of this workspace
   * or one of its members. Exactly one peer; not the lead itself; once per kind and peer.
   */
  public LeadConnection connect(
      TenantRef tenant,
      long leadId,
      EdgeKind kind,
      Long peerLeadId,
      Long peerUserId,
      String note,
      String actor) {
    if (kind == null || !kind.manual()) {
      throw DomainException.invalid("kind", "kind must be knows or introduced_by.");
    }
    if ((peerLeadId == null) == (peerUserId == null)) {
      throw DomainException.invalid(
          "leadId", "Name exactly one peer: leadId (another lead) or userId (a teammate).");
    }
    if (peerLeadId != null && peerLeadId == leadId) {
      throw DomainException.invalid("leadId", "A lead cannot be connected to itself.");
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > 500) {
      throw DomainException.invalid("note", "note must be at most 500 characters.");
    }
    return tx.tenant(
        tenant,
        c -> {
          requireLead(c, leadId);
          if (peerLeadId != null && !exists(c, "select 1 from leads where id = ?", peerLeadId)) {
            throw DomainException.invalid(
                "leadId", "No lead " + peerLeadId + " in this workspace.");
          }
          if (peerUserId != null && !isMember(c, tenant, peerUserId)) {
            throw DomainException.invalid(
                "userId", "User " + peerUserId + " is not a member of this workspace.");
          }
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into lead_connections (kind, lead_id, peer_lead_id, peer_user_id, note,"
                      + " created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)"
                      + " on conflict do nothing returning id")) {
            ps.setString(1, kind.json());
            ps.setLong(2, leadId);
            ps.setObject(3, peerLeadId);
            ps.setObject(4, peerUserId);
            ps.setString(5, text);
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw DomainException.conflict(
                    "kind", "This connection is already recorded for lead " + leadId + ".");
              }
              id = rs.getLong(1);
            }
          }
          return connections(c, leadId).stream()
              .filter(x -> x.id() == id)
              .findFirst()
              .orElseThrow();
        });
  }

  /** The lead's manual connections, both ways round (as the lead or as the peer), newest first. */
  public List<LeadConnection> connections(TenantRef tenant, long leadId) {
    return tx.tenant(
        tenant,
        c -> {
          requireLead(c, leadId);
          return connections(c, leadId);
        });
  }

  /** Removes a manual connection of the lead (as the lead or the peer); 404 when not there. */
  public void disconnect(TenantRef tenant, long leadId, long connectionId) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "delete from lead_connections where id = ? and (lead_id = ? or peer_lead_id = ?)")) {
            ps.setLong(1, connectionId);
            ps.setLong(2, leadId);
            ps.setLong(3, leadId);
            if (ps.executeUpdate() == 0) {
              throw DomainException.notFound(
                  "No connection " + connectionId + " of lead " + leadId + " in this workspace.");
            }
          }
          return null;
        });
  }

  // ---- reading ------------------------------------------------------------------------------

  private static Graph accountGraph(Connection c, Account account, Long focus) throws SQLException {
    List<Long> people = leadsOf(c, account.id(), MAX_PEOPLE);
    if (focus != null && !people.contains(focus)) {
      people.add(focus);
    }
    Builder b = new Builder();
    String accountNode = NodeKind.ACCOUNT.id(account.id());
    b.nodes.put(
        accountNode, new GraphNode(accountNode, NodeKind.ACCOUNT, account.name(), account.score()));
    b.leads(people);
    for (Long lead : people) {
      b.edges.add(
          new GraphEdge(NodeKind.LEAD.id(lead), accountNode, EdgeKind.WORKS_AT, 1.0, 1, null));
    }
    b.edges(c, people);
    b.finish(c);
    return b.graph(focus == null ? accountNode : NodeKind.LEAD.id(focus));
  }

  /** The account's lead ids, warmest first; all of them when {@code limit} is 0. */
  private static List<Long> leadsOf(Connection c, long accountId, int limit) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id from leads where account_id = ? order by relationship_score desc, id"
                + (limit > 0 ? " limit " + limit : ""))) {
      ps.setLong(1, accountId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static Long accountOf(Connection c, long leadId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select account_id from leads where id = ?")) {
      ps.setLong(1, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No lead " + leadId + " in this workspace.");
        }
        return rs.getObject(1, Long.class);
      }
    }
  }

  private static void requireLead(Connection c, long leadId) throws SQLException {
    if (!exists(c, "select 1 from leads where id = ?", leadId)) {
      throw DomainException.notFound("No lead " + leadId + " in this workspace.");
    }
  }

  private static boolean isMember(Connection c, TenantRef tenant, long userId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select 1 from platform.memberships where tenant_id = ? and user_id = ?")) {
      ps.setLong(1, tenant.id());
      ps.setLong(2, userId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean exists(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static List<LeadConnection> connections(Connection c, long leadId) throws SQLException {
    List<LeadConnection> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select k.id, k.kind, k.lead_id, k.peer_lead_id, k.peer_user_id,"
                + " case when k.peer_user_id is not null then u.display_name"
                + " when k.lead_id = ? then "
                + leadName("p")
                + " else "
                + leadName("o")
                + " end,"
                + " k.note, k.created_by, k.created_at from lead_connections k"
                + " left join leads p on p.id = k.peer_lead_id"
                + " left join leads o on o.id = k.lead_id"
                + " left join platform.users u on u.id = k.peer_user_id"
                + " where k.lead_id = ? or k.peer_lead_id = ? order by k.created_at desc, k.id desc")) {
      ps.setLong(1, leadId);
      ps.setLong(2, leadId);
      ps.setLong(3, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new LeadConnection(
                  rs.getLong(1),
                  EdgeKind.parse(rs.getString(2)),
                  rs.getLong(3),
                  rs.getObject(4, Long.class),
                  rs.getObject(5, Long.class),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getTimestamp(9).toInstant()));
        }
      }
    }
    return out;
  }

  /** A lead's display name in SQL: its full name, else its email, phone or LinkedIn URL. */
  private static String leadName(String alias) {
    return "coalesce(nullif(trim(coalesce("
        + alias
        + ".first_name, '') || ' ' || coalesce("
        + alias
        + ".last_name, '')), ''), "
        + alias
        + ".email, "
        + alias
        + ".phone, "
        + alias
        + ".linkedin_url)";
  }

  /** Collects nodes and edges, then reads the labels of every node it was handed by id only. */
  private static final class Builder {
    final Map<String, GraphNode> nodes = new LinkedHashMap<>();
    final List<GraphEdge> edges = new ArrayList<>();
    final Set<String> wanted = new LinkedHashSet<>();

    void want(String id) {
      if (!nodes.containsKey(id)) {
        wanted.add(id);
      }
    }

    void leads(List<Long> ids) {
      ids.forEach(id -> want(NodeKind.LEAD.id(id)));
    }

    /** Every edge of these leads but works_at (the caller adds those it shows). */
    void edges(Connection c, List<Long> leadIds) throws SQLException {
      Array ids = c.createArrayOf("int8", leadIds.toArray());
      try (PreparedStatement ps =
          c.prepareStatement(
              "select "
                  + EDGE_COLUMNS
                  + " from graph_edges where lead_id = any (?) and kind <> 'works_at'"
                  + " union select "
                  + EDGE_COLUMNS
                  + " from graph_edges where peer_lead_id = any (?)"
                  + " order by 1, 2, 3")) {
        ps.setArray(1, ids);
        ps.setArray(2, ids);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Timestamp at = rs.getTimestamp(9);
            GraphEdge e =
                new GraphEdge(
                    rs.getString(2),
                    rs.getString(3),
                    EdgeKind.parse(rs.getString(1)),
                    rs.getDouble(8),
                    rs.getLong(7),
                    at == null ? null : at.toInstant());
            edges.add(e);
            want(e.source());
            want(e.target());
          }
        }
      }
    }

    /** Reads labels and scores of the wanted nodes: one query per kind. */
    void finish(Connection c) throws SQLException {
      Map<NodeKind, List<Long>> byKind = new HashMap<>();
      for (String id : wanted) {
        NodeKind kind = NodeKind.valueOf(id.substring(0, id.indexOf(':')).toUpperCase());
        byKind
            .computeIfAbsent(kind, k -> new ArrayList<>())
            .add(Long.parseLong(id.substring(id.indexOf(':') + 1)));
      }
      Map<String, GraphNode> found = new HashMap<>();
      read(
          c,
          byKind.get(NodeKind.LEAD),
          "select id, " + leadName("l") + ", relationship_score from leads l where id = any (?)",
          NodeKind.LEAD,
          found);
      read(
          c,
          byKind.get(NodeKind.USER),
          "select id, display_name, null::int from platform.users where id = any (?)",
          NodeKind.USER,
          found);
      for (Long id : byKind.getOrDefault(NodeKind.ACCOUNT, List.of())) {
        Account a = Accounts.get(c, id);
        found.put(
            NodeKind.ACCOUNT.id(id),
            new GraphNode(NodeKind.ACCOUNT.id(id), NodeKind.ACCOUNT, a.name(), a.score()));
      }
      for (String id : wanted) {
        GraphNode n = found.get(id);
        if (n != null) {
          nodes.put(id, n);
        }
      }
      wanted.clear();
      // an edge to a node that is gone (a user deleted from the platform) is left out
      edges.removeIf(e -> !nodes.containsKey(e.source()) || !nodes.containsKey(e.target()));
    }

    Graph graph(String focus) {
      return new Graph(new ArrayList<>(nodes.values()), edges, focus);
    }

    private static void read(
        Connection c, List<Long> ids, String sql, NodeKind kind, Map<String, GraphNode> into)
        throws SQLException {
      if (ids == null || ids.isEmpty()) {
        return;
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setArray(1, c.createArrayOf("int8", ids.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String id = kind.id(rs.getLong(1));
            into.put(id, new GraphNode(id, kind, rs.getString(2), rs.getObject(3, Integer.class)));
          }
        }
      }
    }
  }
}
