/**
 * The policy engine: a tenant's compliance rules (maximum discount, forbidden phrases, required
 * text, consent, contact frequency, send hours, competitor mentions, other people's personal data)
 * as data, checked on every outbound message. {@link io.omnireach.policy.PolicyEngine} is pure (no
 * database: a later dry-run sandbox calls it as is); {@link io.omnireach.policy.Policies} loads and
 * versions the policies of a tenant schema.
 */
package io.omnireach.policy;
