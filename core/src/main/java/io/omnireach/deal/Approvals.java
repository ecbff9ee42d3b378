package io.omnireach.deal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Approving or rejecting an escalated decision, by the price book's approver rules ({@link
 * ApproverRule}): someone the rules do not name is refused (FORBIDDEN). Approval is recorded on the
 * decision and in its trace (who, when, the rule, the note), closes the approval task and is told
 * on the deal's timeline. Terms that left the price book's current limits cannot be approved. An
 * approval sends nothing: a person sends the approved terms.
 */
public final class Approvals {

  static final int MAX_RULES = 20;
  private static final Set<String> ROLES = Set.of("Admin", "Sales");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Transactions tx;
  private final Clock clock;

  public Approvals(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public List<ApproverRule> rules(TenantRef tenant) {
    return tx.tenant(tenant, Approvals::rules);
  }

  /** Replaces the rules (validated: limits from 0 to 100, each once; roles Admin/Sales; emails). */
  public List<ApproverRule> replaceRules(TenantRef tenant, List<ApproverRule> rules) {
    if (rules == null) {
      throw DomainException.invalid("rules", "rules is a list (empty: only Admins approve).");
    }
    if (rules.size() > MAX_RULES) {
      throw DomainException.invalid("rules", "At most " + MAX_RULES + " approver rules.");
    }
    List<BigDecimal> seen = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      ApproverRule r = rules.get(i);
      String at = "rules[" + i + "]";
      if (r == null
          || r.upToDiscountPercent() == null
          || r.upToDiscountPercent().signum() < 0
          || r.upToDiscountPercent().compareTo(HUNDRED) > 0
          || r.upToDiscountPercent().scale() > 2) {
        throw DomainException.invalid(
            at + ".upToDiscountPercent", "upToDiscountPercent is a percent from 0 to 100.");
      }
      if (seen.stream().anyMatch(b -> b.compareTo(r.upToDiscountPercent()) == 0)) {
        throw DomainException.invalid(
            at + ".upToDiscountPercent",
            "Two rules for " + Money.percent(r.upToDiscountPercent()) + ": keep one.");
      }
      seen.add(r.upToDiscountPercent());
      for (String role : r.roles()) {
        if (!ROLES.contains(role)) {
          throw DomainException.invalid(
              at + ".roles", "roles are Admin or Sales; got '" + role + "'.");
        }
      }
      for (String user : r.users()) {
        if (user.isEmpty() || user.length() > 254 || !user.matches("[^@\\s]+@[^@\\s]+")) {
          throw DomainException.invalid(at + ".users", "users are email addresses.");
        }
      }
      if (r.roles().isEmpty() && r.users().isEmpty()) {
        throw DomainException.invalid(at, "A rule names at least one role or user.");
      }
    }
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update deal_playbook set approver_rules = ?::jsonb where id = 1")) {
            ps.setString(1, DealJson.write(rules));
            ps.executeUpdate();
          }
          return rules(c);
        });
  }

  /**
   * Records {@code approve} (else a rejection) of an escalated decision by {@code actor}.
   *
   * @throws DomainException NOT_FOUND, CONFLICT when it is no escalation or already answered or its
   *     terms left the price book, FORBIDDEN when the rules do not let {@code actor} approve it
   */
  public StoredDecision decide(
      TenantRef tenant,
      long decisionId,
      boolean approve,
      String note,
      String actor,
      List<String> roles) {
    String cleanNote = note == null || note.isBlank() ? null : note.strip();
    if (cleanNote != null && cleanNote.length() > 2000) {
      throw DomainException.invalid("note", "note is at most 2,000 characters.");
    }
    return tx.tenant(
        tenant,
        c -> {
          StoredDecision d = Negotiations.find(c, decisionId);
          if (d.decision().action() != NegotiationAction.ESCALATE) {
            throw DomainException.conflict(
                "decision", "Only escalated decisions wait for an approval.");
          }
          if (d.approval() != null) {
            throw DomainException.conflict(
                "decision",
                "Decision "
                    + decisionId
                    + " was already "
                    + d.approval().name().toLowerCase(java.util.Locale.ROOT)
                    + " by "
                    + d.decidedBy()
                    + ".");
          }
          BigDecimal discount = d.decision().terms().discountPercent();
          List<ApproverRule> rules = rules(c);
          if (!ApproverRule.allows(rules, discount, actor, roles)) {
            throw new DomainException(
                DomainException.Kind.FORBIDDEN,
                "Terms with "
                    + Money.percent(discount)
                    + " off are approved by "
                    + ApproverRule.who(rules, discount)
                    + "; you may not approve or reject them.");
          }
          if (approve) {
            requireWithinPriceBook(c, d.decision().terms());
          }
          Instant now = clock.instant();
          List<Trace.Rule> traced = new ArrayList<>(d.decision().trace().rules());
          traced.add(
              new Trace.Rule(
                  "approval",
                  approve ? "approved" : "rejected",
                  (approve ? "Approved by " : "Rejected by ")
                      + actor
                      + " ("
                      + String.join(", ", roles)
                      + "; allowed: "
                      + ApproverRule.who(rules, discount)
                      + ")"
                      + (cleanNote == null ? "." : ": " + cleanNote)));
          Trace t = d.decision().trace();
          Trace trace =
              new Trace(
                  t.message(), t.ask(), t.playbookVersion(), traced, t.alternatives(), t.summary());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update deal_decisions set approval = ?, approved_by = ?, approved_at = ?,"
                      + " approval_note = ?, trace = ?::jsonb where id = ? and approval is null")) {
            ps.setString(1, approve ? "APPROVED" : "REJECTED");
            ps.setString(2, actor);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, cleanNote);
            ps.setString(5, DealJson.write(trace));
            ps.setLong(6, decisionId);
            if (ps.executeUpdate() != 1) {
              throw DomainException.conflict("decision", "The decision was answered meanwhile.");
            }
          }
          if (d.taskId() != null) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "update workflow_tasks set status = 'done', done_at = ?, done_by = ?,"
                        + " outcome = 'done', snoozed_until = null where id = ? and status = 'open'")) {
              ps.setTimestamp(1, Timestamp.from(now));
              ps.setString(2, actor);
              ps.setLong(3, d.taskId());
              ps.executeUpdate();
            }
          }
          Deals.event(
              c,
              d.dealId(),
              "approval",
              (approve ? "Approved by " : "Rejected by ")
                  + actor
                  + ": "
                  + OfferWriter.offer(d.decision().terms()),
              decisionId,
              actor,
              now);
          return Negotiations.find(c, decisionId);
        });
  }

  /** The terms still respect every product's maximum discount and floor price as they are now. */
  private static void requireWithinPriceBook(Connection c, Terms terms) throws SQLException {
    for (Terms.Line l : terms.lines()) {
      Product p = Products.find(c, l.productId());
      if (l.discountPercent().compareTo(p.maxDiscountPercent()) > 0
          || l.netUnitPrice().compareTo(p.floorPrice()) < 0) {
        throw DomainException.conflict(
            "decision",
            "The terms are outside the price book's limits for "
                + p.name()
                + " as it is now: negotiate again.");
      }
    }
  }

  static List<ApproverRule> rules(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select approver_rules::text from deal_playbook where id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return List.of();
      }
      return DealJson.read(rs.getString(1), new TypeReference<List<ApproverRule>>() {});
    }
  }
}
