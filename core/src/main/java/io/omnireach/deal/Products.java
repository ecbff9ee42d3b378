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
import java.util.List;

/** The tenant's price book ({@code products}) over plain JDBC; writes are audited. */
public final class Products {

  private static final String COLUMNS =
      "id, name, currency, list_price, floor_price, max_discount_percent, payment_terms::text,"
          + " contract_months::text, volume_tiers::text, updated_at";

  private final Transactions tx;
  private final Clock clock;

  public Products(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public List<Product> list(TenantRef tenant) {
    return tx.tenant(tenant, Products::all);
  }

  static List<Product> all(Connection c) throws SQLException {
    List<Product> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("select " + COLUMNS + " from products order by name, id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(map(rs));
      }
    }
    return out;
  }

  public Product get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> find(c, id));
  }

  public Product create(TenantRef tenant, ProductDraft d, String actor) {
    Timestamp now = Timestamp.from(clock.instant());
    return tx.tenant(
        tenant,
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into products (name, currency, list_price, floor_price,"
                      + " max_discount_percent, payment_terms, contract_months, volume_tiers,"
                      + " created_at, updated_at) values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb,"
                      + " ?::jsonb, ?, ?) returning id")) {
            int i = bind(ps, d);
            ps.setTimestamp(i++, now);
            ps.setTimestamp(i, now);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "product.create", "" + id, d.name());
          return find(c, id);
        });
  }

  public Product update(TenantRef tenant, long id, ProductDraft d, String actor) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update products set name = ?, currency = ?, list_price = ?, floor_price = ?,"
                      + " max_discount_percent = ?, payment_terms = ?::jsonb,"
                      + " contract_months = ?::jsonb, volume_tiers = ?::jsonb, updated_at = ?"
                      + " where id = ?")) {
            int i = bind(ps, d);
            ps.setTimestamp(i++, Timestamp.from(clock.instant()));
            ps.setLong(i, id);
            if (ps.executeUpdate() == 0) {
              throw notFound(id);
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "product.update", "" + id, d.name());
          return find(c, id);
        });
  }

  /** CONFLICT while a deal still has the product on a line. */
  public void delete(TenantRef tenant, long id, String actor) {
    tx.tenant(
        tenant,
        c -> {
          Product p = find(c, id);
          try (PreparedStatement ps =
              c.prepareStatement("select count(*) from deal_lines where product_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              if (rs.getInt(1) > 0) {
                throw DomainException.conflict(
                    null,
                    "Product "
                        + id
                        + " is on "
                        + rs.getInt(1)
                        + " deal line(s): remove it there first.");
              }
            }
          }
          try (PreparedStatement ps = c.prepareStatement("delete from products where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          AuditLog.record(c, actor, tenant.slug(), "product.delete", "" + id, p.name());
          return null;
        });
  }

  static Product find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + COLUMNS + " from products where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw notFound(id);
        }
        return map(rs);
      }
    }
  }

  static DomainException notFound(long id) {
    return DomainException.notFound("No product " + id + ".");
  }

  private static int bind(PreparedStatement ps, ProductDraft d) throws SQLException {
    ps.setString(1, d.name());
    ps.setString(2, d.currency());
    ps.setBigDecimal(3, d.listPrice());
    ps.setBigDecimal(4, d.floorPrice());
    ps.setBigDecimal(5, d.maxDiscountPercent());
    ps.setString(6, DealJson.write(d.paymentTerms()));
    ps.setString(7, DealJson.write(d.contractMonths()));
    ps.setString(8, DealJson.write(d.volumeTiers()));
    return 9;
  }

  private static Product map(ResultSet rs) throws SQLException {
    return new Product(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getBigDecimal(4),
        rs.getBigDecimal(5),
        rs.getBigDecimal(6),
        DealJson.read(rs.getString(7), new TypeReference<List<String>>() {}),
        DealJson.read(rs.getString(8), new TypeReference<List<Integer>>() {}),
        DealJson.read(rs.getString(9), new TypeReference<List<Product.Tier>>() {}),
        rs.getTimestamp(10).toInstant());
  }
}
