/**
 * The operator console: the Owner's resellers and tenants, a reseller's tenants (create wizard,
 * suspend, resume, delete) and its brand. {@link io.omnireach.ui.console.OperatorConsole} is the
 * port the app implements over provisioning and billing, which this module does not depend on.
 */
package io.omnireach.ui.console;
