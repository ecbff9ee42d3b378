package io.omnireach.lead;

import java.time.Instant;

/** Consent of a lead for one channel: granted or denied, where it came from, and when. */
public record Consent(Status status, String source, Instant at) {

  /** Channels that need consent records. */
  public enum Channel {
    EMAIL,
    SMS,
    CALLS,
    /** Marketing consent for ad audiences (retargeting): only these leads are synced. */
    ADVERTISING
  }

  /** What the lead said. */
  public enum Status {
    GRANTED,
    DENIED,
    UNKNOWN
  }
}
