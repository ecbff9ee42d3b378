package io.omnireach.ui.sections;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;

/** Inbox: empty until the feature that fills it lands. */
@Route(value = "inbox", layout = MainLayout.class)
@PageTitle("Inbox")
@PermitAll
public class InboxView extends EmptyState {

  public InboxView() {
    super(
        VaadinIcon.INBOX,
        "Inbox zero",
        "Replies to your outreach land here, sorted by intent: interested, not now, out of office, wrong person.");
  }
}
