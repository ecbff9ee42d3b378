/**
 * AI message generation: per-tenant settings with an encrypted API key, a prompt built from a
 * persona and a lead with untrusted text sanitised, langchain4j chat models (OpenRouter through the
 * OpenAI-compatible client, Mistral) called with bounded retries, a call ledger with tokens and
 * cost, a generation cache, a monthly token budget, and an offline template generator for tenants
 * without a key. Generated text is only ever a draft: nothing here sends or changes state.
 */
package io.omnireach.ai;
