package io.omnireach.deal;

import io.omnireach.channel.Outbox;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.policy.DiscountText;
import io.omnireach.policy.OutboundText;
import io.omnireach.policy.Policies;
import io.omnireach.policy.PolicyEngine;
import io.omnireach.policy.Verdict;
import io.omnireach.tenant.TenantRef;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Negotiating on a deal: parses the message, lets the {@link DecisionEngine} decide, phrases the
 * decision (the {@link OfferPhraser}, e.g. the tenant's LLM, when its numbers stay within the
 * terms; else the {@link OfferWriter} template), checks the text with the tenant's policies (a
 * blocked draft is escalated) and stores the decision with its trace. An escalation opens an
 * approval task in the tasks list (Today) for the deal's owner. Nothing is sent: the draft is a
 * suggestion a person sends through the normal message path, where the policies apply again.
 */
public final class Negotiations {

  private static final Logger LOG = Logger.getLogger(Negotiations.class.getName());

  private final Transactions tx;
  private final Clock clock;
  private final OfferPhraser phraser;
  private final Outbox outbox;

  public Negotiations(Transactions tx, Clock clock) {
    this(tx, clock, OfferPhraser.NONE, (t, id) -> {});
  }

  public Negotiations(Transactions tx, Clock clock, OfferPhraser phraser) {
    this(tx, clock, phraser, (t, id) -> {});
  }

  /** {@code outbox} hands the messages auto-sent ({@link Autonomy#AUTO_SEND}) to the relay. */
  public Negotiations(Transactions tx, Clock clock, OfferPhraser phraser, Outbox outbox) {
    this.tx = tx;
    this.clock = clock;
    this.phraser = phraser;
    this.outbox = outbox;
  }

  public StoredDecision negotiate(TenantRef tenant, long dealId, String message, String actor) {
    return negotiate(tenant, dealId, message, actor, null);
  }

  /**
   * As above; {@code trigger} is the reply that started it (null: by hand). With {@link
   * Autonomy#AUTO_SEND} an accept, counter or question is queued through the outbox; an escalation
   * never is.
   */
  public StoredDecision negotiate(
      TenantRef tenant, long dealId, String message, String actor, Trigger trigger) {
    if (message == null || message.isBlank()) {
      throw DomainException.invalid("message", "message is the customer's text to answer.");
    }
    if (message.length() > 20_000) {
      throw DomainException.invalid("message", "message is at most 20,000 characters.");
    }
    // decide in one transaction, phrase outside it (a model call must not hold a connection)
    Decided decided =
        tx.tenant(
            tenant,
            c -> {
              Deal deal = Deals.find(c, dealId);
              Map<Long, Product> products = new HashMap<>();
              for (DealLine l : deal.lines()) {
                products.put(l.productId(), Products.find(c, l.productId()));
              }
              Playbook playbook = playbook(c);
              Decision d =
                  DecisionEngine.decide(
                      message,
                      AskParser.parse(message),
                      deal,
                      products,
                      playbook,
                      counters(c, dealId));
              if (trigger != null) {
                d = withRule(d, "trigger", "applied", trigger.describe(), true);
              }
              return new Decided(deal, d, firstName(c, deal.leadId()), playbook.autonomy());
            });
    Deal deal = decided.deal();
    Phrasing phrasing = phrase(tenant, decided, message, actor);
    Instant now = clock.instant();
    StoredDecision stored =
        tx.tenant(
            tenant,
            c -> {
              Decision d = phrasing.decision();
              OfferWriter.Text text = phrasing.text();
              String generator = phrasing.generator();
              Verdict verdict =
                  PolicyEngine.evaluate(
                      Policies.all(c),
                      new OutboundText("email", text.subject(), text.body()),
                      Policies.context(c, deal.leadId(), null, "email", now));
              d = withPolicy(d, verdict);
              if (d.action() == NegotiationAction.ESCALATE
                  && verdict.outcome() == Verdict.Outcome.BLOCK) {
                text = OfferWriter.write(d, deal, decided.firstName());
                generator = OfferWriter.GENERATOR;
              }
              Long messageId = null;
              if (decided.autonomy() == Autonomy.AUTO_SEND) {
                if (d.action() == NegotiationAction.ESCALATE) {
                  d =
                      withRule(
                          d,
                          "auto-send",
                          "ignored",
                          "Escalations are never sent: a person decides first.",
                          false);
                } else {
                  AutoSend.Result sent = AutoSend.queue(c, tenant, deal, text, actor, clock);
                  if (sent.queued()) {
                    messageId = sent.messageId();
                    d =
                        withRule(
                            d,
                            "auto-send",
                            "applied",
                            "Within the limits: queued as message "
                                + messageId
                                + " through the outbox (the policies check it again before"
                                + " it is sent).",
                            false);
                  } else if (sent.blocked()) {
                    messageId = sent.messageId();
                    d =
                        escalated(
                            withRule(
                                d,
                                "auto-send",
                                "triggered",
                                "The outbox's policy check blocked the message ("
                                    + sent.reason()
                                    + "): nothing was sent.",
                                false),
                            "Escalated: the policies blocked the message when it was queued. ");
                    text = OfferWriter.write(d, deal, decided.firstName());
                    generator = OfferWriter.GENERATOR;
                  } else {
                    d =
                        withRule(
                            d,
                            "auto-send",
                            "ignored",
                            "Not sent: " + sent.reason() + ". A person sends the draft.",
                            false);
                  }
                }
              }
              Long task =
                  d.action() == NegotiationAction.ESCALATE ? approvalTask(c, deal, d, now) : null;
              long id;
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into deal_decisions (deal_id, message, action, terms, draft,"
                          + " draft_generator, trace, task_id, created_by, created_at, reply_id,"
                          + " message_id) values (?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)"
                          + " returning id")) {
                ps.setLong(1, dealId);
                ps.setString(2, message);
                ps.setString(3, d.action().name());
                ps.setString(4, DealJson.write(d.terms()));
                ps.setString(5, text.subject() + "\n\n" + text.body());
                ps.setString(6, generator);
                ps.setString(7, DealJson.write(d.trace()));
                ps.setObject(8, task, Types.BIGINT);
                ps.setString(9, actor);
                ps.setTimestamp(10, Timestamp.from(now));
                ps.setObject(11, trigger == null ? null : trigger.replyId(), Types.BIGINT);
                ps.setObject(12, messageId, Types.BIGINT);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  id = rs.getLong(1);
                }
              }
              Deals.event(
                  c,
                  dealId,
                  "decision",
                  label(d.action()) + ": " + d.trace().summary(),
                  id,
                  actor,
                  now);
              return find(c, id);
            });
    if (stored.messageId() != null && stored.decision().action() != NegotiationAction.ESCALATE) {
      outbox.dispatch(tenant, stored.messageId()); // committed: the relay may send it now
    }
    return stored;
  }

  /** Who the agent acts as when a reply triggers it. */
  public static final String AGENT = "agent";

  /**
   * The agent's turn on a reply classified as negotiation: negotiates on the lead's open deal (the
   * latest one not won or lost) with the reply's own text, the trace naming the reply; then
   * suggests or sends per the playbook's autonomy. Empty when the lead has no open deal.
   */
  public Optional<StoredDecision> onReply(
      TenantRef tenant, long replyId, long leadId, String from, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Long dealId =
        tx.tenant(
            tenant,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select id from deals where lead_id = ? and stage not in ('won', 'lost')"
                          + " order by updated_at desc, id desc limit 1")) {
                ps.setLong(1, leadId);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getLong(1) : null;
                }
              }
            });
    if (dealId == null) {
      return Optional.empty();
    }
    String message = text.length() > 20_000 ? text.substring(0, 20_000) : text.strip();
    return Optional.of(negotiate(tenant, dealId, message, AGENT, new Trigger(replyId, from)));
  }

  /** What started a negotiation other than a person: a reply classified as negotiation. */
  public record Trigger(long replyId, String from) {
    String describe() {
      return "Reply "
          + replyId
          + (from == null ? "" : " from " + from)
          + " was classified as a pricing/negotiation message on a lead with an open deal.";
    }
  }

  private record Decided(Deal deal, Decision decision, String firstName, Autonomy autonomy) {}

  private record Phrasing(Decision decision, OfferWriter.Text text, String generator) {}

  /**
   * The phraser's text when it has one and every discount in it is at most the chosen one;
   * otherwise the offline template. Escalations are never phrased (they promise nothing). The trace
   * records which writer was used and why.
   */
  private Phrasing phrase(TenantRef tenant, Decided decided, String message, String actor) {
    Decision d = decided.decision();
    OfferWriter.Text template = OfferWriter.write(d, decided.deal(), decided.firstName());
    if (d.action() == NegotiationAction.ESCALATE) {
      return new Phrasing(d, template, OfferWriter.GENERATOR);
    }
    Optional<OfferPhraser.Phrased> phrased;
    try {
      phrased =
          phraser.phrase(
              new OfferPhraser.Request(
                  tenant,
                  decided.deal().leadId(),
                  d.action(),
                  d.action() == NegotiationAction.CLARIFY
                      ? template.body()
                      : OfferWriter.offer(d.terms()),
                  message,
                  actor));
    } catch (RuntimeException e) {
      LOG.warning("Deal phrasing failed, the template is used: " + e.getMessage());
      return new Phrasing(
          withRule(
              d,
              "llm phrasing",
              "ignored",
              "The model could not phrase the reply ("
                  + e.getMessage()
                  + "): the offline template was used."),
          template,
          OfferWriter.GENERATOR);
    }
    if (phrased.isEmpty()) {
      return new Phrasing(d, template, OfferWriter.GENERATOR);
    }
    OfferPhraser.Phrased p = phrased.get();
    BigDecimal chosen = d.terms() == null ? BigDecimal.ZERO : d.terms().discountPercent();
    Optional<Double> above =
        DiscountText.percents(p.subject() + "\n" + p.body()).stream()
            .filter(pct -> BigDecimal.valueOf(pct).compareTo(chosen) > 0)
            .findFirst();
    if (above.isPresent()) {
      return new Phrasing(
          withRule(
              d,
              "llm phrasing",
              "triggered",
              p.generator()
                  + " wrote a "
                  + Money.percent(BigDecimal.valueOf(above.get()))
                  + " discount, above the chosen "
                  + Money.percent(chosen)
                  + ": its text was discarded and the offline template used."),
          template,
          OfferWriter.GENERATOR);
    }
    return new Phrasing(
        withRule(
            d,
            "llm phrasing",
            "passed",
            p.generator()
                + " phrased the chosen terms; every discount in its text is at most "
                + Money.percent(chosen)
                + "."),
        new OfferWriter.Text(p.subject(), p.body()),
        p.generator());
  }

  private static Decision withRule(Decision d, String rule, String outcome, String detail) {
    return withRule(d, rule, outcome, detail, false);
  }

  /** The decision with one more rule in its trace, first or last. */
  private static Decision withRule(
      Decision d, String rule, String outcome, String detail, boolean first) {
    List<Trace.Rule> rules = new ArrayList<>(d.trace().rules());
    rules.add(first ? 0 : rules.size(), new Trace.Rule(rule, outcome, detail));
    return new Decision(
        d.action(),
        d.terms(),
        new Trace(
            d.trace().message(),
            d.trace().ask(),
            d.trace().playbookVersion(),
            rules,
            d.trace().alternatives(),
            d.trace().summary()));
  }

  /** A blocked draft is never offered: the decision becomes an escalation, the trace says why. */
  private static Decision withPolicy(Decision d, Verdict v) {
    List<Trace.Rule> rules = new ArrayList<>(d.trace().rules());
    List<Trace.Alternative> alternatives = new ArrayList<>(d.trace().alternatives());
    if (v.outcome() != Verdict.Outcome.BLOCK) {
      rules.add(
          new Trace.Rule(
              "policy check",
              "passed",
              "The draft breaks no blocking policy (" + v.outcome().wire() + ")."));
      return new Decision(
          d.action(),
          d.terms(),
          new Trace(
              d.trace().message(),
              d.trace().ask(),
              d.trace().playbookVersion(),
              rules,
              alternatives,
              d.trace().summary()));
    }
    rules.add(
        new Trace.Rule(
            "policy check", "triggered", "The draft was blocked by the policies: " + v.reason()));
    alternatives.add(
        new Trace.Alternative(
            d.action().wire() + " as drafted", "a blocking policy refused the text"));
    return new Decision(
        NegotiationAction.ESCALATE,
        d.terms(),
        new Trace(
            d.trace().message(),
            d.trace().ask(),
            d.trace().playbookVersion(),
            rules,
            alternatives,
            "Escalated: the policy engine blocked the draft. " + d.trace().summary()));
  }

  /** The decision turned into an escalation (its terms kept for the approver). */
  private static Decision escalated(Decision d, String why) {
    List<Trace.Alternative> alternatives = new ArrayList<>(d.trace().alternatives());
    alternatives.add(
        new Trace.Alternative(d.action().wire() + " as drafted", "the message was not sendable"));
    return new Decision(
        NegotiationAction.ESCALATE,
        d.terms(),
        new Trace(
            d.trace().message(),
            d.trace().ask(),
            d.trace().playbookVersion(),
            d.trace().rules(),
            alternatives,
            why + d.trace().summary()));
  }

  private static String label(NegotiationAction a) {
    return switch (a) {
      case ACCEPT -> "Accepted";
      case COUNTER -> "Countered";
      case CLARIFY -> "Asked to clarify";
      case ESCALATE -> "Escalated";
    };
  }

  /** An open task for the deal's owner (unassigned without one): approve or change the terms. */
  private static long approvalTask(Connection c, Deal deal, Decision d, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into workflow_tasks (lead_id, title, assignee, status, created_at, kind,"
                + " action, body, body_source, link, due_at, deal_id)"
                + " values (?, ?, ?, 'open', ?, 'generic', ?, ?, 'deal desk', ?, ?, ?) returning id")) {
      ps.setLong(1, deal.leadId());
      ps.setString(2, "Approve deal terms: " + deal.title());
      ps.setString(3, deal.owner());
      ps.setTimestamp(4, Timestamp.from(now));
      ps.setString(5, "Review the proposed terms");
      ps.setString(
          6,
          d.trace().summary()
              + "\nProposed: "
              + OfferWriter.offer(d.terms())
              + "\nApprove or reject it in the deal's Why? panel.");
      ps.setString(7, "deals/" + deal.id());
      ps.setTimestamp(8, Timestamp.from(now));
      ps.setLong(9, deal.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public StoredDecision get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> find(c, id));
  }

  /** The deal's decisions, newest first. */
  public List<StoredDecision> forDeal(TenantRef tenant, long dealId) {
    return tx.tenant(
        tenant,
        c -> {
          Deals.find(c, dealId);
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id from deal_decisions where deal_id = ? order by id desc")) {
            ps.setLong(1, dealId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          List<StoredDecision> out = new ArrayList<>();
          for (long id : ids) {
            out.add(find(c, id));
          }
          return out;
        });
  }

  public Playbook playbook(TenantRef tenant) {
    return tx.tenant(tenant, Negotiations::playbook);
  }

  public Playbook updatePlaybook(
      TenantRef tenant,
      Autonomy autonomy,
      BigDecimal escalateAbove,
      BigDecimal step,
      boolean termBeforeDiscount,
      String actor) {
    if (autonomy == null) {
      throw DomainException.invalid(
          "autonomy", "autonomy is SUGGEST_ONLY, AUTO_SEND or ALWAYS_ESCALATE_ABOVE.");
    }
    if (autonomy == Autonomy.ALWAYS_ESCALATE_ABOVE && escalateAbove == null) {
      throw DomainException.invalid(
          "escalateAbove",
          "ALWAYS_ESCALATE_ABOVE needs escalateAbove, the deal total above which a person decides.");
    }
    if (step == null || step.signum() <= 0 || step.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw DomainException.invalid(
          "discountStepPercent", "discountStepPercent is a number above 0, at most 100.");
    }
    BigDecimal above =
        escalateAbove == null ? null : ProductDraft.money("escalateAbove", escalateAbove);
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update deal_playbook set autonomy = ?, escalate_above = ?,"
                      + " discount_step_percent = ?, term_before_discount = ?,"
                      + " version = version + 1, updated_at = ?, updated_by = ? where id = 1")) {
            ps.setString(1, autonomy.name());
            ps.setBigDecimal(2, above);
            ps.setBigDecimal(3, step);
            ps.setBoolean(4, termBeforeDiscount);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.setString(6, actor);
            ps.executeUpdate();
          }
          return playbook(c);
        });
  }

  static Playbook playbook(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select autonomy, escalate_above, discount_step_percent, term_before_discount,"
                    + " version from deal_playbook where id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Playbook.defaults();
      }
      return new Playbook(
          Autonomy.valueOf(rs.getString(1)),
          rs.getBigDecimal(2),
          rs.getBigDecimal(3),
          rs.getBoolean(4),
          rs.getInt(5));
    }
  }

  private static int counters(Connection c, long dealId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) from deal_decisions where deal_id = ? and action = 'COUNTER'")) {
      ps.setLong(1, dealId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static String firstName(Connection c, long leadId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select first_name from leads where id = ?")) {
      ps.setLong(1, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static StoredDecision find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, deal_id, action, terms::text, trace::text, draft, draft_generator,"
                + " task_id, approved_by, created_by, created_at, approval, approval_note,"
                + " reply_id, message_id from deal_decisions where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No decision " + id + ".");
        }
        Decision decision =
            new Decision(
                NegotiationAction.valueOf(rs.getString(3)),
                DealJson.read(rs.getString(4), Terms.class),
                DealJson.read(rs.getString(5), Trace.class));
        String draft = rs.getString(6);
        int cut = draft == null ? -1 : draft.indexOf("\n\n");
        String approval = rs.getString(12);
        return new StoredDecision(
            rs.getLong(1),
            rs.getLong(2),
            decision,
            cut < 0 ? null : draft.substring(0, cut),
            cut < 0 ? draft : draft.substring(cut + 2),
            rs.getString(7),
            (Long) rs.getObject(8),
            "APPROVED".equals(approval) ? rs.getString(9) : null,
            rs.getString(10),
            rs.getTimestamp(11).toInstant(),
            approval == null ? null : StoredDecision.Approval.valueOf(approval),
            rs.getString(9),
            rs.getString(13),
            (Long) rs.getObject(14),
            (Long) rs.getObject(15));
      }
    }
  }
}
