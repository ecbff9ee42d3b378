package io.omnireach.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.omnireach.auth.AuthenticatedUser;
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

  /** Stores the user under a fresh HTTP session id (no session fixation). */
  public static void signIn(AuthenticatedUser user) {
    VaadinService.reinitializeSession(VaadinRequest.getCurrent());
    VaadinSession.getCurrent().setAttribute(AuthenticatedUser.class, user);
  }

  public static void signOut() {
    UI ui = UI.getCurrent();
    VaadinSession session = VaadinSession.getCurrent();
    session.setAttribute(AuthenticatedUser.class, null);
    ui.getPage().setLocation("login?signedOut");
    session.getSession().invalidate();
  }
}
