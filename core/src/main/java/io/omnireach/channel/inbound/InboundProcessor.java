package io.omnireach.channel.inbound;

import io.omnireach.db.Transactions;
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
 * and {@code References}; for a delivery report also any of our Message-IDs inside the report),
 * stores it once (unique by its own Message-ID), classifies it and applies the effects in the same
 * transaction: a REPLIED event on our message, the lead's stage moved forward to {@code replied}
 * (never back from a later stage; not for bounces or out-of-office notes), an unsubscribe request
 * suppressed like the one-click link, a bounce suppressed as BOUNCED with a BOUNCED event.
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
  private static final Pattern ANY_ID = Pattern.compile("<[^<>\\s]{1,250}>");

  private final Transactions tx;
  private final ReplyClassifier classifier;
  private final Clock clock;

  public InboundProcessor(Transactions tx, ReplyClassifier classifier, Clock clock) {
    this.tx = tx;
    this.classifier = classifier;
    this.clock = clock;
  }

  public Outcome process(TenantRef tenant, Long mailboxId, MimeMessage mail)
      throws MessagingException, IOException {
    boolean report = isDeliveryReport(mail);
    Set<String> candidates = new LinkedHashSet<>();
    ids(mail.getHeader("In-Reply-To", " "), ANY_ID, candidates);
    ids(mail.getHeader("References", " "), ANY_ID, candidates);
    String raw = null;
    if (candidates.isEmpty() || report) {
      raw = raw(mail);
      ids(raw, OUR_ID, candidates);
    }
    String from = from(mail);
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
    Classification cls =
        classifier.classify(
            new ReplyClassifier.Input(from, subject, body, report, auto),
            received.atZone(ZoneOffset.UTC).toLocalDate());
    String storedId = rawId.trim();
    return tx.tenant(
        tenant,
        c ->
            store(
                c,
                mailboxId,
                List.copyOf(candidates),
                storedId,
                from,
                subject,
                body,
                received,
                cls));
  }

  private Outcome store(
      Connection c,
      Long mailboxId,
      List<String> candidates,
      String rawId,
      String from,
      String subject,
      String body,
      Instant received,
      Classification cls)
      throws SQLException {
    if (candidates.isEmpty()) {
      return Outcome.UNMATCHED;
    }
    long messageId;
    Long leadId;
    String to;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, lead_id, to_address from messages where message_id = any (?)"
                + " order by id desc limit 1")) {
      ps.setArray(1, c.createArrayOf("text", candidates.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Outcome.UNMATCHED;
        }
        messageId = rs.getLong(1);
        leadId = (Long) rs.getObject(2);
        to = rs.getString(3);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into replies (message_id, lead_id, mailbox_id, from_address, subject, body,"
                + " received_at, classification, ooo_until, classifier, raw_message_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (raw_message_id) do nothing")) {
      ps.setLong(1, messageId);
      setLong(ps, 2, leadId);
      setLong(ps, 3, mailboxId);
      ps.setString(4, from);
      ps.setString(5, subject);
      ps.setString(6, body);
      ps.setTimestamp(7, Timestamp.from(received));
      ps.setString(8, cls.type().name());
      ps.setObject(9, cls.oooUntil());
      ps.setString(10, cls.classifier());
      ps.setString(11, rawId);
      if (ps.executeUpdate() == 0) {
        return Outcome.DUPLICATE;
      }
    }
    Instant now = clock.instant();
    if (cls.type() == ReplyClass.BOUNCE) {
      suppress(c, to, "BOUNCED", messageId, now);
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
    if (cls.type() == ReplyClass.UNSUBSCRIBE && suppress(c, to, "UNSUBSCRIBED", messageId, now)) {
      event(c, messageId, "UNSUBSCRIBED", "reply", now);
    }
    return Outcome.STORED;
  }

  private static boolean suppress(
      Connection c, String email, String reason, long messageId, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into suppressions (email, reason, message_id, at)"
                + " values (lower(?), ?, ?, ?) on conflict (email) do nothing")) {
      ps.setString(1, email);
      ps.setString(2, reason);
      ps.setLong(3, messageId);
      ps.setTimestamp(4, Timestamp.from(at));
      return ps.executeUpdate() == 1;
    }
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

  private static String cap(String s, int max) {
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
