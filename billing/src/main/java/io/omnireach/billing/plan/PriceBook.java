package io.omnireach.billing.plan;

import io.omnireach.billing.jpa.JpaTransactions;
import io.omnireach.common.DomainException;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that says what a plan includes and costs: plan terms, wholesale price lists (keyed
 * by a reseller's wholesale plan code) and resellers' retail prices, each falling back to the
 * plan's list price where it sets nothing.
 */
public final class PriceBook {

  private final JpaTransactions jpa;

  public PriceBook(JpaTransactions jpa) {
    this.jpa = jpa;
  }

  /** Every plan, in the order they are offered. */
  public List<PlanTerms> plans() {
    return jpa.platform(PriceBook::plans);
  }

  public static List<PlanTerms> plans(EntityManager em) {
    return em
        .createQuery("select p from PlanDefinition p order by p.position", PlanDefinition.class)
        .getResultList()
        .stream()
        .map(PlanDefinition::toTerms)
        .toList();
  }

  public Optional<PlanTerms> plan(String code) {
    return jpa.platform(em -> Optional.ofNullable(em.find(PlanDefinition.class, code)))
        .map(PlanDefinition::toTerms);
  }

  /** The plans by code, with the prices of the list that bills this tenant. */
  public static Map<String, PlanTerms> planMap(EntityManager em) {
    return plans(em).stream().collect(Collectors.toMap(PlanTerms::code, Function.identity()));
  }

  /**
   * What the tenant pays for {@code plan}: its reseller's retail price, or the list price for a
   * tenant without reseller (or a reseller that set none).
   */
  public static Prices retail(EntityManager em, TenantBilling tenant, PlanTerms plan) {
    return tenant.resellerId() == null ? plan.listPrices() : retail(em, tenant.resellerId(), plan);
  }

  public static Prices retail(EntityManager em, long resellerId, PlanTerms plan) {
    return em.createQuery(
            "select p from PlanPrice p where p.kind = :kind and p.resellerId = :reseller"
                + " and p.planCode = :plan",
            PlanPrice.class)
        .setParameter("kind", PlanPrice.Kind.RETAIL)
        .setParameter("reseller", resellerId)
        .setParameter("plan", plan.code())
        .getResultStream()
        .findFirst()
        .map(p -> p.over(plan.listPrices()))
        .orElse(plan.listPrices());
  }

  /** What the platform charges a reseller on this wholesale list for a tenant on {@code plan}. */
  public static Prices wholesale(EntityManager em, String wholesaleCode, PlanTerms plan) {
    return em.createQuery(
            "select p from PlanPrice p where p.kind = :kind and p.wholesaleCode = :code"
                + " and p.planCode = :plan",
            PlanPrice.class)
        .setParameter("kind", PlanPrice.Kind.WHOLESALE)
        .setParameter("code", wholesaleCode)
        .setParameter("plan", plan.code())
        .getResultStream()
        .findFirst()
        .map(p -> p.over(plan.listPrices()))
        .orElse(plan.listPrices());
  }

  /** Who bills the tenant and on which plan; 404 when there is no such tenant. */
  public TenantBilling tenant(long tenantId) {
    return jpa.platform(em -> tenant(em, tenantId));
  }

  public static TenantBilling tenant(EntityManager em, long tenantId) {
    List<?> rows =
        JpaTransactions.nativeQuery(
                em,
                "select t.id, t.slug, t.display_name, t.plan, t.reseller_id, r.name, r.slug,"
                    + " r.wholesale_plan, t.created_at from platform.tenants t"
                    + " left join platform.resellers r on r.id = t.reseller_id where t.id = ?")
            .setParameter(1, tenantId)
            .getResultList();
    if (rows.isEmpty()) {
      throw DomainException.notFound("No tenant " + tenantId + ".");
    }
    return tenantRow((Object[]) rows.get(0));
  }

  /** The tenants a scope sees: all (null) or one reseller's, by display name. */
  public static List<TenantBilling> tenants(EntityManager em, Long resellerId) {
    var query =
        JpaTransactions.nativeQuery(
            em,
            "select t.id, t.slug, t.display_name, t.plan, t.reseller_id, r.name, r.slug,"
                + " r.wholesale_plan, t.created_at from platform.tenants t"
                + " left join platform.resellers r on r.id = t.reseller_id"
                + " where t.status <> 'PROVISIONING'"
                + (resellerId == null ? "" : " and t.reseller_id = ?")
                + " order by lower(t.display_name), t.id");
    if (resellerId != null) {
      query.setParameter(1, resellerId);
    }
    List<?> rows = query.getResultList();
    return rows.stream().map(r -> tenantRow((Object[]) r)).toList();
  }

  private static TenantBilling tenantRow(Object[] r) {
    return new TenantBilling(
        ((Number) r[0]).longValue(),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        r[4] == null ? null : ((Number) r[4]).longValue(),
        (String) r[5],
        (String) r[6],
        (String) r[7],
        instant(r[8]));
  }

  static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalStateException("Not a timestamp: " + value);
  }
}
