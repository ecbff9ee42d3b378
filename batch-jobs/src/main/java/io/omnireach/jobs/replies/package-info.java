/** The {@code reply-poll} job: IMAP polling of every mailbox with IMAP settings. */
package io.omnireach.jobs.replies;
