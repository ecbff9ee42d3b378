/** Email analytics: headline replies and meetings, rates, daily series and per-mailbox charts. */
package io.omnireach.ui.analytics;
