package io.omnireach.marketplace;

import com.fasterxml.jackson.core.type.TypeReference;
import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code installed_blocks} table of each tenant: which block versions it installed and what
 * they created.
 */
public final class InstalledBlocks {

  /** One installed block. */
  public record Installed(
      String blockId,
      String version,
      String kind,
      String name,
      String source,
      String keyId,
      List<CreatedItem> created,
      String installedBy,
      Instant installedAt) {}

  private static final TypeReference<List<CreatedItem>> ITEMS = new TypeReference<>() {};
  private static final String COLUMNS =
      "block_id, version, kind, name, source, key_id, created, installed_by, installed_at";

  private final Transactions tx;
  private final Clock clock;

  public InstalledBlocks(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public List<Installed> list(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select " + COLUMNS + " from installed_blocks order by installed_at desc");
              ResultSet rs = ps.executeQuery()) {
            List<Installed> list = new ArrayList<>();
            while (rs.next()) {
              list.add(map(rs));
            }
            return list;
          }
        });
  }

  public Optional<Installed> find(TenantRef tenant, String blockId) {
    return list(tenant).stream().filter(i -> i.blockId().equals(blockId)).findFirst();
  }

  /** Records an install or an update (same block id: replaced). */
  public Installed record(TenantRef tenant, Installed i, boolean update, String actor) {
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into installed_blocks ("
                      + COLUMNS
                      + ") values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (block_id) do"
                      + " update set version = excluded.version, name = excluded.name, source ="
                      + " excluded.source, key_id = excluded.key_id, created = excluded.created,"
                      + " installed_by = excluded.installed_by, installed_at ="
                      + " excluded.installed_at")) {
            ps.setString(1, i.blockId());
            ps.setString(2, i.version());
            ps.setString(3, i.kind());
            ps.setString(4, i.name());
            ps.setString(5, i.source());
            ps.setString(6, i.keyId());
            ps.setString(7, Json.write(i.created()));
            ps.setString(8, actor);
            ps.setTimestamp(9, Timestamp.from(now));
            ps.executeUpdate();
          }
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              update ? "block.update" : "block.install",
              i.blockId(),
              i.version());
          return new Installed(
              i.blockId(),
              i.version(),
              i.kind(),
              i.name(),
              i.source(),
              i.keyId(),
              i.created(),
              actor,
              now);
        });
  }

  public void remove(TenantRef tenant, String blockId, String actor) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("delete from installed_blocks where block_id = ?")) {
            ps.setString(1, blockId);
            if (ps.executeUpdate() == 0) {
              throw DomainException.notFound("The block " + blockId + " is not installed.");
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "block.uninstall", blockId, null);
          return null;
        });
  }

  private static Installed map(ResultSet rs) throws java.sql.SQLException {
    List<CreatedItem> created;
    try {
      created = Json.MAPPER.readValue(rs.getString("created"), ITEMS);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new Installed(
        rs.getString("block_id"),
        rs.getString("version"),
        rs.getString("kind"),
        rs.getString("name"),
        rs.getString("source"),
        rs.getString("key_id"),
        created,
        rs.getString("installed_by"),
        rs.getTimestamp("installed_at").toInstant());
  }
}
