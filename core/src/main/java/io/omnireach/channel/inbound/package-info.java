/**
 * Inbound email: IMAP settings of mailboxes, the poller (read-only, by UID with a cursor per
 * folder), matching replies to our messages by In-Reply-To/References and bounces by their delivery
 * report, the reply classifiers (the tenant's LLM with the offline rule and lexicon classifier as
 * fallback) and the stored replies.
 */
package io.omnireach.channel.inbound;
