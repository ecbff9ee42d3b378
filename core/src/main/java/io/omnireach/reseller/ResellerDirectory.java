package io.omnireach.reseller;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads resellers from the platform schema; their lifecycle lives in tenant-provisioning. */
public final class ResellerDirectory {

  private static final String COLUMNS = "id, slug, name, status, wholesale_plan, created_at";

  private final Transactions tx;

  public ResellerDirectory(Transactions tx) {
    this.tx = tx;
  }

  public Optional<Reseller> byId(long id) {
    return one("id = ?", id);
  }

  public Optional<Reseller> bySlug(String slug) {
    return one("slug = ?", slug);
  }

  /** The reseller or a 404 {@link DomainException}. */
  public Reseller require(long id) {
    return byId(id).orElseThrow(() -> DomainException.notFound("No reseller " + id + "."));
  }

  /** All resellers by name. */
  public List<Reseller> list() {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("select " + COLUMNS + " from resellers order by name, id");
              ResultSet rs = ps.executeQuery()) {
            List<Reseller> result = new ArrayList<>();
            while (rs.next()) {
              result.add(map(rs));
            }
            return result;
          }
        });
  }

  /** True when the reseller exists and is suspended; false for null (no reseller). */
  public boolean isSuspended(Long resellerId) {
    return resellerId != null
        && byId(resellerId).map(r -> r.status() == ResellerStatus.SUSPENDED).orElse(false);
  }

  private Optional<Reseller> one(String where, Object value) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select " + COLUMNS + " from resellers where " + where)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
          }
        });
  }

  public static Reseller map(ResultSet rs) throws SQLException {
    return new Reseller(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("name"),
        ResellerStatus.valueOf(rs.getString("status")),
        rs.getString("wholesale_plan"),
        rs.getTimestamp("created_at").toInstant());
  }
}
