package io.omnireach.auth;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.dashboard.ActivityFeed;
import io.omnireach.reseller.ResellerDirectory;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.user.Membership;
import io.omnireach.user.PasswordHasher;
import io.omnireach.user.Role;
import io.omnireach.user.UserAccount;
import io.omnireach.user.UserDirectory;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Checks a password and decides which tenant and roles the session gets. */
public final class Authenticator {

  /** Checked against when the email is unknown, so both cases take the same time. */
  private static final String DUMMY_HASH = PasswordHasher.hash("omnireach-timing-equaliser");

  private static final String BAD_CREDENTIALS = "Email or password is incorrect.";

  private final UserDirectory users;
  private final ActivityFeed activity;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final SignInObserver observer;
  private final ResellerDirectory resellers;
  private final AuditLog audit;

  public Authenticator(
      UserDirectory users,
      ActivityFeed activity,
      LoginThrottle throttle,
      Clock clock,
      SignInObserver observer,
      ResellerDirectory resellers,
      AuditLog audit) {
    this.users = users;
    this.audit = audit;
    this.resellers = resellers;
    this.activity = activity;
    this.throttle = throttle;
    this.clock = clock;
    this.observer = observer;
  }

  /**
   * @param tenantSlug the tenant to sign in to; may be null when the user belongs to one tenant or
   *     is an operator
   * @param address the client address, for throttling
   */
  public AuthenticatedUser authenticate(
      String email, String password, String tenantSlug, String address) {
    try {
      AuthenticatedUser user = check(email, password, tenantSlug, address);
      observer.attempted("success");
      audit.record(
          user.email(),
          user.tenant() == null ? null : user.tenant().slug(),
          "auth.sign-in",
          user.email(),
          "roles " + user.roles().stream().map(Role::label).sorted().toList());
      return user;
    } catch (DomainException e) {
      String outcome =
          switch (e.kind()) {
            case TOO_MANY_REQUESTS -> "throttled";
            case UNAUTHORIZED ->
                BAD_CREDENTIALS.equals(e.getMessage()) ? "bad_credentials" : "refused";
            default -> "refused";
          };
      observer.attempted(outcome);
      String account = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
      audit.record(
          account,
          failedTenant(account, tenantSlug),
          "auth.sign-in-failed",
          account,
          outcome + ": " + e.getMessage());
      throw e;
    }
  }

  /**
   * The tenant whose audit log shows a failed sign-in: the one asked for or the only one of a known
   * account; none (platform log) for unknown accounts, so a stranger cannot fill a tenant's log.
   */
  private String failedTenant(String account, String tenantSlug) {
    Optional<UserDirectory.Credentials> known = users.credentials(account);
    if (known.isEmpty()) {
      return null;
    }
    List<Membership> memberships = users.memberships(known.get().account().id());
    return memberships.stream()
        .map(m -> m.tenant().slug())
        .filter(
            slug ->
                tenantSlug == null || tenantSlug.isBlank()
                    ? memberships.size() == 1
                    : slug.equals(tenantSlug.trim()))
        .findFirst()
        .orElse(null);
  }

  private AuthenticatedUser check(
      String email, String password, String tenantSlug, String address) {
    String account = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    throttle.check(account, address);
    Optional<UserDirectory.Credentials> credentials = users.credentials(account);
    boolean ok =
        PasswordHasher.matches(
            password, credentials.map(UserDirectory.Credentials::passwordHash).orElse(DUMMY_HASH));
    if (credentials.isEmpty() || !ok) {
      throttle.failed(account, address);
      throw new DomainException(DomainException.Kind.UNAUTHORIZED, BAD_CREDENTIALS);
    }
    throttle.succeeded(account);
    UserAccount user = credentials.get().account();
    AuthenticatedUser result = chooseTenant(user, users.memberships(user.id()), tenantSlug);
    if (result.tenant() != null && !users.passwordSignInAllowed(result.tenant().id())) {
      throw new DomainException(
          DomainException.Kind.UNAUTHORIZED,
          result.tenant().displayName()
              + " signs in with single sign-on only: use \"Sign in with SSO\" on its sign-in"
              + " page.");
    }
    users.recordLogin(user.id(), clock.instant());
    if (result.tenant() != null) {
      activity.record(
          result.tenant().ref(), user.email(), "LOGIN", user.displayName() + " signed in");
    }
    return result;
  }

  /** Rebuilds the session of a user for another of their tenants (tenant switcher). */
  public AuthenticatedUser switchTenant(long userId, String tenantSlug) {
    UserAccount user =
        users.byId(userId).orElseThrow(() -> DomainException.notFound("Unknown user."));
    return chooseTenant(user, users.memberships(userId), tenantSlug);
  }

  private AuthenticatedUser chooseTenant(
      UserAccount user, List<Membership> memberships, String tenantSlug) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (user.platformRole() != null) {
      roles.add(user.platformRole());
    }
    Membership chosen = null;
    if (tenantSlug != null && !tenantSlug.isBlank()) {
      chosen =
          memberships.stream()
              .filter(m -> m.tenant().slug().equals(tenantSlug.trim()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new DomainException(
                          DomainException.Kind.UNAUTHORIZED,
                          "tenant",
                          "You are not a member of tenant '" + tenantSlug.trim() + "'."));
    } else if (memberships.size() == 1) {
      chosen = memberships.get(0);
    } else if (memberships.size() > 1 && user.platformRole() == null) {
      throw DomainException.invalid(
          "tenant",
          "You belong to several tenants; choose one of "
              + memberships.stream().map(m -> m.tenant().slug()).toList()
              + ".");
    } else if (user.platformRole() == null) {
      throw new DomainException(
          DomainException.Kind.UNAUTHORIZED, "Your account is not a member of any tenant.");
    }
    Tenant tenant = null;
    if (chosen != null) {
      tenant = chosen.tenant();
      if (tenant.status() != TenantStatus.ACTIVE) {
        throw new DomainException(
            DomainException.Kind.FORBIDDEN,
            "Tenant '"
                + tenant.slug()
                + "' is "
                + tenant.status().name().toLowerCase(Locale.ROOT)
                + ".");
      }
      roles.add(chosen.role());
    }
    requireActiveReseller(user.resellerId());
    requireActiveReseller(tenant == null ? null : tenant.resellerId());
    return new AuthenticatedUser(
        user.id(), user.email(), user.displayName(), tenant, Set.copyOf(roles), user.resellerId());
  }

  /** A suspended reseller stops its own users and its tenants' users from signing in. */
  private void requireActiveReseller(Long resellerId) {
    if (resellers.isSuspended(resellerId)) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "This account's reseller is suspended; contact your provider.");
    }
  }
}
