package io.omnireach.sso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Stored SSO settings per tenant (secret sealed) and the IdP identities of its members. */
public final class SsoDirectory {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Transactions tx;
  private final SecretBox secrets;
  private final Clock clock;

  public SsoDirectory(Transactions tx, SecretBox secrets, Clock clock) {
    this.tx = tx;
    this.secrets = secrets;
    this.clock = clock;
  }

  public Optional<SsoSettings> get(long tenantId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select * from tenant_sso where tenant_id = ?")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
          }
        });
  }

  /** The plain client secret, for the token request. */
  String clientSecret(long tenantId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select client_secret_sealed from tenant_sso where tenant_id = ?")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw DomainException.notFound("This workspace has no SSO configured.");
              }
              return secrets.decrypt(rs.getString(1));
            }
          }
        });
  }

  /**
   * Checks and stores a change; {@code checkIssuer} (discovery, {@link SsoSignIn#save}) runs once
   * the fields are valid.
   */
  SsoSettings save(
      long tenantId, SsoSettingsUpdate update, java.util.function.Consumer<String> checkIssuer) {
    Optional<SsoSettings> current = get(tenantId);
    String issuer = issuer(update.issuer());
    String clientId = required("clientId", update.clientId(), "Client ID");
    String secret = update.clientSecret();
    if ((secret == null || secret.isBlank()) && current.isEmpty()) {
      throw DomainException.invalid("clientSecret", "Client secret is required.");
    }
    String roleClaim =
        update.roleClaim() == null
            ? current.map(SsoSettings::roleClaim).orElse("groups")
            : required("roleClaim", update.roleClaim(), "Role claim");
    if (!roleClaim.matches("[A-Za-z0-9_:/-]+(\\.[A-Za-z0-9_:/-]+)*")) {
      throw DomainException.invalid(
          "roleClaim", "Role claim must be a claim name or a dotted path like realm_access.roles.");
    }
    Map<String, Role> mapping = new LinkedHashMap<>();
    if (update.roleMapping() == null) {
      current.ifPresent(s -> mapping.putAll(s.roleMapping()));
    } else {
      update
          .roleMapping()
          .forEach(
              (value, role) -> {
                if (value == null || value.isBlank()) {
                  throw DomainException.invalid("roleMapping", "A mapped claim value is empty.");
                }
                mapping.put(value.strip(), Role.tenantRole("roleMapping." + value, role));
              });
    }
    Role defaultRole =
        update.defaultRole() == null
            ? current.map(SsoSettings::defaultRole).orElse(Role.VIEWER)
            : Role.tenantRole("defaultRole", update.defaultRole());
    boolean enabled =
        update.enabled() == null
            ? current.map(SsoSettings::enabled).orElse(true)
            : update.enabled();
    boolean ssoOnly =
        update.ssoOnly() == null
            ? current.map(SsoSettings::ssoOnly).orElse(false)
            : update.ssoOnly();
    String mappingJson;
    try {
      Map<String, String> names = new LinkedHashMap<>();
      mapping.forEach((k, v) -> names.put(k, v.name()));
      mappingJson = JSON.writeValueAsString(names);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    checkIssuer.accept(issuer); // last: the fields are checked before the network is asked
    String sealed = secret == null || secret.isBlank() ? null : secrets.encrypt(secret.strip());
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into tenant_sso (tenant_id, enabled, issuer, client_id,"
                      + " client_secret_sealed, role_claim, role_mapping, default_role, sso_only,"
                      + " updated_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
                      + " on conflict (tenant_id) do update set enabled = excluded.enabled,"
                      + " issuer = excluded.issuer, client_id = excluded.client_id,"
                      + " client_secret_sealed = coalesce(?, tenant_sso.client_secret_sealed),"
                      + " role_claim = excluded.role_claim, role_mapping = excluded.role_mapping,"
                      + " default_role = excluded.default_role, sso_only = excluded.sso_only,"
                      + " updated_at = excluded.updated_at")) {
            ps.setLong(1, tenantId);
            ps.setBoolean(2, enabled);
            ps.setString(3, issuer);
            ps.setString(4, clientId);
            ps.setString(5, sealed == null ? "" : sealed);
            ps.setString(6, roleClaim);
            ps.setString(7, mappingJson);
            ps.setString(8, defaultRole.name());
            ps.setBoolean(9, ssoOnly);
            ps.setTimestamp(10, Timestamp.from(clock.instant()));
            ps.setString(11, sealed);
            ps.executeUpdate();
          }
          return null;
        });
    return get(tenantId).orElseThrow();
  }

  /** Removes the tenant's SSO: passwords work again. */
  void delete(long tenantId) {
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("delete from tenant_sso where tenant_id = ?")) {
            ps.setLong(1, tenantId);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * The user behind an IdP subject, created or linked on first sign-in (just in time), with a
   * membership in the tenant carrying {@code role}: the IdP is the source of truth for the role on
   * every sign-in. An existing account with the same email is linked only when the IdP says the
   * email is verified. Operator accounts (Owner, Reseller) never sign in through a tenant's IdP.
   */
  long provision(
      long tenantId,
      String issuer,
      String subject,
      String email,
      boolean emailVerified,
      String displayName,
      Role role) {
    return tx.platform(
        c -> {
          Long userId = identity(c, tenantId, issuer, subject);
          if (userId == null) {
            if (email == null || email.isBlank()) {
              throw new DomainException(
                  DomainException.Kind.UNAUTHORIZED,
                  "The identity provider sent no email for this account; it is needed to sign"
                      + " in.");
            }
            userId = byEmail(c, email);
            if (userId != null && !emailVerified) {
              throw new DomainException(
                  DomainException.Kind.UNAUTHORIZED,
                  "An account with "
                      + email
                      + " exists, but the identity provider has not"
                      + " verified this email.");
            }
            if (userId == null) {
              userId = createUser(c, email, displayName);
            }
            try (PreparedStatement ps =
                c.prepareStatement(
                    "insert into sso_identities (tenant_id, issuer, subject, user_id)"
                        + " values (?, ?, ?, ?)")) {
              ps.setLong(1, tenantId);
              ps.setString(2, issuer);
              ps.setString(3, subject);
              ps.setLong(4, userId);
              ps.executeUpdate();
            }
          }
          if (hasPlatformRole(c, userId)) {
            throw new DomainException(
                DomainException.Kind.FORBIDDEN,
                "Operator accounts sign in with their password, not through a workspace's SSO.");
          }
          UserDirectory.addMembership(c, userId, tenantId, role);
          return userId;
        });
  }

  /** The user an IdP subject signed in as in this tenant, if any. */
  Optional<Long> userOf(long tenantId, String issuer, String subject) {
    return Optional.ofNullable(tx.platform(c -> identity(c, tenantId, issuer, subject)));
  }

  private static Long identity(Connection c, long tenantId, String issuer, String subject)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select user_id from sso_identities where tenant_id = ? and issuer = ?"
                + " and subject = ?")) {
      ps.setLong(1, tenantId);
      ps.setString(2, issuer);
      ps.setString(3, subject);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static Long byEmail(Connection c, String email) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select id from users where lower(email) = lower(?)")) {
      ps.setString(1, email.strip());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static boolean hasPlatformRole(Connection c, long userId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select platform_role is not null from users where id = ?")) {
      ps.setLong(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** A user without a password: they sign in through the IdP. */
  private static long createUser(Connection c, String email, String displayName)
      throws SQLException {
    String name = displayName == null || displayName.isBlank() ? email : displayName.strip();
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into users (email, display_name, password_hash) values (?, ?, null)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, email.strip().toLowerCase(Locale.ROOT));
      ps.setString(2, name);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static String issuer(String value) {
    String issuer = required("issuer", value, "Issuer URL");
    try {
      URI uri = URI.create(issuer);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          "issuer",
          "Issuer URL must be an http(s) address, e.g. https://sso.example.com/realms/acme.");
    }
    return issuer; // exactly as the provider names itself (some end in a slash)
  }

  private static String required(String field, String value, String label) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, label + " is required.");
    }
    if (value.length() > 500) {
      throw DomainException.invalid(field, label + " is too long (500 characters at most).");
    }
    return value.strip();
  }

  private static SsoSettings map(ResultSet rs) throws SQLException {
    Map<String, Role> mapping = new LinkedHashMap<>();
    try {
      Map<String, String> names =
          JSON.readValue(rs.getString("role_mapping"), new TypeReference<>() {});
      names.forEach((k, v) -> mapping.put(k, Role.valueOf(v)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable role mapping", e);
    }
    return new SsoSettings(
        rs.getBoolean("enabled"),
        rs.getString("issuer"),
        rs.getString("client_id"),
        !rs.getString("client_secret_sealed").isEmpty(),
        rs.getString("role_claim"),
        java.util.Collections.unmodifiableMap(mapping),
        Role.valueOf(rs.getString("default_role")),
        rs.getBoolean("sso_only"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
