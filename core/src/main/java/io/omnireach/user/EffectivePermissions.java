package io.omnireach.user;

import io.omnireach.db.Transactions;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one permission check, used by the REST filter and the Vaadin views alike: what a user may do
 * in a tenant, resolved from their stored membership (built-in role or custom role), never from
 * what a token claims. Cached per tenant and user for {@code ttl}; changes made through this server
 * drop a tenant's entries at once ({@link #tenantChanged}), other replicas see them after the ttl.
 */
public final class EffectivePermissions {

  private record Key(long tenantId, long userId) {}

  private record Cached(Set<Permission> permissions, Instant loadedAt) {}

  private final Transactions tx;
  private final Clock clock;
  private final Duration ttl;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

  public EffectivePermissions(Transactions tx, Clock clock, Duration ttl) {
    this.tx = tx;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** What the user may do in the tenant; empty when they are not (or no longer) a member. */
  public Set<Permission> of(long tenantId, long userId) {
    Key key = new Key(tenantId, userId);
    Instant now = clock.instant();
    Cached cached = cache.get(key);
    if (cached != null && cached.loadedAt().plus(ttl).isAfter(now)) {
      return cached.permissions();
    }
    Set<Permission> loaded = load(tenantId, userId);
    cache.put(key, new Cached(loaded, now));
    return loaded;
  }

  public boolean allows(long tenantId, long userId, Permission permission) {
    return of(tenantId, userId).contains(permission);
  }

  /** Drops the cached permissions of a tenant whose roles or members changed here. */
  public void tenantChanged(long tenantId) {
    cache.keySet().removeIf(k -> k.tenantId() == tenantId);
  }

  private Set<Permission> load(long tenantId, long userId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select m.role, r.permissions from memberships m"
                      + " left join custom_roles r on r.id = m.custom_role_id"
                      + " where m.tenant_id = ? and m.user_id = ?")) {
            ps.setLong(1, tenantId);
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Set.of();
              }
              Role role = Role.valueOf(rs.getString("role"));
              if (role != Role.MEMBER) {
                return RolePermissions.of(role);
              }
              return decode(rs.getArray("permissions"));
            }
          }
        });
  }

  /** Stored codes to permissions; a code no longer known grants nothing. */
  static Set<Permission> decode(Array array) throws java.sql.SQLException {
    Set<Permission> result = EnumSet.noneOf(Permission.class);
    if (array == null) {
      return result;
    }
    for (Object code : (Object[]) array.getArray()) {
      for (Permission p : Permission.values()) {
        if (p.code().equals(code)) {
          result.add(p);
        }
      }
    }
    return java.util.Collections.unmodifiableSet(result);
  }
}
