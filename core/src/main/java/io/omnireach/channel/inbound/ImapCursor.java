package io.omnireach.channel.inbound;

/**
 * Where polling a mailbox folder stopped: the last UID processed, meaningful only under the
 * folder's {@code uidValidity}. {@code failedUid} is the message the poller is stuck at (null when
 * none) and {@code failures} how many polls in a row it failed.
 */
public record ImapCursor(long uidValidity, long lastUid, Long failedUid, int failures) {}
