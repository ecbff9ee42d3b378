package io.omnireach.channel.inbound;

/** Counts of one poll: unseen messages read, replies stored, repeats, not ours, failed. */
public record PollResult(int fetched, int stored, int duplicates, int unmatched, int failed) {

  public static final PollResult NONE = new PollResult(0, 0, 0, 0, 0);

  public PollResult plus(PollResult o) {
    return new PollResult(
        fetched + o.fetched,
        stored + o.stored,
        duplicates + o.duplicates,
        unmatched + o.unmatched,
        failed + o.failed);
  }
}
