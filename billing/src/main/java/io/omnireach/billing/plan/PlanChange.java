package io.omnireach.billing.plan;

import io.omnireach.billing.jpa.Times;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A change of a tenant's plan ({@code platform.plan_changes}), read to prorate the base fee. A
 * tenant's row: only a tenant's entity manager reads it. Written by {@link PlanChanges#record} in
 * the transaction that changes the plan.
 */
@Entity
@Table(name = "plan_changes", schema = "platform")
public class PlanChange {

  @Id private Long id;

  @Column(name = "from_plan")
  private String fromPlan;

  @Column(name = "to_plan")
  private String toPlan;

  @Column(name = "changed_at")
  private OffsetDateTime changedAt;

  protected PlanChange() {}

  public String fromPlan() {
    return fromPlan;
  }

  public String toPlan() {
    return toPlan;
  }

  public Instant changedAt() {
    return Times.instant(changedAt);
  }
}
