package io.omnireach.marketplace;

import io.omnireach.block.PublisherKeys;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Ed25519 keys that sign blocks here (the instance's for built-in blocks, each tenant's for its
 * exports; generated on first use, private halves sealed by {@link SecretBox}) and the keys a
 * tenant trusts. A key is trusted by a tenant when it is the instance's, the tenant's own, or on
 * the tenant's or the Owner's trusted list.
 */
public final class PublisherKeyring {

  /** A key that signs: the pair and its id. */
  public record Signer(PrivateKey privateKey, PublicKey publicKey, String keyId) {}

  /** A key on a trusted list; {@code global} when the Owner trusts it for every tenant. */
  public record TrustedKey(long id, String keyId, String name, boolean global) {}

  private final Transactions tx;
  private final SecretBox secrets;
  private final Clock clock;

  public PublisherKeyring(Transactions tx, SecretBox secrets, Clock clock) {
    this.tx = tx;
    this.secrets = secrets;
    this.clock = clock;
  }

  private volatile Signer instance;

  public Signer instance() {
    Signer s = instance;
    if (s == null) {
      s = tx.platform(c -> signer(c, "marketplace_instance_key"));
      instance = s; // one instance key for the life of the database: safe to keep
    }
    return s;
  }

  public Signer tenant(TenantRef tenant) {
    return tx.tenant(tenant, c -> signer(c, "publisher_key"));
  }

  /** The tenant's public key id, without creating one (null when it never exported). */
  String tenantKeyId(TenantRef tenant) {
    return tx.tenant(tenant, c -> publicKeyId(c, "publisher_key"));
  }

  public boolean trusted(TenantRef tenant, String keyId) {
    if (keyId == null) {
      return false;
    }
    if (keyId.equals(instance().keyId()) || keyId.equals(tenantKeyId(tenant))) {
      return true;
    }
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select 1 from marketplace_trusted_keys where key_id = ?"
                      + " and (tenant_id is null or tenant_id = ?)")) {
            ps.setString(1, keyId);
            ps.setLong(2, tenant.id());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** Trusts a key for one tenant, or for all when {@code tenant} is null (the Owner). */
  public TrustedKey trust(TenantRef tenant, String publicKey, String name, String actor) {
    if (publicKey == null || publicKey.isBlank()) {
      throw DomainException.invalid("publicKey", "publicKey is required (PEM or base64 SPKI).");
    }
    if (name == null || name.isBlank() || name.length() > 120) {
      throw DomainException.invalid("name", "name is required (at most 120 characters).");
    }
    PublicKey key;
    try {
      key = PublisherKeys.readPublic(publicKey);
    } catch (RuntimeException e) {
      throw DomainException.invalid("publicKey", "publicKey is not an Ed25519 public key.");
    }
    String base64 = PublisherKeys.publicBase64(key);
    String keyId = PublisherKeys.keyId(base64);
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into marketplace_trusted_keys (key_id, public_key, name, tenant_id,"
                      + " added_by, added_at) values (?, ?, ?, ?, ?, ?)"
                      + " on conflict (key_id, coalesce(tenant_id, 0)) do update set name ="
                      + " excluded.name returning id")) {
            ps.setString(1, keyId);
            ps.setString(2, base64);
            ps.setString(3, name.strip());
            ps.setObject(4, tenant == null ? null : tenant.id());
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new TrustedKey(rs.getLong(1), keyId, name.strip(), tenant == null);
            }
          }
        });
  }

  /** The keys the tenant trusts by list (its own and the Owner's). */
  public List<TrustedKey> trustedKeys(TenantRef tenant) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, key_id, name, tenant_id is null from marketplace_trusted_keys"
                      + " where tenant_id is null or tenant_id = ? order by name, id")) {
            ps.setLong(1, tenant.id());
            List<TrustedKey> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                keys.add(
                    new TrustedKey(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
              }
            }
            return keys;
          }
        });
  }

  /**
   * A key the Owner trusts for every tenant.
   *
   * @param fingerprint the SHA-256 of the key's SPKI bytes, 64 hex digits (keyId is its first 16)
   */
  public record PlatformKey(
      long id,
      String keyId,
      String fingerprint,
      String name,
      String addedBy,
      java.time.Instant addedAt) {}

  /** The keys the Owner trusts for every tenant, by name. */
  public List<PlatformKey> platformKeys() {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select id, key_id, public_key, name, added_by, added_at"
                          + " from marketplace_trusted_keys where tenant_id is null"
                          + " order by name, id");
              ResultSet rs = ps.executeQuery()) {
            List<PlatformKey> keys = new ArrayList<>();
            while (rs.next()) {
              keys.add(
                  new PlatformKey(
                      rs.getLong(1),
                      rs.getString(2),
                      fingerprint(rs.getString(3)),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getTimestamp(6).toInstant()));
            }
            return keys;
          }
        });
  }

  /** The platform key of an id; NOT_FOUND when it is none (or a tenant's own). */
  public PlatformKey platformKey(long id) {
    return platformKeys().stream()
        .filter(k -> k.id() == id)
        .findFirst()
        .orElseThrow(() -> DomainException.notFound("No platform key " + id + "."));
  }

  /** Stops trusting a platform key for every tenant; NOT_FOUND when it is none. */
  public void untrustPlatform(long id) {
    int n =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "delete from marketplace_trusted_keys where id = ? and tenant_id is null")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
              }
            });
    if (n == 0) {
      throw DomainException.notFound("No platform key " + id + ".");
    }
  }

  /** SHA-256 of a base64 SPKI public key, as 64 lowercase hex digits. */
  static String fingerprint(String publicKeyBase64) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(java.util.Base64.getDecoder().decode(publicKeyBase64.strip())));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Signer signer(Connection c, String table) throws SQLException {
    // the row lock makes two first exports of a tenant agree on one key
    try (PreparedStatement ps = c.prepareStatement("lock table " + table + " in exclusive mode")) {
      ps.execute();
    }
    try (PreparedStatement ps =
            c.prepareStatement("select public_key, private_key_sealed from " + table);
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        PublicKey pub = PublisherKeys.readPublic(rs.getString(1));
        PrivateKey priv = PublisherKeys.readPrivate(secrets.decrypt(rs.getString(2)));
        return new Signer(priv, pub, PublisherKeys.keyId(rs.getString(1)));
      }
    }
    KeyPair pair = PublisherKeys.generate();
    String pub = PublisherKeys.publicBase64(pair.getPublic());
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into "
                + table
                + " (public_key, private_key_sealed, created_at) values (?, ?, ?)")) {
      ps.setString(1, pub);
      ps.setString(2, secrets.encrypt(PublisherKeys.privatePem(pair.getPrivate())));
      ps.setTimestamp(3, Timestamp.from(clock.instant()));
      ps.executeUpdate();
    }
    return new Signer(pair.getPrivate(), pair.getPublic(), PublisherKeys.keyId(pub));
  }

  private static String publicKeyId(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select public_key from " + table);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? PublisherKeys.keyId(rs.getString(1)) : null;
    }
  }
}
