/**
 * Integrations without foreign code in the server: outbound webhooks (the tenant's events POSTed to
 * its endpoints), the HTTP action node's requests — both signed, logged and retried from one
 * durable delivery log ({@link io.omnireach.integration.Deliveries}) — and retargeting audiences
 * that sync a workflow segment's consenting leads, as hashed identifiers, to an ad platform through
 * an {@link io.omnireach.integration.AudienceAdapter}.
 */
package io.omnireach.integration;
