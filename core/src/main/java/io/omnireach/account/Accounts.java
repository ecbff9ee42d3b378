package io.omnireach.account;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Reads accounts with their lead count, score and last contact. Every method: one tenant only. */
public final class Accounts {

  public static final int MAX_PAGE = 200;

  /**
   * The account score, 0–100: {@code round(0.6 × best + 0.4 × mean)} of its leads' relationship
   * scores. The warmest person counts most (one champion opens the door); the mean rewards breadth,
   * so ten lukewarm contacts do not outrank one hot one, and one hot contact among many cold ones
   * is still visible.
   */
  public static final String SCORE_FORMULA =
      "round(0.6 * max(l.relationship_score) + 0.4 * avg(l.relationship_score))::int";

  /** Per account with leads: its count, score and mean lead score. */
  private static final String STATS =
      "select l.account_id as id, count(*)::int as leads, "
          + SCORE_FORMULA
          + " as score, round(avg(l.relationship_score), 1) as average"
          + " from leads l where l.account_id is not null group by l.account_id";

  /** The last message sent to or reply received from any lead of account {@code a.id}. */
  private static final String LAST_CONTACT =
      "(select max(x) from (select max(m.sent_at) as x from leads l join messages m"
          + " on m.lead_id = l.id where l.account_id = a.id and m.status = 'SENT'"
          + " union all select max(r.received_at) from leads l join replies r on r.lead_id = l.id"
          + " where l.account_id = a.id and r.classification not in ('BOUNCE', 'OUT_OF_OFFICE')"
          + ") c)";

  private static final String SELECT =
      "select a.id, a.name, a.domain, s.leads, s.score, s.average, "
          + LAST_CONTACT
          + " as last_contact from accounts a join ("
          + STATS
          + ") s on s.id = a.id";

  private final Transactions tx;

  public Accounts(Transactions tx) {
    this.tx = tx;
  }

  /** A page of the accounts that have leads, sorted by (value, id). */
  public List<Account> slice(TenantRef tenant, AccountQuery query, int offset, int limit) {
    if (limit < 1 || limit > MAX_PAGE || offset < 0) {
      throw DomainException.invalid(
          "limit", "limit must be between 1 and " + MAX_PAGE + ", offset at least 0.");
    }
    String dir = query.ascending() ? " asc" : " desc";
    String sql =
        SELECT
            + where(query)
            + " order by "
            + query.sort().expression
            + dir
            + ", a.id"
            + dir
            + " limit ? offset ?";
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bind(ps, query);
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            return read(ps);
          }
        });
  }

  /** How many accounts with leads match. */
  public int count(TenantRef tenant, AccountQuery query) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select count(*) from accounts a where exists"
                      + " (select 1 from leads l where l.account_id = a.id)"
                      + where(query).replaceFirst(" where ", " and "))) {
            bind(ps, query);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  /** One account, with its aggregates; 404 when unknown or without leads. */
  public Account get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> get(c, id));
  }

  /** The account on the caller's connection; 404 when unknown or without leads. */
  public static Account get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select a.id, a.name, a.domain, s.leads, s.score, s.average, "
                + LAST_CONTACT
                + " as last_contact from accounts a cross join lateral (select count(*)::int"
                + " as leads, coalesce("
                + SCORE_FORMULA
                + ", 0) as score, coalesce(round(avg(l.relationship_score), 1), 0) as average"
                + " from leads l where l.account_id = a.id) s where a.id = ? and s.leads > 0")) {
      ps.setLong(1, id);
      List<Account> found = read(ps);
      if (found.isEmpty()) {
        throw DomainException.notFound("No account " + id + " in this workspace.");
      }
      return found.get(0);
    }
  }

  /** The account's people, warmest first, at most {@code limit}. */
  public List<AccountPerson> people(TenantRef tenant, long id, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          List<AccountPerson> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')),"
                      + " title, email, stage, relationship_score, coalesce(email, phone, linkedin_url)"
                      + " from leads"
                      + " where account_id = ? order by relationship_score desc, id limit ?")) {
            ps.setLong(1, id);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String name = rs.getString(2);
                out.add(
                    new AccountPerson(
                        rs.getLong(1),
                        name.isEmpty() ? rs.getString(7) : name,
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6)));
              }
            }
          }
          return out;
        });
  }

  private static String where(AccountQuery q) {
    return q.text() == null
        ? ""
        : " where (a.name ilike ? escape '\\' or a.domain ilike ? escape '\\')";
  }

  private static int bind(PreparedStatement ps, AccountQuery q) throws SQLException {
    int i = 1;
    if (q.text() != null) {
      String like =
          "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      ps.setString(i++, like);
      ps.setString(i++, like);
    }
    return i;
  }

  private static List<Account> read(PreparedStatement ps) throws SQLException {
    List<Account> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Timestamp last = rs.getTimestamp(7);
        out.add(
            new Account(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getBigDecimal(6),
                last == null ? null : last.toInstant()));
      }
    }
    return out;
  }
}
