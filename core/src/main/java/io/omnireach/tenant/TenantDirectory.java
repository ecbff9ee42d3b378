package io.omnireach.tenant;

import io.omnireach.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads tenants from the platform schema. */
public final class TenantDirectory {

  private static final String COLUMNS =
      "id, slug, display_name, reseller_id, status, logo_url, primary_color, created_at";

  private final Transactions tx;

  public TenantDirectory(Transactions tx) {
    this.tx = tx;
  }

  public Optional<Tenant> bySlug(String slug) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select " + COLUMNS + " from tenants where slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
          }
        });
  }

  /** All tenants, or those of one reseller when {@code resellerId} is not null. */
  public List<Tenant> list(Long resellerId) {
    return tx.platform(
        c -> {
          String sql =
              "select "
                  + COLUMNS
                  + " from tenants"
                  + (resellerId == null ? "" : " where reseller_id = ?")
                  + " order by display_name";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (resellerId != null) {
              ps.setLong(1, resellerId);
            }
            List<Tenant> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(map(rs));
              }
            }
            return result;
          }
        });
  }

  public static Tenant map(ResultSet rs) throws SQLException {
    return new Tenant(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("display_name"),
        rs.getObject("reseller_id", Long.class),
        TenantStatus.valueOf(rs.getString("status")),
        new Tenant.Branding(rs.getString("logo_url"), rs.getString("primary_color")),
        rs.getTimestamp("created_at").toInstant());
  }
}
