package io.omnireach.user;

import io.omnireach.db.Transactions;
import java.io.Serializable;
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
 * make a tenant's entries stale at once ({@link #tenantChanged}), other replicas see them after the
 * ttl. A holder that lives longer than a request (a UI session) keeps its {@link Grant} and asks
 * {@link #current} whether it still holds, under the same two rules.
 */
public final class EffectivePermissions {

  private record Key(long tenantId, long userId) {}

  /**
   * What one user may do in one tenant, as loaded at {@code loadedAt} when the tenant's changes
   * counter stood at {@code generation}: current while younger than the ttl and no change to the
   * tenant's roles or members was made here since.
   */
  public record Grant(
      long tenantId, long userId, Set<Permission> permissions, Instant loadedAt, long generation)
      implements Serializable {

    public boolean allows(Permission permission) {
      return permissions.contains(permission);
    }
  }

  private final Transactions tx;
  private final Clock clock;
  private final Duration ttl;
  private final Map<Key, Grant> cache = new ConcurrentHashMap<>();

  /** Per tenant, how many times its roles or members changed through this server. */
  private final Map<Long, Long> generations = new ConcurrentHashMap<>();

  public EffectivePermissions(Transactions tx, Clock clock, Duration ttl) {
    this.tx = tx;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** What the user may do in the tenant; empty when they are not (or no longer) a member. */
  public Set<Permission> of(long tenantId, long userId) {
    return current(null, tenantId, userId).permissions();
  }

  /**
   * {@code held} while it is still current for this tenant and user, else the grant in the cache,
   * else one loaded now. A holder that keeps the result and passes it back asks no database and no
   * cache until it goes stale.
   */
  public Grant current(Grant held, long tenantId, long userId) {
    Instant now = clock.instant();
    if (held != null
        && held.tenantId() == tenantId
        && held.userId() == userId
        && isCurrent(held, now)) {
      return held;
    }
    Key key = new Key(tenantId, userId);
    Grant cached = cache.get(key);
    if (cached != null && isCurrent(cached, now)) {
      return cached;
    }
    // read before loading: a change made during the load leaves this grant stale, not current
    long generation = generation(tenantId);
    Grant loaded = new Grant(tenantId, userId, load(tenantId, userId), now, generation);
    cache.put(key, loaded);
    return loaded;
  }

  private boolean isCurrent(Grant grant, Instant now) {
    return grant.loadedAt().plus(ttl).isAfter(now)
        && grant.generation() == generation(grant.tenantId());
  }

  private long generation(long tenantId) {
    return generations.getOrDefault(tenantId, 0L);
  }

  public boolean allows(long tenantId, long userId, Permission permission) {
    return of(tenantId, userId).contains(permission);
  }

  /**
   * Makes every grant of a tenant whose roles or members changed here stale (the cache's and those
   * that holders keep) and drops the cache's.
   */
  public void tenantChanged(long tenantId) {
    generations.merge(tenantId, 1L, Long::sum);
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
