package io.omnireach.user;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.Emails;
import io.omnireach.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Creates the platform's first Owner on an install without demo data, the way Keycloak's {@code
 * KC_BOOTSTRAP_ADMIN_*} does: only while no Owner exists, so re-running it (every start with the
 * variables still set, or the command twice) changes nothing.
 */
public final class OwnerBootstrap {

  /** What happened: the Owner was created, or an Owner (this email) already existed. */
  public record Outcome(boolean created, String ownerEmail) {}

  /** Any fixed number works: it only serialises concurrent bootstraps of several replicas. */
  private static final long LOCK_KEY = 0x0b00_7057L;

  private final Transactions tx;

  public OwnerBootstrap(Transactions tx) {
    this.tx = tx;
  }

  /**
   * Creates the Owner unless one exists. The password is checked only when an Owner is created, so
   * that a later start with the same (now stale) settings does not fail.
   *
   * @throws io.omnireach.common.DomainException for an invalid email or a weak password
   */
  public Outcome createFirstOwner(String email, String displayName, String password, String actor) {
    return tx.platform(
        c -> {
          try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
          }
          Optional<String> existing = existingOwner(c);
          if (existing.isPresent()) {
            return new Outcome(false, existing.get());
          }
          String name =
              displayName == null || displayName.isBlank() ? "Platform owner" : displayName;
          long id = UserDirectory.createUser(c, email, name, password, Role.OWNER, null);
          AuditLog.record(c, actor, null, "owner.bootstrap", "" + id, email);
          return new Outcome(true, Emails.normalise("email", email));
        });
  }

  /** The email of an existing Owner, if any. */
  public Optional<String> existingOwner() {
    return tx.platform(OwnerBootstrap::existingOwner);
  }

  private static Optional<String> existingOwner(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select email from platform.users where platform_role = 'OWNER' order by id limit 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }
}
