/**
 * Usage metering: the ledger written in each action's transaction, the hourly roll-up, exact
 * totals, the daily snapshot meters, and the exports finance reads.
 */
package io.omnireach.usage;
