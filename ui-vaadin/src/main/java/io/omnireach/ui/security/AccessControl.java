package io.omnireach.ui.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.ui.login.LoginView;
import io.omnireach.ui.shell.AccessDeniedView;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.Optional;

/**
 * Navigation access control, deny by default: a view opens only when it is {@link
 * AnonymousAllowed}, or {@link PermitAll} / {@link RolesAllowed} and the session's user fits.
 */
@ApplicationScoped
public class AccessControl {

  void onServiceInit(@Observes ServiceInitEvent event) {
    event
        .getSource()
        .addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(AccessControl::check));
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
      event.rerouteTo(AccessDeniedView.class);
    }
  }

  public static boolean isAllowed(Class<?> target, AuthenticatedUser user) {
    RolesAllowed roles = target.getAnnotation(RolesAllowed.class);
    if (roles != null) {
      return Arrays.stream(roles.value())
          .anyMatch(r -> user.roles().stream().anyMatch(role -> role.label().equals(r)));
    }
    return target.isAnnotationPresent(PermitAll.class);
  }
}
