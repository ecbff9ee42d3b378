package io.omnireach.graph;

import java.util.Locale;

/** A graph node: a lead (a person), an account (a company) or one of our users. */
public enum NodeKind {
  LEAD,
  ACCOUNT,
  USER;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The node id, e.g. "lead:42". */
  public String id(long id) {
    return json() + ":" + id;
  }
}
