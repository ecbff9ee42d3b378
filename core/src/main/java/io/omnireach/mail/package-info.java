/**
 * System email: invitations, password reset links and alerts that the platform itself sends (not a
 * tenant's outreach). Queued in the platform schema's {@code system_mail} outbox in the caller's
 * transaction ({@link io.omnireach.mail.SystemMail}), rendered from branded templates ({@link
 * io.omnireach.mail.MailTemplates}, {@link io.omnireach.mail.MailBrand}) and sent by {@link
 * io.omnireach.mail.SystemMailRelay}.
 */
package io.omnireach.mail;
