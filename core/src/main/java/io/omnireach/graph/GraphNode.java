package io.omnireach.graph;

/**
 * A node: id "lead:42", "account:7" or "user:3"; score is the relationship score of a lead, the
 * account score of an account, null for a user.
 */
public record GraphNode(String id, NodeKind kind, String label, Integer score) {

  /** The numeric id after the colon. */
  public long key() {
    return Long.parseLong(id.substring(id.indexOf(':') + 1));
  }
}
