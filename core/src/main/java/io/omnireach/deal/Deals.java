package io.omnireach.deal;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.lead.Stage;
import io.omnireach.relationship.RelationshipScores;
import io.omnireach.tenant.TenantRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deals of a tenant schema, their lines and timeline, over plain JDBC. A stage change to
 * negotiation, won or lost moves the deal's lead to the same stage in the same transaction.
 */
public final class Deals {

  private static final String SELECT =
      "select d.id, d.lead_id,"
          + " nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''),"
          + " d.title, d.stage, d.currency, d.amount, d.close_date, d.owner, d.term_months,"
          + " d.payment_terms, d.created_at, d.updated_at"
          + " from deals d join leads l on l.id = d.lead_id";

  private final Transactions tx;
  private final Clock clock;

  public Deals(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** Deals, newest first; {@code stage} null = all. */
  public List<Deal> list(TenantRef tenant, DealStage stage, int limit) {
    return list(tenant, stage, null, null, limit);
  }

  /**
   * Deals, newest first, optionally only of one stage, of one lead and of one account (the deals of
   * the account's leads); a null filter does not filter.
   */
  public List<Deal> list(
      TenantRef tenant, DealStage stage, Long leadId, Long accountId, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          List<Deal> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT
                      + " where (?::text is null or d.stage = ?)"
                      + " and (?::bigint is null or d.lead_id = ?)"
                      + " and (?::bigint is null or l.account_id = ?)"
                      + " order by d.id desc limit ?")) {
            String s = stage == null ? null : stage.value();
            ps.setString(1, s);
            ps.setString(2, s);
            ps.setObject(3, leadId, java.sql.Types.BIGINT);
            ps.setObject(4, leadId, java.sql.Types.BIGINT);
            ps.setObject(5, accountId, java.sql.Types.BIGINT);
            ps.setObject(6, accountId, java.sql.Types.BIGINT);
            ps.setInt(7, Math.max(1, Math.min(limit, 1000)));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(map(c, rs));
              }
            }
          }
          return out;
        });
  }

  public Deal get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> find(c, id));
  }

  public List<DealEvent> timeline(TenantRef tenant, long id) {
    return tx.tenant(
        tenant,
        c -> {
          find(c, id);
          List<DealEvent> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, kind, text, decision_id, actor, at from deal_events"
                      + " where deal_id = ? order by id desc")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new DealEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()));
              }
            }
          }
          return out;
        });
  }

  /** Deals and value per stage (all stages, pipeline order), value per currency. */
  public List<PipelineStage> pipeline(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          Map<DealStage, int[]> counts = new EnumMap<>(DealStage.class);
          Map<DealStage, Map<String, BigDecimal>> values = new EnumMap<>(DealStage.class);
          for (DealStage s : DealStage.values()) {
            counts.put(s, new int[1]);
            values.put(s, new LinkedHashMap<>());
          }
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select stage, currency, count(*), sum(amount) from deals"
                          + " group by stage, currency order by stage, currency");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              DealStage s = DealStage.parse("stage", rs.getString(1));
              counts.get(s)[0] += rs.getInt(3);
              values.get(s).put(rs.getString(2), rs.getBigDecimal(4));
            }
          }
          List<PipelineStage> out = new ArrayList<>();
          for (DealStage s : DealStage.values()) {
            out.add(new PipelineStage(s, counts.get(s)[0], values.get(s)));
          }
          return out;
        });
  }

  public Deal create(TenantRef tenant, DealDraft d, String actor) {
    if (d.leadId() == null) {
      throw DomainException.invalid("leadId", "leadId is required.");
    }
    if (d.title() == null) {
      throw DomainException.invalid("title", "title is required.");
    }
    if (d.currency() == null) {
      throw DomainException.invalid("currency", "currency is required (ISO-4217, e.g. USD).");
    }
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          requireLead(c, d.leadId());
          DealStage stage = d.stage() == null ? DealStage.QUALIFICATION : d.stage();
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into deals (lead_id, title, stage, currency, amount, close_date, owner,"
                      + " term_months, payment_terms, created_at, updated_at)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            ps.setLong(1, d.leadId());
            ps.setString(2, d.title());
            ps.setString(3, stage.value());
            ps.setString(4, d.currency());
            ps.setBigDecimal(5, d.amount() == null ? BigDecimal.ZERO : d.amount());
            ps.setObject(6, d.closeDate() == null ? null : Date.valueOf(d.closeDate()), Types.DATE);
            ps.setString(7, d.owner() == null ? actor : d.owner());
            ps.setObject(8, d.termMonths(), Types.INTEGER);
            ps.setString(9, d.paymentTerms());
            ps.setTimestamp(10, Timestamp.from(now));
            ps.setTimestamp(11, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          if (d.lines() != null) {
            replaceLines(c, id, d.currency(), d.lines());
          }
          event(c, id, "created", "Deal created in " + stage.label() + ".", null, actor, now);
          followLead(c, d.leadId(), stage, now);
          AuditLog.record(c, actor, tenant.slug(), "deal.create", "" + id, d.title());
          return find(c, id);
        });
  }

  /** Changes the given fields; lines, when given, replace the deal's lines. */
  public Deal update(TenantRef tenant, long id, DealDraft d, String actor) {
    if (d.leadId() != null) {
      throw DomainException.invalid("leadId", "A deal stays with its lead: leadId cannot change.");
    }
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          Deal before = find(c, id);
          String currency = d.currency() == null ? before.currency() : d.currency();
          if (d.currency() != null
              && d.lines() == null
              && !before.lines().isEmpty()
              && !currency.equals(before.currency())) {
            throw DomainException.invalid(
                "currency",
                "The deal's products are priced in "
                    + before.currency()
                    + ": replace the lines to change the currency.");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update deals set title = coalesce(?, title), stage = coalesce(?, stage),"
                      + " currency = ?, amount = coalesce(?, amount),"
                      + " close_date = coalesce(?, close_date), owner = coalesce(?, owner),"
                      + " term_months = coalesce(?, term_months),"
                      + " payment_terms = coalesce(?, payment_terms), updated_at = ? where id = ?")) {
            ps.setString(1, d.title());
            ps.setString(2, d.stage() == null ? null : d.stage().value());
            ps.setString(3, currency);
            ps.setBigDecimal(4, d.amount());
            ps.setObject(5, d.closeDate() == null ? null : Date.valueOf(d.closeDate()), Types.DATE);
            ps.setString(6, d.owner());
            ps.setObject(7, d.termMonths(), Types.INTEGER);
            ps.setString(8, d.paymentTerms());
            ps.setTimestamp(9, Timestamp.from(now));
            ps.setLong(10, id);
            ps.executeUpdate();
          }
          if (d.lines() != null) {
            replaceLines(c, id, currency, d.lines());
            event(c, id, "updated", "Line items changed.", null, actor, now);
          }
          if (d.stage() != null && d.stage() != before.stage()) {
            event(
                c,
                id,
                "stage",
                "Moved from " + before.stage().label() + " to " + d.stage().label() + ".",
                null,
                actor,
                now);
            followLead(c, before.leadId(), d.stage(), now);
            if (d.stage() == DealStage.WON) {
              DealDocuments.freezeOnWon(c, id, actor, now); // the won version stays as signed
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "deal.update", "" + id, null);
          return find(c, id);
        });
  }

  /** The lead takes the deal's stage when it is negotiation, won or lost. */
  private static void followLead(Connection c, long leadId, DealStage stage, Instant now)
      throws SQLException {
    Stage lead = stage.leadStage();
    if (lead == null) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("update leads set stage = ?, updated_at = ? where id = ?")) {
      ps.setString(1, lead.value());
      ps.setTimestamp(2, Timestamp.from(now));
      ps.setLong(3, leadId);
      ps.executeUpdate();
    }
    RelationshipScores.recompute(c, List.of(leadId), now);
  }

  private static void replaceLines(
      Connection c, long dealId, String currency, List<DealDraft.LineDraft> lines)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("delete from deal_lines where deal_id = ?")) {
      ps.setLong(1, dealId);
      ps.executeUpdate();
    }
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < lines.size(); i++) {
      DealDraft.LineDraft l = lines.get(i);
      String f = "lines[" + i + "]";
      Product p;
      try {
        p = Products.find(c, l.productId());
      } catch (DomainException e) {
        throw DomainException.invalid(
            f + ".productId", "No product " + l.productId() + " in the price book.");
      }
      if (!p.currency().equals(currency)) {
        throw DomainException.invalid(
            f + ".productId",
            p.name() + " is priced in " + p.currency() + ", the deal in " + currency + ".");
      }
      BigDecimal unit = l.unitPrice() == null ? p.unitPrice(l.quantity()) : l.unitPrice();
      BigDecimal discount = l.discountPercent() == null ? BigDecimal.ZERO : l.discountPercent();
      if (discount.signum() < 0 || discount.compareTo(p.maxDiscountPercent()) > 0) {
        throw DomainException.invalid(
            f + ".discountPercent",
            "discountPercent for "
                + p.name()
                + " is 0 to its maximum of "
                + Money.percent(p.maxDiscountPercent())
                + ".");
      }
      if (Money.discounted(unit, discount).compareTo(p.floorPrice()) < 0) {
        throw DomainException.invalid(
            f + ".unitPrice",
            p.name()
                + " is never sold below its floor price of "
                + p.floorPrice().toPlainString()
                + " "
                + p.currency()
                + ".");
      }
      DealLine line =
          new DealLine(
              p.id(), p.name(), l.quantity(), unit, discount.setScale(2, RoundingMode.HALF_UP));
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into deal_lines (deal_id, product_id, quantity, unit_price, discount_percent)"
                  + " values (?, ?, ?, ?, ?)")) {
        ps.setLong(1, dealId);
        ps.setLong(2, p.id());
        ps.setInt(3, line.quantity());
        ps.setBigDecimal(4, line.unitPrice());
        ps.setBigDecimal(5, line.discountPercent());
        ps.executeUpdate();
      }
      total = total.add(line.net());
    }
    if (!lines.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("update deals set amount = ? where id = ?")) {
        ps.setBigDecimal(1, total);
        ps.setLong(2, dealId);
        ps.executeUpdate();
      }
    }
  }

  static void event(
      Connection c,
      long dealId,
      String kind,
      String text,
      Long decisionId,
      String actor,
      Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into deal_events (deal_id, kind, text, decision_id, actor, at)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, dealId);
      ps.setString(2, kind);
      ps.setString(3, text);
      ps.setObject(4, decisionId, Types.BIGINT);
      ps.setString(5, actor);
      ps.setTimestamp(6, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  private static void requireLead(Connection c, long leadId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from leads where id = ?")) {
      ps.setLong(1, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.invalid("leadId", "No lead " + leadId + " in this workspace.");
        }
      }
    }
  }

  static Deal find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " where d.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No deal " + id + ".");
        }
        return map(c, rs);
      }
    }
  }

  private static Deal map(Connection c, ResultSet rs) throws SQLException {
    long id = rs.getLong(1);
    Date close = rs.getDate(8);
    return new Deal(
        id,
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        DealStage.parse("stage", rs.getString(5)),
        rs.getString(6),
        rs.getBigDecimal(7),
        close == null ? null : close.toLocalDate(),
        rs.getString(9),
        (Integer) rs.getObject(10),
        rs.getString(11),
        lines(c, id),
        rs.getTimestamp(12).toInstant(),
        rs.getTimestamp(13).toInstant());
  }

  private static List<DealLine> lines(Connection c, long dealId) throws SQLException {
    List<DealLine> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select dl.product_id, p.name, dl.quantity, dl.unit_price, dl.discount_percent"
                + " from deal_lines dl join products p on p.id = dl.product_id"
                + " where dl.deal_id = ? order by dl.id")) {
      ps.setLong(1, dealId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new DealLine(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getBigDecimal(4),
                  rs.getBigDecimal(5)));
        }
      }
    }
    return out;
  }
}
