package io.omnireach.ui.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.JsonConstants;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.auth.Sessions;
import io.omnireach.ui.login.LoginView;
import io.omnireach.ui.shell.AccessDeniedView;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.user.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Navigation access control, deny by default: a view opens only when it is {@link
 * AnonymousAllowed}, or the user holds the permission the view {@link Requires} (the same check as
 * the REST API), or, for views without one, {@link PermitAll} / {@link RolesAllowed} fit ({@link
 * PermitAll}: the built-in sales team roles).
 */
@ApplicationScoped
public class AccessControl {

  /** Where a session that ended (expired or revoked) lands, with a notice. */
  static final String ENDED = "login?ended";

  /** The route a Finance member lands on (the billing view). */
  static final String FINANCE_HOME = "billing";

  static final String OPERATOR_HOME = "console/tenants";

  @Inject Sessions sessions;

  void onServiceInit(@Observes ServiceInitEvent event) {
    event
        .getSource()
        .addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(AccessControl::check));
    event.addRequestHandler(this::endRevokedSession);
    String root =
        event.getSource() instanceof VaadinServletService servlet
            ? servlet.getServlet().getServletContext().getContextPath() + "/"
            : "/";
    CustomizedSystemMessages messages = new CustomizedSystemMessages();
    messages.setSessionExpiredURL(root + ENDED);
    event.getSource().setSystemMessagesProvider(info -> messages);
  }

  /**
   * Runs before Vaadin handles any request of a session (page loads and every UI event): when the
   * user was removed, their role changed, the tenant was suspended or their sessions were revoked,
   * the session ends before the request can act, and the browser lands on the login page with a
   * notice.
   */
  private boolean endRevokedSession(
      VaadinSession session, VaadinRequest request, VaadinResponse response) throws IOException {
    Sessions.Stamp stamp;
    session.lock();
    try {
      stamp = session.getAttribute(Sessions.Stamp.class);
    } finally {
      session.unlock();
    }
    if (stamp == null || sessions.whyRevoked(stamp).isEmpty()) {
      return false;
    }
    session.lock();
    try {
      session.setAttribute(AuthenticatedUser.class, null);
      session.setAttribute(Sessions.Stamp.class, null);
    } finally {
      session.unlock();
    }
    WrappedSession http = request.getWrappedSession(false);
    if (http != null) {
      http.invalidate();
    }
    if (HandlerHelper.isRequestType(request, HandlerHelper.RequestType.UIDL)) {
      // As Vaadin answers a UI event of an expired session: the client opens the session-expired
      // URL, the login page with its notice.
      SystemMessages messages =
          request.getService().getSystemMessages(HandlerHelper.findLocale(null, request), request);
      response.setContentType(JsonConstants.JSON_CONTENT_TYPE);
      response
          .getWriter()
          .write(
              VaadinService.createCriticalNotificationJSON(
                  messages.getSessionExpiredCaption(),
                  messages.getSessionExpiredMessage(),
                  null,
                  messages.getSessionExpiredURL()));
    } else {
      response.setStatus(302);
      response.setHeader("Location", request.getContextPath() + "/" + ENDED);
    }
    return true;
  }

  static void check(BeforeEnterEvent event) {
    Class<?> target = event.getNavigationTarget();
    if (target.isAnnotationPresent(AnonymousAllowed.class)) {
      return;
    }
    Optional<AuthenticatedUser> user = UiSession.user();
    if (user.isEmpty()) {
      event.forwardTo(LoginView.class);
      return;
    }
    if (!isAllowed(target, user.get())) {
      if (user.get().tenant() == null && event.getLocation().getPath().isEmpty()) {
        event.forwardTo(OPERATOR_HOME); // Owner and Reseller have no tenant: their console
        return;
      }
      if (financeOnly(user.get()) && event.getLocation().getPath().isEmpty()) {
        event.forwardTo(FINANCE_HOME); // Finance's home is billing, not the sales dashboard
        return;
      }
      event.rerouteTo(AccessDeniedView.class);
    }
  }

  /**
   * {@link PermitAll} means every role of the sales team: those views show sales data, which
   * Finance does not see. Finance opens only views that name it in {@link RolesAllowed}.
   */
  public static boolean isAllowed(Class<?> target, AuthenticatedUser user) {
    return isAllowed(target, user, p -> UiSession.can(user, p));
  }

  /** As above, with the user's permission check given (tests pass the built-in sets). */
  static boolean isAllowed(Class<?> target, AuthenticatedUser user, Predicate<Permission> can) {
    Requires requires = target.getAnnotation(Requires.class);
    if (requires != null) {
      return can.test(requires.value());
    }
    RolesAllowed roles = target.getAnnotation(RolesAllowed.class);
    if (roles != null) {
      return Arrays.stream(roles.value())
          .anyMatch(r -> user.roles().stream().anyMatch(role -> role.label().equals(r)));
    }
    return target.isAnnotationPresent(PermitAll.class)
        && (user.has(Role.ADMIN) || user.has(Role.SALES) || user.has(Role.VIEWER));
  }

  /** A Finance member with no sales-team role (Admin, Sales, Viewer) besides. */
  public static boolean financeOnly(AuthenticatedUser user) {
    return user.has(Role.FINANCE)
        && !user.has(Role.ADMIN)
        && !user.has(Role.SALES)
        && !user.has(Role.VIEWER);
  }
}
