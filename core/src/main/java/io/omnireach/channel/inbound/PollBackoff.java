package io.omnireach.channel.inbound;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which mailboxes the scheduled poll leaves out for now: a mailbox whose poll failed sits out the
 * next poll, after a second failure in a row the next 2, then 4, 8, … at most {@link #MAX_SKIPS}
 * polls, so a mailbox that stays broken costs one attempt per 64 polls instead of one per poll. A
 * successful poll, a manual "poll now" ({@link #reset}) and other settings (host, port, TLS,
 * username or password) put the mailbox back on every poll at once.
 *
 * <p>Kept in memory by the one {@link ImapPoller} of a server: a restart tries every mailbox again,
 * and each server of a cluster counts its own polls. The settings are kept as their hash only (no
 * password in this map).
 */
public final class PollBackoff {

  /** The longest a failing mailbox sits out, in polls. */
  static final int MAX_SKIPS = 64;

  /** {@code skips}: what the last failure earned; {@code left}: polls still to sit out. */
  private record State(int settings, int skips, int left) {}

  private record Key(String tenant, long mailboxId) {}

  private final Map<Key, State> states = new ConcurrentHashMap<>();

  /**
   * Whether this poll tries the mailbox ({@code settings}: the hash of its current settings). A
   * mailbox sitting out counts this poll and is left out; one with other settings than at its last
   * failure is tried.
   */
  public boolean due(String tenant, long mailboxId, int settings) {
    boolean[] due = {true};
    states.computeIfPresent(
        new Key(tenant, mailboxId),
        (k, s) -> {
          if (s.settings() != settings) {
            return null; // changed settings: a fresh start
          }
          if (s.left() == 0) {
            return s;
          }
          due[0] = false;
          return new State(s.settings(), s.skips(), s.left() - 1);
        });
    return due[0];
  }

  /** A failed poll: returns how many polls the mailbox now sits out (1, 2, 4, … 64). */
  public int failed(String tenant, long mailboxId, int settings) {
    State next =
        states.compute(
            new Key(tenant, mailboxId),
            (k, s) -> {
              int skips =
                  s == null || s.settings() != settings ? 1 : Math.min(2 * s.skips(), MAX_SKIPS);
              return new State(settings, skips, skips);
            });
    return next.skips();
  }

  /** A successful poll: the mailbox is tried on every poll again. */
  public void succeeded(String tenant, long mailboxId) {
    reset(tenant, mailboxId);
  }

  /** A manual "poll now" or new settings: the mailbox is tried on the next poll. */
  public void reset(String tenant, long mailboxId) {
    states.remove(new Key(tenant, mailboxId));
  }
}
