package io.omnireach.user;

import io.omnireach.common.DomainException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a member may do in a tenant, as data: every tenant REST endpoint and UI action requires one
 * of these. Built-in roles are fixed sets of them ({@link RolePermissions}); custom roles are sets
 * a tenant admin picks ({@link CustomRole}).
 */
public enum Permission {
  LEADS_READ("leads.read", Area.LEADS, "See leads, accounts, messages, replies and meetings"),
  LEADS_WRITE("leads.write", Area.LEADS, "Create and edit leads and their connections"),
  LEADS_IMPORT("leads.import", Area.LEADS, "Import leads from CSV"),
  LEADS_EXPORT("leads.export", Area.LEADS, "Export leads as CSV"),
  LEADS_DELETE("leads.delete", Area.LEADS, "Delete leads"),
  MESSAGES_SEND("messages.send", Area.LEADS, "Draft and send messages to leads"),
  TASKS_READ("tasks.read", Area.LEADS, "See tasks"),
  TASKS_WORK("tasks.work", Area.LEADS, "Complete, snooze and record outcomes of tasks"),
  WORKFLOWS_READ("workflows.read", Area.WORKFLOWS, "See workflows, runs and simulations"),
  WORKFLOWS_EDIT("workflows.edit", Area.WORKFLOWS, "Create, edit, import and archive workflows"),
  WORKFLOWS_PUBLISH("workflows.publish", Area.WORKFLOWS, "Publish workflow versions"),
  WORKFLOWS_RUN(
      "workflows.run", Area.WORKFLOWS, "Enrol leads, simulate, pause, resume and retry runs"),
  PERSONAS_READ("personas.read", Area.CONTENT, "See personas"),
  PERSONAS_MANAGE("personas.manage", Area.CONTENT, "Create, edit and delete personas"),
  KNOWLEDGE_READ("knowledge.read", Area.CONTENT, "See and search knowledge documents"),
  KNOWLEDGE_MANAGE("knowledge.manage", Area.CONTENT, "Upload and delete knowledge documents"),
  DEALS_READ("deals.read", Area.DEALS, "See deals, products, the playbook and decisions"),
  DEALS_WRITE("deals.write", Area.DEALS, "Create and edit deals, run the negotiation agent"),
  DEALS_CONFIGURE("deals.configure", Area.DEALS, "Manage products and the deal playbook"),
  POLICIES_READ("policies.read", Area.COMPLIANCE, "See policies and check messages against them"),
  POLICIES_MANAGE("policies.manage", Area.COMPLIANCE, "Create, edit and delete policies"),
  MAILBOXES_READ("mailboxes.read", Area.CHANNELS, "See mailboxes"),
  MAILBOXES_POLL("mailboxes.poll", Area.CHANNELS, "Fetch replies from a mailbox now"),
  MAILBOXES_MANAGE("mailboxes.manage", Area.CHANNELS, "Add, configure and delete mailboxes"),
  ANALYTICS_READ("analytics.read", Area.INSIGHTS, "See analytics"),
  SETTINGS_READ("settings.read", Area.ADMINISTRATION, "See branding, AI, compliance, channels"),
  SETTINGS_MANAGE(
      "settings.manage",
      Area.ADMINISTRATION,
      "Change branding, AI, compliance, channels, domains and SSO"),
  USERS_READ("users.read", Area.ADMINISTRATION, "See the team and its roles"),
  USERS_MANAGE(
      "users.manage", Area.ADMINISTRATION, "Invite, remove and assign roles; edit custom roles"),
  AUDIT_READ("audit.read", Area.ADMINISTRATION, "Search, verify and export the audit log"),
  INTEGRATIONS_MANAGE(
      "integrations.manage",
      Area.ADMINISTRATION,
      "Manage webhooks, their delivery log, the HTTP action secret and ad audiences"),
  PRIVACY_MANAGE(
      "privacy.manage",
      Area.ADMINISTRATION,
      "Export and erase a person's data (GDPR) and set retention"),
  MARKETPLACE_READ("marketplace.read", Area.CONTENT, "Browse the marketplace and installed blocks"),
  MARKETPLACE_INSTALL(
      "marketplace.install", Area.CONTENT, "Import, install, update, uninstall and rate blocks"),
  MARKETPLACE_PUBLISH(
      "marketplace.publish", Area.CONTENT, "Publish blocks and trust publisher keys"),
  BILLING_READ("billing.read", Area.BILLING, "See plan, usage, AI costs and invoices"),
  BILLING_MANAGE("billing.manage", Area.BILLING, "Open checkout and the billing portal");

  /** Groups permissions for display (the role editor's checklist). */
  public enum Area {
    LEADS("Leads"),
    WORKFLOWS("Workflows"),
    CONTENT("Personas & knowledge"),
    DEALS("Deals"),
    COMPLIANCE("Policies"),
    CHANNELS("Mailboxes"),
    INSIGHTS("Analytics"),
    ADMINISTRATION("Administration"),
    BILLING("Billing");

    private final String label;

    Area(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final String code;
  private final Area area;
  private final String description;

  Permission(String code, Area area, String description) {
    this.code = code;
    this.area = area;
    this.description = description;
  }

  /** The dotted code used in the API and stored in custom roles, e.g. "leads.export". */
  public String code() {
    return code;
  }

  public Area area() {
    return area;
  }

  public String description() {
    return description;
  }

  /** Parses a dotted code; 400 on the named field when unknown. */
  public static Permission of(String field, String code) {
    if (code != null) {
      String wanted = code.trim().toLowerCase(Locale.ROOT);
      for (Permission p : values()) {
        if (p.code.equals(wanted)) {
          return p;
        }
      }
    }
    throw DomainException.invalid(
        field,
        "Unknown permission '"
            + code
            + "'. Known: "
            + Arrays.stream(values()).map(Permission::code).toList()
            + ".");
  }
}
