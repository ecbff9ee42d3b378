package io.omnireach.billing;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** The plans a tenant can be on, with the limits enforced today. */
public enum Plan {
  FREE("Free", 3),
  TEAM("Team", 25),
  SCALE("Scale", 500);

  private final String label;
  private final int seats;

  Plan(String label, int seats) {
    this.label = label;
    this.seats = seats;
  }

  public String label() {
    return label;
  }

  public int seats() {
    return seats;
  }

  public static Plan of(Transactions tx, TenantRef tenant) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("select plan from tenants where id = ?")) {
            ps.setLong(1, tenant.id());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Plan.valueOf(rs.getString(1)) : FREE;
            }
          }
        });
  }

  /** Refuses another seat (member or open invitation) beyond the plan's limit. */
  public void requireSeat(int seatsTaken) {
    if (seatsTaken >= seats) {
      throw DomainException.conflict(
          "email",
          "The " + label + " plan includes " + seats + " seats and all are taken or invited.");
    }
  }
}
