/**
 * Accounts: the companies leads work at, derived from their work email domains and company names
 * ({@link io.omnireach.account.Companies}, the one place that knows free-mail providers), kept
 * current by {@link io.omnireach.account.AccountLinks} whenever leads are created, edited or
 * imported, and read with their aggregate score by {@link io.omnireach.account.Accounts}.
 */
package io.omnireach.account;
