/**
 * Personas: the voice the AI writes in for a tenant — role, tone (three 0–100 scales), industry
 * focus, value propositions, writing samples, signature, default channel and language. Stored per
 * tenant schema; the base of the later Persona Studio.
 */
package io.omnireach.persona;
