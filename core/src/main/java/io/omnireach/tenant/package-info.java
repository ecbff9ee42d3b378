/**
 * Tenant context: which tenant a unit of work belongs to, how its schema is named, and reading
 * tenants and their branding. Creating and deleting tenants lives in tenant-provisioning.
 */
package io.omnireach.tenant;
