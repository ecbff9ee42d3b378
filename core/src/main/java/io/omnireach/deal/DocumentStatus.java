package io.omnireach.deal;

/**
 * Where a deal document stands: generated, sent to the lead with the offer email, or accepted — the
 * accepted version is frozen (never regenerated over, never deleted).
 */
public enum DocumentStatus {
  GENERATED,
  SENT,
  ACCEPTED;

  public boolean frozen() {
    return this == ACCEPTED;
  }
}
