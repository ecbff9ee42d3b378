/**
 * Inbound email: IMAP settings of mailboxes, the poller, matching replies to our messages by
 * In-Reply-To/References, the offline reply classifier and the stored replies.
 */
package io.omnireach.channel.inbound;
