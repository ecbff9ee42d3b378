/**
 * Tenant and reseller lifecycle: create a tenant (schema, migrations, branding, first admin),
 * suspend, resume and delete it, and distribute its schema on Citus when the extension exists.
 */
package io.omnireach.provisioning;
