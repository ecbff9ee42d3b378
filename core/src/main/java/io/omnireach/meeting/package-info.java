/**
 * Meetings booked through Calendly: the tenant's connection ({@link
 * io.omnireach.meeting.CalendlyAccounts}, token and signing key sealed), Calendly's REST API
 * ({@link io.omnireach.meeting.CalendlyClient}), the signed webhook ({@link
 * io.omnireach.meeting.CalendlySignature}, {@link io.omnireach.meeting.CalendlyWebhooks}) and the
 * meetings a lead booked ({@link io.omnireach.meeting.Meetings}).
 */
package io.omnireach.meeting;
