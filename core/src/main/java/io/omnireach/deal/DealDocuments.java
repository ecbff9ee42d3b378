package io.omnireach.deal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.omnireach.audit.AuditLog;
import io.omnireach.channel.Attachment;
import io.omnireach.channel.MessageAttachments;
import io.omnireach.channel.Messages;
import io.omnireach.channel.NewMessage;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The documents of a deal ({@code deal_documents}): generated from a template as PDF and stored
 * with the deal as version n + 1 (bytes, SHA-256, template and clause versions, terms snapshot),
 * listed, sent to the lead as the attachment of an outbox email, and accepted — the accepted
 * version is frozen: no new version can be generated and it cannot be deleted. Marking the deal won
 * freezes its latest version ({@link #freezeOnWon}).
 */
public final class DealDocuments {

  private static final String COLUMNS =
      "id, deal_id, version, status, template_id, template_kind, template_name, template_version,"
          + " decision_id, clauses::text, terms::text, sha256, length(pdf), created_by,"
          + " created_at, sent_at, message_id, frozen_at, frozen_by";

  /** What to generate: a template, optionally a decision whose offered terms to print. */
  public record Request(Long templateId, Long decisionId, List<String> clauseKeys) {}

  /** A template rendered against a deal: title, text and the clauses it would print. */
  public record Preview(String title, String body, List<DealDocument.UsedClause> clauses) {}

  /** The offer email to queue with the document attached. */
  public record Sending(Long mailboxId, String subject, String body, String clientKey) {}

  private final Transactions tx;
  private final Clock clock;
  private final Function<TenantRef, DealPdf.Branding> branding;

  /**
   * @param branding the tenant's name, colour and logo as printed (read outside the transaction)
   */
  public DealDocuments(
      Transactions tx, Clock clock, Function<TenantRef, DealPdf.Branding> branding) {
    this.tx = tx;
    this.clock = clock;
    this.branding = branding;
  }

  public List<DealDocument> list(TenantRef tenant, long dealId) {
    return tx.tenant(
        tenant,
        c -> {
          Deals.find(c, dealId);
          List<DealDocument> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from deal_documents where deal_id = ? order by version desc")) {
            ps.setLong(1, dealId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(map(rs));
              }
            }
          }
          return out;
        });
  }

  public DealDocument get(TenantRef tenant, long dealId, long id) {
    return tx.tenant(tenant, c -> find(c, dealId, id));
  }

  /** The stored PDF bytes, exactly as generated. */
  public byte[] pdf(TenantRef tenant, long dealId, long id) {
    return tx.tenant(
        tenant,
        c -> {
          find(c, dealId, id);
          try (PreparedStatement ps =
              c.prepareStatement("select pdf from deal_documents where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getBytes(1);
            }
          }
        });
  }

  /** A template (stored) rendered against a deal, without storing anything. */
  public Preview preview(TenantRef tenant, long templateId, long dealId) {
    DealPdf.Branding brand = branding.apply(tenant);
    return tx.tenant(
        tenant,
        c -> {
          DealTemplate t = DealTemplates.find(c, templateId);
          Deal deal = Deals.find(c, dealId);
          Terms terms = terms(deal);
          Map<String, String> values =
              values(
                  c,
                  deal,
                  terms,
                  brand,
                  nextVersion(c, dealId),
                  LocalDate.now(clock.withZone(ZoneOffset.UTC)));
          return new Preview(
              MergeFields.render("title", t.title(), values),
              MergeFields.render("body", t.body(), values),
              clauses(c, deal, t.clauseKeys()));
        });
  }

  /**
   * Renders and stores the next version. UNPROCESSABLE for a deal without products, a decision
   * without offered terms, an unknown clause or one none of the deal's products allows; CONFLICT
   * once a version is accepted (frozen).
   */
  public DealDocument generate(TenantRef tenant, long dealId, Request r, String actor) {
    if (r == null || r.templateId() == null) {
      throw DomainException.invalid("templateId", "templateId is required.");
    }
    DealPdf.Branding brand = branding.apply(tenant);
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          lockDeal(c, dealId);
          Deal deal = Deals.find(c, dealId);
          requireNotFrozen(c, dealId, "generate a new version");
          DealTemplate t = DealTemplates.find(c, r.templateId());
          if (deal.lines().isEmpty()) {
            throw DomainException.unprocessable(
                "dealId", "Add products to the deal before generating a document.");
          }
          Terms terms = r.decisionId() == null ? terms(deal) : offered(c, dealId, r.decisionId());
          List<DealDocument.UsedClause> clauses =
              clauses(c, deal, r.clauseKeys() == null ? t.clauseKeys() : r.clauseKeys());
          int version = nextVersion(c, dealId);
          Map<String, String> values =
              values(c, deal, terms, brand, version, LocalDate.ofInstant(now, ZoneOffset.UTC));
          Lead lead = lead(c, deal.leadId());
          byte[] pdf =
              DealPdf.render(
                  new DealPdf.Content(
                      brand,
                      t.kind(),
                      MergeFields.render("title", t.title(), values),
                      MergeFields.render("body", t.body(), values),
                      version,
                      dealId,
                      LocalDate.ofInstant(now, ZoneOffset.UTC),
                      deal.owner(),
                      lead.name(),
                      lead.company(),
                      lead.email(),
                      terms,
                      clauses));
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into deal_documents (deal_id, version, template_id, template_kind,"
                      + " template_name, template_version, decision_id, clauses, terms, pdf,"
                      + " sha256, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb,"
                      + " ?::jsonb, ?, ?, ?, ?) returning id")) {
            ps.setLong(1, dealId);
            ps.setInt(2, version);
            ps.setLong(3, t.id());
            ps.setString(4, t.kind().name());
            ps.setString(5, t.name());
            ps.setInt(6, t.version());
            ps.setObject(7, r.decisionId(), Types.BIGINT);
            ps.setString(8, DealJson.write(clauses));
            ps.setString(9, DealJson.write(terms));
            ps.setBytes(10, pdf);
            ps.setString(11, sha256(pdf));
            ps.setString(12, actor);
            ps.setTimestamp(13, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          Deals.event(
              c,
              dealId,
              "document",
              t.kind().label() + " version " + version + " generated from '" + t.name() + "'.",
              null,
              actor,
              now);
          AuditLog.record(c, actor, tenant.slug(), "deal-document.generate", "" + id, null);
          return find(c, dealId, id);
        });
  }

  /** Accepts a version: it is frozen. CONFLICT when another version is accepted. */
  public DealDocument accept(TenantRef tenant, long dealId, long id, String actor) {
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          lockDeal(c, dealId);
          DealDocument d = find(c, dealId, id);
          if (d.frozen()) {
            return d;
          }
          requireNotFrozen(c, dealId, "accept another version");
          freeze(c, d, actor, now);
          AuditLog.record(c, actor, tenant.slug(), "deal-document.accept", "" + id, null);
          return find(c, dealId, id);
        });
  }

  /** Deletes a version that is not frozen. */
  public void delete(TenantRef tenant, long dealId, long id, String actor) {
    tx.tenant(
        tenant,
        c -> {
          lockDeal(c, dealId);
          DealDocument d = find(c, dealId, id);
          if (d.frozen()) {
            throw DomainException.conflict(
                null,
                "Version " + d.version() + " was accepted and is frozen: it cannot be deleted.");
          }
          try (PreparedStatement ps =
              c.prepareStatement("delete from deal_documents where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          Deals.event(
              c,
              dealId,
              "document",
              "Document version " + d.version() + " deleted.",
              null,
              actor,
              clock.instant());
          AuditLog.record(c, actor, tenant.slug(), "deal-document.delete", "" + id, null);
          return null;
        });
  }

  /**
   * Queues the offer email to the deal's lead with this version attached, in one transaction with
   * the document's status (SENT unless already accepted); returns the outbox message id. The
   * subject and body default to the draft of the decision the document prints (the offer or
   * counter), else a short cover note. The caller checks policies and limits before, and hands the
   * message to the relay after commit, as for any message.
   */
  public long send(TenantRef tenant, long dealId, long id, Sending s, String actor) {
    if (s == null || s.mailboxId() == null) {
      throw DomainException.invalid("mailboxId", "mailboxId is required.");
    }
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          lockDeal(c, dealId);
          DealDocument d = find(c, dealId, id);
          Deal deal = Deals.find(c, dealId);
          OfferWriter.Text text = coverText(c, d, deal, s);
          String key =
              tenant.slug()
                  + ":deal-document:"
                  + id
                  + ":"
                  + (s.clientKey() == null ? UUID.randomUUID() : s.clientKey());
          long messageId =
              Messages.insert(
                  c,
                  NewMessage.email(deal.leadId(), s.mailboxId(), text.subject(), text.body(), key)
                      .withActor(actor),
                  clock);
          MessageAttachments.add(
              c,
              messageId,
              List.of(new Attachment(d.filename(), "application/pdf", pdfBytes(c, id))));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update deal_documents set status = case when status = 'ACCEPTED'"
                      + " then status else 'SENT' end, sent_at = ?, message_id = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, messageId);
            ps.setLong(3, id);
            ps.executeUpdate();
          }
          Deals.event(
              c,
              dealId,
              "document",
              d.kind().label() + " version " + d.version() + " sent to the lead.",
              null,
              actor,
              now);
          return messageId;
        });
  }

  /**
   * The subject and body the offer email of this version would carry: those given, else the draft
   * of the decision it prints, else a cover note (for the policy check before {@link #send}).
   */
  public OfferWriter.Text cover(
      TenantRef tenant, long dealId, long id, String subject, String body) {
    return tx.tenant(
        tenant,
        c ->
            coverText(
                c,
                find(c, dealId, id),
                Deals.find(c, dealId),
                new Sending(0L, subject, body, null)));
  }

  /**
   * The won hook ({@link Deals#update}): freezes the accepted version, else the latest sent one,
   * else the latest one, in the caller's transaction. Nothing when the deal has no document.
   */
  static void freezeOnWon(Connection c, long dealId, String actor, Instant now)
      throws SQLException {
    DealDocument latest = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + COLUMNS
                + " from deal_documents where deal_id = ? order by status = 'ACCEPTED' desc,"
                + " status = 'SENT' desc, version desc limit 1")) {
      ps.setLong(1, dealId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          latest = map(rs);
        }
      }
    }
    if (latest != null && !latest.frozen()) {
      freeze(c, latest, actor, now);
    }
  }

  private static void freeze(Connection c, DealDocument d, String actor, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update deal_documents set status = 'ACCEPTED', frozen_at = ?, frozen_by = ?"
                + " where id = ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, actor);
      ps.setLong(3, d.id());
      ps.executeUpdate();
    }
    Deals.event(
        c,
        d.dealId(),
        "document",
        d.kind().label() + " version " + d.version() + " accepted: this version is frozen.",
        null,
        actor,
        now);
  }

  private static void requireNotFrozen(Connection c, long dealId, String what) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select version from deal_documents where deal_id = ? and status = 'ACCEPTED'")) {
      ps.setLong(1, dealId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          throw DomainException.conflict(
              null,
              "Version "
                  + rs.getInt(1)
                  + " of this deal's document was accepted and is frozen: cannot "
                  + what
                  + ".");
        }
      }
    }
  }

  /** Serialises version numbering and freezing per deal. */
  private static void lockDeal(Connection c, long dealId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from deals where id = ? for update")) {
      ps.setLong(1, dealId);
      ps.executeQuery().close();
    }
  }

  private static int nextVersion(Connection c, long dealId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select coalesce(max(version), 0) + 1 from deal_documents where deal_id = ?")) {
      ps.setLong(1, dealId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The deal's current terms: its lines, their common discount (else the largest), its terms. */
  static Terms terms(Deal deal) {
    List<Terms.Line> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal discount = BigDecimal.ZERO;
    for (DealLine l : deal.lines()) {
      lines.add(
          new Terms.Line(
              l.productId(),
              l.productName(),
              l.quantity(),
              l.unitPrice(),
              l.discountPercent(),
              Money.discounted(l.unitPrice(), l.discountPercent()),
              l.net()));
      total = total.add(l.net());
      discount = discount.max(l.discountPercent());
    }
    return new Terms(
        discount, deal.termMonths(), deal.paymentTerms(), deal.currency(), lines, total);
  }

  /** The terms a decision offered (accept or counter). */
  private static Terms offered(Connection c, long dealId, long decisionId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select action, terms::text from deal_decisions where id = ? and deal_id = ?")) {
      ps.setLong(1, decisionId);
      ps.setLong(2, dealId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.unprocessable(
              "decisionId", "No decision " + decisionId + " on deal " + dealId + ".");
        }
        NegotiationAction action = NegotiationAction.valueOf(rs.getString(1));
        Terms t = DealJson.read(rs.getString(2), Terms.class);
        if ((action != NegotiationAction.ACCEPT && action != NegotiationAction.COUNTER)
            || t == null
            || t.lines().isEmpty()) {
          throw DomainException.unprocessable(
              "decisionId",
              "Decision "
                  + decisionId
                  + " is "
                  + action.name().toLowerCase(java.util.Locale.ROOT)
                  + ": only an accept or a counter offers terms to print.");
        }
        return t;
      }
    }
  }

  /**
   * The clauses to print, latest versions, in slot order. Each must be in the library and allowed
   * by at least one product on the deal (the price book's allowed clauses).
   */
  private static List<DealDocument.UsedClause> clauses(Connection c, Deal deal, List<String> keys)
      throws SQLException {
    Set<Long> products =
        deal.lines().stream()
            .map(DealLine::productId)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> allowed = new TreeSet<>();
    Clauses.allowed(c, products).values().forEach(allowed::addAll);
    List<DealDocument.UsedClause> out = new ArrayList<>();
    for (String key : new LinkedHashSet<>(keys)) {
      Clause cl = Clauses.latestOrNull(c, key);
      if (cl == null) {
        throw DomainException.unprocessable(
            "clauseKeys", "No clause '" + key + "' in the clause library.");
      }
      if (!allowed.contains(key)) {
        throw DomainException.unprocessable(
            "clauseKeys",
            "Clause '"
                + key
                + "' is not allowed for the products of this deal ("
                + deal.lines().stream().map(DealLine::productName).collect(Collectors.joining(", "))
                + "): allow it in the price book first.");
      }
      out.add(
          new DealDocument.UsedClause(
              cl.key(), cl.version(), cl.title(), cl.category(), cl.body()));
    }
    return out;
  }

  private record Lead(String firstName, String name, String email, String company) {}

  private static Lead lead(Connection c, long leadId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select first_name, nullif(trim(coalesce(first_name, '') || ' ' ||"
                + " coalesce(last_name, '')), ''), email, company from leads where id = ?")) {
      ps.setLong(1, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Lead(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
      }
    }
  }

  private static Map<String, String> values(
      Connection c, Deal deal, Terms t, DealPdf.Branding brand, int version, LocalDate today)
      throws SQLException {
    Lead lead = lead(c, deal.leadId());
    Map<String, String> v = new LinkedHashMap<>();
    v.put("deal.title", deal.title());
    v.put("deal.number", "" + deal.id());
    v.put(
        "deal.products",
        t.lines().stream()
            .map(l -> l.quantity() + " × " + l.product())
            .collect(Collectors.joining(", ")));
    v.put("deal.closeDate", deal.closeDate() == null ? null : deal.closeDate().toString());
    v.put("lead.name", lead.name() == null ? lead.email() : lead.name());
    v.put("lead.firstName", lead.firstName() == null ? lead.name() : lead.firstName());
    v.put("lead.email", lead.email());
    v.put("account.name", lead.company() != null ? lead.company() : lead.name());
    v.put("terms.total", DealPdf.money(t.total(), t.currency()));
    v.put(
        "terms.discount",
        Money.percent(t.discountPercent() == null ? BigDecimal.ZERO : t.discountPercent()));
    v.put("terms.months", t.termMonths() == null ? null : "" + t.termMonths());
    v.put("terms.payment", t.paymentTerms());
    v.put("terms.currency", t.currency());
    v.put("owner.email", deal.owner());
    v.put("tenant.name", brand.name());
    v.put("date.today", today.toString());
    v.put("document.version", "" + version);
    return v;
  }

  private OfferWriter.Text coverText(Connection c, DealDocument d, Deal deal, Sending s)
      throws SQLException {
    String subject = s.subject();
    String body = s.body();
    if ((subject == null || body == null) && d.decisionId() != null) {
      try (PreparedStatement ps =
          c.prepareStatement("select draft from deal_decisions where id = ?")) {
        ps.setLong(1, d.decisionId());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getString(1) != null) {
            String[] draft = rs.getString(1).split("\n\n", 2);
            subject = subject == null ? draft[0] : subject;
            body = body == null && draft.length > 1 ? draft[1] : body;
          }
        }
      }
    }
    Lead lead = lead(c, deal.leadId());
    if (subject == null || subject.isBlank()) {
      subject = d.kind().label() + ": " + deal.title();
    }
    if (body == null || body.isBlank()) {
      String hi = lead.firstName() == null ? "Hello" : "Hi " + lead.firstName().strip();
      body =
          hi
              + ",\n\nPlease find attached our "
              + d.kind().label().toLowerCase(java.util.Locale.ROOT)
              + " for "
              + deal.title()
              + ": "
              + OfferWriter.offer(d.terms())
              + "\n\nBest regards";
    }
    return new OfferWriter.Text(subject, body);
  }

  private static byte[] pdfBytes(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pdf from deal_documents where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }

  static DealDocument find(Connection c, long dealId, long id) throws SQLException {
    Deals.find(c, dealId);
    try (PreparedStatement ps =
        c.prepareStatement(
            "select " + COLUMNS + " from deal_documents where id = ? and deal_id = ?")) {
      ps.setLong(1, id);
      ps.setLong(2, dealId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No document " + id + " on deal " + dealId + ".");
        }
        return map(rs);
      }
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DealDocument map(ResultSet rs) throws SQLException {
    Timestamp sent = rs.getTimestamp(16);
    Timestamp frozen = rs.getTimestamp(18);
    return new DealDocument(
        rs.getLong(1),
        rs.getLong(2),
        rs.getInt(3),
        DocumentStatus.valueOf(rs.getString(4)),
        (Long) rs.getObject(5),
        DocumentKind.valueOf(rs.getString(6)),
        rs.getString(7),
        rs.getInt(8),
        (Long) rs.getObject(9),
        DealJson.read(rs.getString(10), new TypeReference<List<DealDocument.UsedClause>>() {}),
        DealJson.read(rs.getString(11), Terms.class),
        rs.getString(12),
        rs.getInt(13),
        rs.getString(14),
        rs.getTimestamp(15).toInstant(),
        sent == null ? null : sent.toInstant(),
        (Long) rs.getObject(17),
        frozen == null ? null : frozen.toInstant(),
        rs.getString(19));
  }
}
