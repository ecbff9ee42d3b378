/**
 * Custom domains: a tenant's own host names (app.customer.com), their verification by a DNS TXT
 * record or an HTTP token, and the one place that turns a request's host into a tenant ({@link
 * io.omnireach.customdomain.TenantHosts}).
 */
package io.omnireach.customdomain;
