package io.omnireach.graph;

import java.time.Instant;

/**
 * One teammate's contact with an account's people: emails sent, replies received, meetings,
 * personal connections (knows / introduced), how many of its people, the last contact, and warmth
 * 0–100: the best relationship score among those people (at least 70 for someone they know in
 * person).
 */
public record TeamContact(
    long userId,
    String name,
    String email,
    long emailed,
    long replies,
    long meetings,
    long connections,
    long people,
    Instant lastContactAt,
    int warmth) {

  /** hot (70+), warm (40+), cool (1+), cold. */
  public String level() {
    return warmth >= 70 ? "hot" : warmth >= 40 ? "warm" : warmth > 0 ? "cool" : "cold";
  }
}
