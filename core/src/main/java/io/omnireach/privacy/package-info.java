/**
 * GDPR and privacy: a person's data exported as an archive or erased everywhere (each a Jakarta
 * Batch job run step by step, audited), the hashed suppression an erasure leaves, and per-tenant
 * retention of message bodies, replies, cached AI texts and lead signals.
 */
package io.omnireach.privacy;
