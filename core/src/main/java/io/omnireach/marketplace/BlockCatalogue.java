package io.omnireach.marketplace;

import io.omnireach.block.Block;
import io.omnireach.block.BlockManifest;
import io.omnireach.block.Blocks;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks stored in this instance ({@code platform.marketplace_blocks}: built-in ones, those
 * tenants published and those resellers published for their tenants) and the tenants' ratings of
 * blocks. A tenant sees the built-in blocks, its own and its reseller's; a block id belongs to its
 * first publisher.
 */
public final class BlockCatalogue {

  /** The ratings of one block: average stars (null when none) and how many. */
  public record Score(Double average, int count) {
    static final Score NONE = new Score(null, 0);
  }

  /** One tenant's rating. */
  public record Review(String tenant, int stars, String text, Instant updatedAt, boolean mine) {}

  private final Transactions tx;
  private final Clock clock;

  public BlockCatalogue(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Stores a block; CONFLICT when the version exists or another publisher owns the id.
   *
   * @param tenant the publisher, or null for a built-in block
   */
  public void store(Block block, TenantRef tenant, boolean listed, String keyId, String actor) {
    store(block, tenant, null, listed, keyId, actor);
  }

  /** Stores a block a reseller publishes for its tenants (never listed in the public index). */
  public void storeForReseller(Block block, long resellerId, String keyId, String actor) {
    store(block, null, resellerId, false, keyId, actor);
  }

  private void store(
      Block block, TenantRef tenant, Long resellerId, boolean listed, String keyId, String actor) {
    BlockManifest m = block.manifest();
    Long tenantId = tenant == null ? null : tenant.id();
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select tenant_id, reseller_id, version from marketplace_blocks"
                      + " where block_id = ?")) {
            ps.setString(1, m.id());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (!java.util.Objects.equals(rs.getObject(1), tenantId)
                    || !java.util.Objects.equals(rs.getObject(2), resellerId)) {
                  throw DomainException.conflict(
                      "manifest.id",
                      "The block id \""
                          + m.id()
                          + "\" belongs to another publisher; pick another.");
                }
                if (rs.getString(3).equals(m.version())) {
                  throw DomainException.conflict(
                      "manifest.version",
                      m.id()
                          + " "
                          + m.version()
                          + " is already published; a published version never changes (raise"
                          + " the version).");
                }
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into marketplace_blocks (block_id, version, kind, name, description,"
                      + " tags, author, key_id, scope, tenant_id, listed, file, published_at,"
                      + " published_by, reseller_id)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.id());
            ps.setString(2, m.version());
            ps.setString(3, m.kind().code());
            ps.setString(4, m.name());
            ps.setString(5, m.description());
            ps.setArray(6, c.createArrayOf("text", m.tags().toArray()));
            ps.setString(7, m.author());
            ps.setString(8, keyId);
            ps.setString(
                9, tenant != null ? "TENANT" : resellerId != null ? "RESELLER" : "BUILTIN");
            ps.setObject(10, tenantId);
            ps.setBoolean(11, listed);
            ps.setString(12, Blocks.write(block));
            ps.setTimestamp(13, Timestamp.from(clock.instant()));
            ps.setString(14, actor);
            ps.setObject(15, resellerId);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Whether a built-in block of this id and version is stored (seeding stays idempotent). */
  public boolean hasBuiltin(String blockId, String version) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select 1 from marketplace_blocks where block_id = ? and version = ?")) {
            ps.setString(1, blockId);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /**
   * Every version of every block the tenant may see (built-in, its own and its reseller's), newest
   * first.
   */
  public List<StoredBlock> visible(TenantRef tenant) {
    return tx.platform(
        c ->
            query(
                c,
                "where (tenant_id is null and reseller_id is null) or tenant_id = ?"
                    + " or reseller_id = (select reseller_id from tenants where id = ?)"
                    + " order by block_id, published_at desc",
                tenant.id(),
                tenant.id()));
  }

  /** Every version of the blocks a reseller published, newest first. */
  public List<StoredBlock> ofReseller(long resellerId) {
    return tx.platform(
        c -> query(c, "where reseller_id = ? order by block_id, published_at desc", resellerId));
  }

  /** The blocks this instance's registry index lists: built-in and those published as listed. */
  public List<StoredBlock> listed() {
    return tx.platform(
        c ->
            query(
                c,
                "where (tenant_id is null and reseller_id is null) or listed"
                    + " order by block_id, published_at desc"));
  }

  private static List<StoredBlock> query(Connection c, String where, Object... params)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select file, tenant_id, listed, reseller_id, published_at, published_by"
                + " from marketplace_blocks "
                + where)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<StoredBlock> result = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(
              new StoredBlock(
                  rs.getString(1),
                  (Long) rs.getObject(2),
                  rs.getBoolean(3),
                  (Long) rs.getObject(4),
                  rs.getTimestamp(5).toInstant(),
                  rs.getString(6)));
        }
      }
      return result;
    }
  }

  /** Creates or replaces the tenant's rating of a block. */
  public Review rate(TenantRef tenant, String blockId, int stars, String text, String actor) {
    if (stars < 1 || stars > 5) {
      throw DomainException.invalid("stars", "stars must be a whole number from 1 to 5.");
    }
    if (text != null && text.length() > 2000) {
      throw DomainException.invalid("text", "text must be at most 2000 characters.");
    }
    String review = text == null || text.isBlank() ? null : text.strip();
    Instant now = clock.instant();
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into marketplace_ratings (block_id, tenant_id, stars, review, author,"
                      + " updated_at) values (?, ?, ?, ?, ?, ?) on conflict (block_id, tenant_id)"
                      + " do update set stars = excluded.stars, review = excluded.review,"
                      + " author = excluded.author, updated_at = excluded.updated_at")) {
            ps.setString(1, blockId);
            ps.setLong(2, tenant.id());
            ps.setInt(3, stars);
            ps.setString(4, review);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
          }
          return new Review(tenantName(c, tenant.id()), stars, review, now, true);
        });
  }

  /** Average stars and count per block id. */
  public Map<String, Score> scores() {
    return tx.platform(
        c -> {
          Map<String, Score> scores = new HashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select block_id, avg(stars)::float8, count(*) from marketplace_ratings"
                          + " group by block_id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              scores.put(
                  rs.getString(1),
                  new Score(Math.round(rs.getDouble(2) * 10) / 10.0, rs.getInt(3)));
            }
          }
          return scores;
        });
  }

  public Score score(String blockId) {
    return scores().getOrDefault(blockId, Score.NONE);
  }

  /** The reviews of a block, newest first; reviewers are named by their workspace. */
  public List<Review> reviews(TenantRef tenant, String blockId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select t.display_name, r.stars, r.review, r.updated_at, r.tenant_id = ?"
                      + " from marketplace_ratings r join tenants t on t.id = r.tenant_id"
                      + " where r.block_id = ? order by r.updated_at desc")) {
            ps.setLong(1, tenant.id());
            ps.setString(2, blockId);
            List<Review> reviews = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                reviews.add(
                    new Review(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)));
              }
            }
            return reviews;
          }
        });
  }

  /** The display name of a tenant (the author of its exports, the name on its reviews). */
  public String tenantName(long tenantId) {
    return tx.platform(c -> tenantName(c, tenantId));
  }

  private static String tenantName(Connection c, long tenantId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select display_name from tenants where id = ?")) {
      ps.setLong(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }
}
