package io.omnireach.deal;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Transaction templates ({@code deal_templates}) over plain JDBC. Every workspace starts with an
 * offer letter, an order form and a simple contract (migration V35), edited like any other. Text is
 * checked by {@link MergeFields} and clause slots against the library when saved.
 */
public final class DealTemplates {

  private static final String COLUMNS =
      "id, kind, name, title, body, clause_keys::text, version, updated_by, updated_at";

  /** The editable parts of a template; null = keep (on update). */
  public record Draft(
      DocumentKind kind, String name, String title, String body, List<String> clauseKeys) {}

  private final Transactions tx;
  private final Clock clock;

  public DealTemplates(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public List<DealTemplate> list(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          List<DealTemplate> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select " + COLUMNS + " from deal_templates order by kind, id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(map(rs));
            }
          }
          return out;
        });
  }

  public DealTemplate get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> find(c, id));
  }

  public DealTemplate create(TenantRef tenant, Draft d, String actor) {
    if (d.kind() == null) {
      throw DomainException.invalid(
          "kind", "kind is required (OFFER_LETTER, ORDER_FORM, CONTRACT).");
    }
    check(d, true);
    return tx.tenant(
        tenant,
        c -> {
          List<String> keys = keys(c, d.clauseKeys());
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into deal_templates (kind, name, title, body, clause_keys, updated_by,"
                      + " updated_at) values (?, ?, ?, ?, ?::jsonb, ?, ?) returning id")) {
            ps.setString(1, d.kind().name());
            ps.setString(2, d.name().strip());
            ps.setString(3, d.title().strip());
            ps.setString(4, d.body().strip());
            ps.setString(5, DealJson.write(keys));
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "deal-template.create", "" + id, d.name());
          return find(c, id);
        });
  }

  /** Changes the given parts and raises the version. */
  public DealTemplate update(TenantRef tenant, long id, Draft d, String actor) {
    check(d, false);
    return tx.tenant(
        tenant,
        c -> {
          DealTemplate before = find(c, id);
          List<String> keys =
              d.clauseKeys() == null ? before.clauseKeys() : keys(c, d.clauseKeys());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update deal_templates set kind = ?, name = ?, title = ?, body = ?,"
                      + " clause_keys = ?::jsonb, version = version + 1, updated_by = ?,"
                      + " updated_at = ? where id = ?")) {
            ps.setString(1, (d.kind() == null ? before.kind() : d.kind()).name());
            ps.setString(2, d.name() == null ? before.name() : d.name().strip());
            ps.setString(3, d.title() == null ? before.title() : d.title().strip());
            ps.setString(4, d.body() == null ? before.body() : d.body().strip());
            ps.setString(5, DealJson.write(keys));
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
            ps.setLong(8, id);
            ps.executeUpdate();
          }
          AuditLog.record(c, actor, tenant.slug(), "deal-template.update", "" + id, null);
          return find(c, id);
        });
  }

  /** Documents generated from it keep their PDF, template name and version. */
  public void delete(TenantRef tenant, long id, String actor) {
    tx.tenant(
        tenant,
        c -> {
          DealTemplate t = find(c, id);
          try (PreparedStatement ps =
              c.prepareStatement("delete from deal_templates where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          AuditLog.record(c, actor, tenant.slug(), "deal-template.delete", "" + id, t.name());
          return null;
        });
  }

  private static void check(Draft d, boolean create) {
    if (create || d.name() != null) {
      Clauses.text("name", d.name(), 120);
    }
    if (create || d.title() != null) {
      Clauses.text("title", d.title(), 300);
      MergeFields.check("title", d.title());
    }
    if (create || d.body() != null) {
      Clauses.text("body", d.body(), 20_000);
      MergeFields.check("body", d.body());
    }
  }

  private static List<String> keys(Connection c, List<String> keys) throws SQLException {
    if (keys == null) {
      return List.of();
    }
    List<String> unique = List.copyOf(new LinkedHashSet<>(keys));
    Clauses.requireAll(c, "clauseKeys", unique);
    return unique;
  }

  static DealTemplate find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + COLUMNS + " from deal_templates where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No template " + id + ".");
        }
        return map(rs);
      }
    }
  }

  private static DealTemplate map(ResultSet rs) throws SQLException {
    return new DealTemplate(
        rs.getLong(1),
        DocumentKind.valueOf(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        DealJson.read(rs.getString(6), new TypeReference<List<String>>() {}),
        rs.getInt(7),
        rs.getString(8),
        rs.getTimestamp(9).toInstant());
  }
}
