package io.omnireach.usage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Whether a tenant may send now, and how much: billing pauses sending at a plan's hard limit or
 * after the grace period of an unpaid invoice. Never silent: a paused message stays queued with the
 * reason in its events, and the UI and API show it. Nothing is deleted.
 */
public interface SendingGate {

  /**
   * @param remaining how many more units of the meter may go out now ({@link Long#MAX_VALUE}: no
   *     limit)
   * @param reason why no more than that may go out, for people to read (shown when it runs out);
   *     null only when unlimited
   */
  record Allowance(long remaining, String reason) {

    public static final Allowance UNLIMITED = new Allowance(Long.MAX_VALUE, null);

    public static Allowance paused(String reason) {
      return new Allowance(0, reason);
    }

    public Allowance {
      if (remaining < 0) {
        remaining = 0;
      }
      if (remaining != Long.MAX_VALUE && (reason == null || reason.isBlank())) {
        throw new IllegalArgumentException("A limit needs a reason people can read");
      }
    }

    /** The tighter of two allowances. */
    public Allowance and(Allowance other) {
      return other.remaining < remaining ? other : this;
    }
  }

  /** No billing rules: everything may go out (tests, installs without billing). */
  SendingGate OPEN = (c, tenantId, meter) -> Allowance.UNLIMITED;

  /** Called inside the sender's claim transaction, on its connection. */
  Allowance allowance(Connection c, long tenantId, Meter meter) throws SQLException;

  /** All gates at once: the tightest allowance wins. */
  static SendingGate all(List<SendingGate> gates) {
    return (c, tenantId, meter) -> {
      Allowance tightest = Allowance.UNLIMITED;
      for (SendingGate gate : gates) {
        tightest = tightest.and(gate.allowance(c, tenantId, meter));
      }
      return tightest;
    };
  }
}
