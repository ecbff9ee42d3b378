package io.omnireach.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.omnireach.audit.AuditLog;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.auth.Sessions;
import io.omnireach.auth.TrustedProxies;
import io.omnireach.user.EffectivePermissions;
import io.omnireach.user.Permission;
import jakarta.enterprise.inject.spi.CDI;
import java.io.Serializable;
import java.util.Optional;

/** The signed-in user of the current Vaadin session; the UI's only source of the tenant. */
public final class UiSession {

  private UiSession() {}

  public static Optional<AuthenticatedUser> user() {
    VaadinSession session = VaadinSession.getCurrent();
    return session == null
        ? Optional.empty()
        : Optional.ofNullable(session.getAttribute(AuthenticatedUser.class));
  }

  /** The user, for views that are only reachable signed in. */
  public static AuthenticatedUser require() {
    return user().orElseThrow(() -> new IllegalStateException("No user in this session"));
  }

  /**
   * Stores the user under a fresh HTTP session id (no session fixation), with the session stamp
   * that {@link AccessControl} checks on every request.
   */
  public static void signIn(AuthenticatedUser user) {
    Sessions sessions = CDI.current().select(Sessions.class).get();
    VaadinService.reinitializeSession(VaadinRequest.getCurrent());
    VaadinSession.getCurrent().setAttribute(AuthenticatedUser.class, user);
    VaadinSession.getCurrent()
        .setAttribute(Sessions.Stamp.class, Sessions.Stamp.of(user, sessions.epoch(user.userId())));
  }

  /**
   * Stores a user whose sign-in finished outside Vaadin (single sign-on callback, which already
   * gave the HTTP session a new id), with the session stamp {@link AccessControl} checks; {@code
   * ssoSession} is the identity provider session it came from (its back-channel logout ends it).
   */
  public static void adopt(AuthenticatedUser user, String ssoSession) {
    Sessions sessions = CDI.current().select(Sessions.class).get();
    VaadinSession.getCurrent().setAttribute(AuthenticatedUser.class, user);
    VaadinSession.getCurrent()
        .setAttribute(
            Sessions.Stamp.class,
            Sessions.Stamp.of(user, sessions.epoch(user.userId()), ssoSession));
  }

  /**
   * Whether the signed-in user may do this in their workspace: the same check as the REST API's
   * {@code @Requires}, from the stored membership. False without a workspace.
   */
  public static boolean can(Permission permission) {
    return user().map(u -> can(u, permission)).orElse(false);
  }

  /**
   * The session keeps the user's {@link EffectivePermissions.Grant} and reuses it while it is
   * current (the same ttl and invalidation as the REST API's check); outside a locked session, the
   * check goes to {@link EffectivePermissions} directly.
   */
  public static boolean can(AuthenticatedUser user, Permission permission) {
    if (user.tenant() == null) {
      return false;
    }
    VaadinSession session = VaadinSession.getCurrent();
    if (session == null || !session.hasLock()) {
      return CDI.current()
          .select(EffectivePermissions.class)
          .get()
          .allows(user.tenant().id(), user.userId(), permission);
    }
    SessionGrant held = session.getAttribute(SessionGrant.class);
    if (held == null) {
      held = new SessionGrant();
      session.setAttribute(SessionGrant.class, held);
    }
    return held.current(user.tenant().id(), user.userId()).allows(permission);
  }

  /** A session's permission grant and the service that says whether it still holds. */
  static final class SessionGrant implements Serializable {

    private transient EffectivePermissions permissions;
    private EffectivePermissions.Grant grant;

    EffectivePermissions.Grant current(long tenantId, long userId) {
      if (permissions == null) {
        permissions = CDI.current().select(EffectivePermissions.class).get();
      }
      grant = permissions.current(grant, tenantId, userId);
      return grant;
    }
  }

  /**
   * The check a UI action runs on the server before it acts, with the permission its REST endpoint
   * requires: false, with a readable error, when the signed-in user lacks it (the button was shown
   * before a role change, or the request did not come from the button).
   */
  public static boolean permits(Permission permission) {
    if (can(permission)) {
      return true;
    }
    io.omnireach.ui.shell.Toasts.error(refusal(permission));
    return false;
  }

  /** "You need the … permission" for a UI action the user may not run. */
  public static String refusal(Permission permission) {
    return "Your role does not allow this: it needs the \""
        + permission.code()
        + "\" permission ("
        + permission.description()
        + ").";
  }

  /** The real client address of the current request (X-Forwarded-For from trusted proxies only). */
  public static String clientAddress() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return CDI.current()
        .select(TrustedProxies.class)
        .get()
        .clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
  }

  public static void signOut() {
    UI ui = UI.getCurrent();
    VaadinSession session = VaadinSession.getCurrent();
    user()
        .ifPresent(
            u ->
                CDI.current()
                    .select(AuditLog.class)
                    .get()
                    .record(
                        u.email(),
                        u.tenant() == null ? null : u.tenant().slug(),
                        "auth.sign-out",
                        u.email(),
                        "UI session ended"));
    session.setAttribute(AuthenticatedUser.class, null);
    session.setAttribute(Sessions.Stamp.class, null);
    session.setAttribute(SessionGrant.class, null);
    ui.getPage().setLocation("login?signedOut");
    session.getSession().invalidate();
  }
}
