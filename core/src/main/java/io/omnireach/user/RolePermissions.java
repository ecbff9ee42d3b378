package io.omnireach.user;

import static io.omnireach.user.Permission.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The built-in roles as permission sets. They keep exactly the access the roles had when they were
 * plain {@code @RolesAllowed} checks: Viewers read, Sales also change sales data, Admins do
 * everything, Finance sees billing only. {@link Role#MEMBER} holds nothing by itself: its
 * permissions come from the member's custom role.
 */
public final class RolePermissions {

  private static final Set<Permission> VIEWER =
      Collections.unmodifiableSet(
          EnumSet.of(
              LEADS_READ,
              LEADS_EXPORT,
              TASKS_READ,
              WORKFLOWS_READ,
              PERSONAS_READ,
              KNOWLEDGE_READ,
              DEALS_READ,
              POLICIES_READ,
              MAILBOXES_READ,
              ANALYTICS_READ,
              SETTINGS_READ,
              USERS_READ,
              MARKETPLACE_READ));

  private static final Set<Permission> SALES;

  static {
    EnumSet<Permission> sales = EnumSet.copyOf(VIEWER);
    sales.addAll(
        EnumSet.of(
            LEADS_WRITE,
            LEADS_IMPORT,
            LEADS_DELETE,
            MESSAGES_SEND,
            TASKS_WORK,
            WORKFLOWS_EDIT,
            WORKFLOWS_PUBLISH,
            WORKFLOWS_RUN,
            PERSONAS_MANAGE,
            KNOWLEDGE_MANAGE,
            DEALS_WRITE,
            MAILBOXES_POLL,
            MARKETPLACE_INSTALL));
    SALES = Collections.unmodifiableSet(sales);
  }

  private static final Set<Permission> ADMIN =
      Collections.unmodifiableSet(EnumSet.allOf(Permission.class));

  private static final Set<Permission> FINANCE =
      Collections.unmodifiableSet(EnumSet.of(BILLING_READ, BILLING_MANAGE));

  private RolePermissions() {}

  /** The permissions a built-in role grants in its tenant; none for operator roles and MEMBER. */
  public static Set<Permission> of(Role role) {
    return switch (role) {
      case ADMIN -> ADMIN;
      case SALES -> SALES;
      case VIEWER -> VIEWER;
      case FINANCE -> FINANCE;
      case MEMBER, OWNER, RESELLER -> Set.of();
    };
  }
}
