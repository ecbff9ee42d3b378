package io.omnireach.deal;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The clause library ({@code clauses}: one row per version) and the clauses each product of the
 * price book allows ({@code product_clauses}), over plain JDBC; writes are audited.
 */
public final class Clauses {

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final String COLUMNS =
      "key, version, title, body, category, created_by, created_at";
  private static final String LATEST =
      "select distinct on (key) " + COLUMNS + " from clauses order by key, version desc";

  private final Transactions tx;
  private final Clock clock;

  public Clauses(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** The latest version of every clause, by key. */
  public List<Clause> list(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          List<Clause> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(LATEST);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(map(rs));
            }
          }
          return out;
        });
  }

  /** Every version of a clause, newest first. */
  public List<Clause> versions(TenantRef tenant, String key) {
    return tx.tenant(
        tenant,
        c -> {
          List<Clause> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select " + COLUMNS + " from clauses where key = ? order by version desc")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(map(rs));
              }
            }
          }
          if (out.isEmpty()) {
            throw notFound(key);
          }
          return out;
        });
  }

  public Clause get(TenantRef tenant, String key) {
    return tx.tenant(tenant, c -> latest(c, key));
  }

  /** A new clause (version 1); CONFLICT when the key exists. */
  public Clause create(
      TenantRef tenant, String key, String title, String body, String category, String actor) {
    String k = key(key);
    return tx.tenant(
        tenant,
        c -> {
          if (latestOrNull(c, k) != null) {
            throw DomainException.conflict(
                "key", "A clause '" + k + "' exists: edit it to make a new version.");
          }
          insert(c, k, 1, title, body, category, actor);
          AuditLog.record(c, actor, tenant.slug(), "clause.create", k, title);
          return latest(c, k);
        });
  }

  /** Stores the edit as the next version; the fields not given keep the latest version's value. */
  public Clause update(
      TenantRef tenant, String key, String title, String body, String category, String actor) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "clause:" + key);
            ps.executeQuery().close();
          }
          Clause before = latest(c, key);
          insert(
              c,
              key,
              before.version() + 1,
              title == null ? before.title() : title,
              body == null ? before.body() : body,
              category == null ? before.category() : category,
              actor);
          AuditLog.record(
              c, actor, tenant.slug(), "clause.update", key, "" + (before.version() + 1));
          return latest(c, key);
        });
  }

  /**
   * Removes a clause (all versions) from the library and the price book. CONFLICT while a template
   * still has it in a slot. Documents keep their copy of the text.
   */
  public void delete(TenantRef tenant, String key, String actor) {
    tx.tenant(
        tenant,
        c -> {
          latest(c, key);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select name from deal_templates where clause_keys ?? ? order by id limit 1")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                throw DomainException.conflict(
                    null,
                    "Clause '"
                        + key
                        + "' is in the template '"
                        + rs.getString(1)
                        + "': remove it there first.");
              }
            }
          }
          for (String sql :
              new String[] {
                "delete from product_clauses where clause_key = ?",
                "delete from clauses where key = ?"
              }) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setString(1, key);
              ps.executeUpdate();
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "clause.delete", key, null);
          return null;
        });
  }

  /** The clause keys a product allows, sorted. */
  public List<String> allowed(TenantRef tenant, long productId) {
    return tx.tenant(
        tenant,
        c -> {
          Products.find(c, productId);
          return List.copyOf(allowed(c, List.of(productId)).getOrDefault(productId, Set.of()));
        });
  }

  /** Replaces the clauses a product allows; every key must be in the library. */
  public List<String> allow(TenantRef tenant, long productId, List<String> keys, String actor) {
    if (keys == null) {
      throw DomainException.invalid("clauseKeys", "clauseKeys is a list of clause keys.");
    }
    return tx.tenant(
        tenant,
        c -> {
          Product p = Products.find(c, productId);
          Set<String> unique = new LinkedHashSet<>(keys);
          requireAll(c, "clauseKeys", unique);
          try (PreparedStatement ps =
              c.prepareStatement("delete from product_clauses where product_id = ?")) {
            ps.setLong(1, productId);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into product_clauses (product_id, clause_key) values (?, ?)")) {
            for (String k : unique) {
              ps.setLong(1, productId);
              ps.setString(2, k);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          AuditLog.record(
              c, actor, tenant.slug(), "product.clauses", "" + productId, p.name() + ": " + unique);
          return List.copyOf(allowed(c, List.of(productId)).getOrDefault(productId, Set.of()));
        });
  }

  /** The allowed clause keys of these products, by product id (sorted keys). */
  static Map<Long, Set<String>> allowed(Connection c, Collection<Long> productIds)
      throws SQLException {
    Map<Long, Set<String>> out = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select product_id, clause_key from product_clauses where product_id = any(?)"
                + " order by product_id, clause_key")) {
      ps.setArray(1, c.createArrayOf("bigint", productIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>()).add(rs.getString(2));
        }
      }
    }
    return out;
  }

  /** UNPROCESSABLE naming the first key that is not in the library. */
  static void requireAll(Connection c, String field, Collection<String> keys) throws SQLException {
    for (String k : keys) {
      if (latestOrNull(c, k) == null) {
        throw DomainException.unprocessable(field, "No clause '" + k + "' in the clause library.");
      }
    }
  }

  static Clause latest(Connection c, String key) throws SQLException {
    Clause found = latestOrNull(c, key);
    if (found == null) {
      throw notFound(key);
    }
    return found;
  }

  static Clause latestOrNull(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select " + COLUMNS + " from clauses where key = ? order by version desc limit 1")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? map(rs) : null;
      }
    }
  }

  private void insert(
      Connection c,
      String key,
      int version,
      String title,
      String body,
      String category,
      String actor)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into clauses (key, version, title, body, category, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, key);
      ps.setInt(2, version);
      ps.setString(3, text("title", title, 200));
      ps.setString(4, text("body", body, 20_000));
      ps.setString(5, text("category", category, 80));
      ps.setString(6, actor);
      ps.setTimestamp(7, Timestamp.from(clock.instant()));
      ps.executeUpdate();
    }
  }

  private static String key(String key) {
    if (key == null || !KEY.matcher(key.strip()).matches()) {
      throw DomainException.invalid(
          "key",
          "key is 1–64 lower-case letters, digits, '-' or '_', starting with a letter or digit"
              + " (e.g. liability-cap).");
    }
    return key.strip();
  }

  static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, field + " is required.");
    }
    if (value.length() > max) {
      throw DomainException.invalid(field, field + " is at most " + max + " characters.");
    }
    return value.strip();
  }

  static DomainException notFound(String key) {
    return DomainException.notFound("No clause '" + key + "'.");
  }

  private static Clause map(ResultSet rs) throws SQLException {
    return new Clause(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant());
  }
}
