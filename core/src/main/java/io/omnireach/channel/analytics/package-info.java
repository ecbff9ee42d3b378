/**
 * Email analytics of a tenant: totals, rates, a daily series and breakdowns per mailbox and per
 * persona, computed from {@code messages} and {@code message_events} (proxy opens left out).
 */
package io.omnireach.channel.analytics;
