package io.omnireach.channel.inbound;

import io.omnireach.channel.Suppressions;
import io.omnireach.channel.UnsubscribeTokens;
import io.omnireach.db.Transactions;
import io.omnireach.lead.LeadSignals;
import io.omnireach.relationship.RelationshipScores;
import io.omnireach.tenant.TenantRef;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handles one received email: finds the message we sent that it answers (its {@code In-Reply-To}
 * and {@code References}; for a bounce also our Message-IDs inside it, or the signed unsubscribe
 * link of the returned original — see {@link DeliveryReport}; never the failed recipient's address
 * or the guessable idempotency key alone, or anyone could suppress any lead with a forged report),
 * and only then, outside any transaction, classifies it (possibly an LLM call), then stores it once
 * (unique by its own Message-ID) with the effects in one transaction: a REPLIED event on our
 * message, the lead's stage moved forward to {@code replied} (never back from a later stage; not
 * for bounces or out-of-office notes), an unsubscribe request suppressed like the one-click link, a
 * bounce suppressed as BOUNCED with a BOUNCED event — unless it is temporary (4.x.x), which is only
 * a SOFT_BOUNCED event.
 */
public final class InboundProcessor {

  /** What happened to one received email. */
  public enum Outcome {
    STORED,
    DUPLICATE,
    UNMATCHED
  }

  static final int MAX_BODY = 100_000;
  private static final int MAX_SCAN = 512 * 1024;
  private static final Pattern OUR_ID = Pattern.compile("<[0-9a-fA-F-]{36}@omnireach>");
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(InboundProcessor.class.getName());
  private static final Pattern ANY_ID = Pattern.compile("<[^<>\\s]{1,250}>");

  private final Transactions tx;
  private final TenantReplyClassifier classifier;
  private final UnsubscribeTokens tokens;
  private final Clock clock;
  private final ReplyListener listener;

  /** Offline classification only. */
  public InboundProcessor(
      Transactions tx, ReplyClassifier classifier, UnsubscribeTokens tokens, Clock clock) {
    this(tx, TenantReplyClassifier.offline(classifier), tokens, clock);
  }

  public InboundProcessor(
      Transactions tx, TenantReplyClassifier classifier, UnsubscribeTokens tokens, Clock clock) {
    this(tx, classifier, tokens, clock, ReplyListener.NONE);
  }

  /** {@code listener} hears of each reply stored for a lead, after commit. */
  public InboundProcessor(
      Transactions tx,
      TenantReplyClassifier classifier,
      UnsubscribeTokens tokens,
      Clock clock,
      ReplyListener listener) {
    this.tx = tx;
    this.classifier = classifier;
    this.tokens = tokens;
    this.clock = clock;
    this.listener = listener;
  }

  /** The message of ours a received email answers (or reports on). */
  private record Match(long messageId, Long leadId, String to, String how) {}

  public Outcome process(TenantRef tenant, Long mailboxId, MimeMessage mail)
      throws MessagingException, IOException {
    boolean report = isDeliveryReport(mail);
    boolean bounce = DeliveryReport.isBounce(mail);
    String from = from(mail);
    Set<String> candidates = new LinkedHashSet<>();
    ids(mail.getHeader("In-Reply-To", " "), ANY_ID, candidates);
    ids(mail.getHeader("References", " "), ANY_ID, candidates);
    String raw = null;
    DeliveryReport dsn = null;
    if (candidates.isEmpty() || bounce) {
      raw = raw(mail);
      ids(raw, OUR_ID, candidates);
    }
    Set<Long> linked = new LinkedHashSet<>();
    if (bounce || (from != null && ReplyClassifier.looksLikeMailerDaemon(from))) {
      dsn = DeliveryReport.read(mail, raw == null ? raw(mail) : raw);
      candidates.addAll(dsn.messageIds());
      for (String token : dsn.unsubscribeTokens()) {
        tokens.verify(token, tenant).ifPresent(linked::add);
      }
    }
    String subject = cap(mail.getSubject(), 998);
    String body = cap(text(mail), MAX_BODY);
    String rawId = mail.getMessageID();
    if (rawId == null || rawId.isBlank()) {
      rawId = "<" + sha256(raw == null ? raw(mail) : raw) + "@omnireach.inbound>";
    }
    String autoSubmitted = mail.getHeader("Auto-Submitted", null);
    boolean auto =
        (autoSubmitted != null && !autoSubmitted.trim().equalsIgnoreCase("no"))
            || mail.getHeader("X-Autoreply", null) != null
            || "auto_reply".equalsIgnoreCase(trim(mail.getHeader("Precedence", null)));
    Instant received =
        mail.getReceivedDate() != null
            ? mail.getReceivedDate().toInstant()
            : mail.getSentDate() != null ? mail.getSentDate().toInstant() : clock.instant();
    String storedId = rawId.trim();
    List<String> failed = dsn == null ? List.of() : dsn.addresses();
    // match first, in a short transaction: unmatched mail and repeats cost no classification
    Match match =
        tx.tenant(
            tenant, c -> match(c, List.copyOf(candidates), List.copyOf(linked), failed, storedId));
    if (match == null) {
      return Outcome.UNMATCHED;
    }
    if (match.messageId() < 0) {
      return Outcome.DUPLICATE;
    }
    Classification classified =
        classifier.classify(
            tenant,
            new ReplyClassifier.Input(from, subject, body, report || bounce, auto),
            received.atZone(ZoneOffset.UTC).toLocalDate(),
            match.leadId());
    boolean soft = classified.type() == ReplyClass.BOUNCE && dsn != null && dsn.soft();
    Classification cls =
        classified.type() == ReplyClass.BOUNCE && dsn != null
            ? classified.withRationale(dsn.summary() + "; matched by " + match.how() + ".")
            : classified;
    long[] replyId = {-1};
    Outcome outcome =
        tx.tenant(
            tenant,
            c -> {
              Outcome stored =
                  store(c, mailboxId, match, storedId, from, subject, body, received, cls, soft);
              if (stored == Outcome.STORED && match.leadId() != null) {
                // the reply, its sentiment or the bounce moves the score in the same commit
                RelationshipScores.recompute(c, List.of(match.leadId()), clock.instant());
                replyId[0] = replyId(c, storedId);
              }
              return stored;
            });
    if (replyId[0] > 0 && cls.type() != ReplyClass.BOUNCE) {
      try {
        listener.received(
            tenant,
            new ReplyListener.Received(
                replyId[0], match.leadId(), from, cls.type(), ReplyClassifier.ownText(body)));
      } catch (RuntimeException e) {
        LOG.warning("A reply listener failed; the reply is stored: " + e);
      }
    }
    return outcome;
  }

  private static long replyId(Connection c, String rawId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select id from replies where raw_message_id = ?")) {
      ps.setString(1, rawId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  /**
   * Our message by Message-ID (In-Reply-To, References, our IDs inside the mail), else (a bounce)
   * by a genuine signed unsubscribe link of ours in it whose message went to one of the {@code
   * failed} addresses when the report names any (a forwarded copy that bounced is not our lead's
   * bounce). Null when nothing matches; a match with id -1 when the reply is stored.
   */
  private Match match(
      Connection c, List<String> candidates, List<Long> linked, List<String> failed, String rawId)
      throws SQLException {
    Match match = null;
    if (!candidates.isEmpty()) {
      match =
          first(
              c,
              "select id, lead_id, to_address from messages where message_id = any (?)"
                  + " order by id desc limit 1",
              candidates,
              "Message-ID");
    }
    if (match == null && !linked.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id, lead_id, to_address from messages where id = any (?)"
                  + " and (cardinality(?::text[]) = 0 or lower(to_address) = any (?::text[]))"
                  + " order by id desc limit 1")) {
        ps.setArray(1, c.createArrayOf("int8", linked.toArray()));
        ps.setArray(2, c.createArrayOf("text", failed.toArray()));
        ps.setArray(3, c.createArrayOf("text", failed.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            match =
                new Match(
                    rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), "unsubscribe link");
          }
        }
      }
    }
    if (match == null) {
      return null;
    }
    try (PreparedStatement ps =
        c.prepareStatement("select 1 from replies where raw_message_id = ?")) {
      ps.setString(1, rawId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Match(-1, null, null, null) : match;
      }
    }
  }

  private static Match first(Connection c, String sql, List<String> values, String how)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", values.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new Match(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), how)
            : null;
      }
    }
  }

  private Outcome store(
      Connection c,
      Long mailboxId,
      Match match,
      String rawId,
      String from,
      String subject,
      String body,
      Instant received,
      Classification cls,
      boolean softBounce)
      throws SQLException {
    long messageId = match.messageId();
    Long leadId = match.leadId();
    String to = match.to();
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into replies (message_id, lead_id, mailbox_id, from_address, subject, body,"
                + " received_at, classification, ooo_until, classifier, raw_message_id,"
                + " confidence, sentiment, rationale, classifier_fallback)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (raw_message_id) do nothing returning id")) {
      ps.setLong(1, messageId);
      setLong(ps, 2, leadId);
      setLong(ps, 3, mailboxId);
      ps.setString(4, from);
      ps.setString(5, subject);
      ps.setString(6, body);
      ps.setTimestamp(7, Timestamp.from(received));
      ps.setString(8, cls.type().name());
      ps.setObject(9, cls.oooUntil());
      ps.setString(10, cap(cls.classifier(), 200));
      ps.setString(11, rawId);
      ps.setBigDecimal(12, cls.confidence());
      ps.setString(13, cls.sentiment());
      ps.setString(14, cap(cls.rationale(), 500));
      ps.setString(15, cap(cls.fallback(), 300));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Outcome.DUPLICATE;
        }
        // the engine stops, pauses or wakes the lead's runs from this signal
        LeadSignals.reply(c, rs.getLong(1));
      }
    }
    Instant now = clock.instant();
    if (cls.type() == ReplyClass.BOUNCE) {
      if (softBounce) {
        // a temporary failure (4.x.x): the MTA may still deliver; nothing is suppressed
        event(c, messageId, "SOFT_BOUNCED", cls.rationale(), now);
        return Outcome.STORED;
      }
      Suppressions.add(c, to, Suppressions.Reason.BOUNCED, messageId, now);
      event(c, messageId, "BOUNCED", from, now);
      return Outcome.STORED;
    }
    event(
        c,
        messageId,
        "REPLIED",
        cls.type() + (cls.oooUntil() == null ? "" : " until " + cls.oooUntil()),
        now);
    if (leadId != null && cls.type() != ReplyClass.OUT_OF_OFFICE) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "update leads set stage = 'replied', updated_at = ?, updated_by = 'inbound'"
                  + " where id = ? and stage in ('new', 'contacted')")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setLong(2, leadId);
        ps.executeUpdate();
      }
    }
    if (cls.type() == ReplyClass.UNSUBSCRIBE
        && Suppressions.add(c, to, Suppressions.Reason.UNSUBSCRIBED, messageId, now)) {
      event(c, messageId, "UNSUBSCRIBED", "reply", now);
    }
    return Outcome.STORED;
  }

  private static void event(Connection c, long messageId, String type, String detail, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into message_events (message_id, type, detail, at) values (?, ?, ?, ?)")) {
      ps.setLong(1, messageId);
      ps.setString(2, type);
      ps.setString(3, cap(detail, 500));
      ps.setTimestamp(4, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  static boolean isDeliveryReport(MimeMessage mail) throws MessagingException {
    String type = mail.getContentType();
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
    return t.startsWith("multipart/report") && t.contains("report-type=delivery-status");
  }

  /** The readable text: the first text/plain part, else the first text/html part without tags. */
  static String text(Part part) throws MessagingException, IOException {
    String plain = find(part, "text/plain");
    if (plain != null) {
      return plain.strip();
    }
    String html = find(part, "text/html");
    return html == null
        ? ""
        : html.replaceAll("(?is)<(script|style).*?</\\1>", " ")
            .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
            .replaceAll("<[^>]*>", "")
            .replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
            .strip();
  }

  private static String find(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      Object content = part.getContent();
      return content instanceof String s ? s : null;
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String found = find(child, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String raw(MimeMessage mail) throws MessagingException, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = mail.getRawInputStream()) {
      byte[] buf = new byte[8192];
      int n;
      while (out.size() < MAX_SCAN && (n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
      }
    } catch (MessagingException e) {
      // no raw content (a message built in memory): fall back to writing it out
      mail.writeTo(out);
    }
    StringBuilder headers = new StringBuilder();
    for (var e = mail.getAllHeaderLines(); e.hasMoreElements(); ) {
      headers.append(e.nextElement()).append('\n');
    }
    return headers + "\n" + out.toString(StandardCharsets.ISO_8859_1);
  }

  private static void ids(String text, Pattern pattern, Set<String> into) {
    if (text == null) {
      return;
    }
    Matcher m = pattern.matcher(text);
    while (m.find() && into.size() < 100) {
      into.add(m.group());
    }
  }

  private static String from(MimeMessage mail) throws MessagingException {
    var from = mail.getFrom();
    if (from == null || from.length == 0) {
      return null;
    }
    return from[0] instanceof InternetAddress a
        ? cap(
            a.getPersonal() == null
                ? a.getAddress()
                : a.getPersonal() + " <" + a.getAddress() + ">",
            500)
        : cap(from[0].toString(), 500);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  static String cap(String s, int max) {
    if (s == null) {
      return null;
    }
    String clean = s.replace("\u0000", "");
    return clean.length() > max ? clean.substring(0, max) : clean;
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }
}
