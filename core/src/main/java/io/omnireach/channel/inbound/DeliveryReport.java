package io.omnireach.channel.inbound;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-readable parts of a bounce (RFC 3464 and what MTAs send in practice): the per-
 * recipient blocks of a {@code message/delivery-status} part ({@code Final-Recipient}, {@code
 * Original-Recipient}, {@code Action}, {@code Status}, {@code Diagnostic-Code}), the {@code
 * X-Failed-Recipients} header (Exim, Gmail), and the {@code Message-ID} of the returned original
 * ({@code message/rfc822} or {@code text/rfc822-headers}, or headers quoted in the text by MTAs
 * that send no report), and the tokens of our signed unsubscribe links in it. Lenient: what cannot
 * be read is left out.
 */
final class DeliveryReport {

  /** One recipient the report is about; addresses lower-case, status like {@code 5.1.1}. */
  record Recipient(List<String> addresses, String action, String status, String diagnostic) {

    boolean temporary() {
      return status != null ? status.startsWith("4") : "delayed".equals(action);
    }

    boolean permanent() {
      return status != null ? status.startsWith("5") : "failed".equals(action);
    }
  }

  private static final int MAX_PART = 256 * 1024;
  private static final int MAX_DEPTH = 6;
  private static final int MAX_ITEMS = 20;
  private static final Pattern STATUS = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
  private static final Pattern ANY_ID = Pattern.compile("<[^<>\\s]{1,250}>");

  /** Our one-click unsubscribe link (List-Unsubscribe header and footer of what we send). */
  private static final Pattern UNSUBSCRIBE_LINK =
      Pattern.compile(
          "/unsubscribe/([a-z][a-z0-9-]{1,29}\\.[1-9][0-9]{0,18}\\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

  private final List<Recipient> recipients = new ArrayList<>();
  private final Set<String> failedHeader = new LinkedHashSet<>();
  private final Set<String> messageIds = new LinkedHashSet<>();
  private final Set<String> unsubscribeTokens = new LinkedHashSet<>();

  private DeliveryReport() {}

  /**
   * Reads the report of {@code mail}; {@code raw} is the start of its source, searched for returned
   * headers quoted as text.
   */
  static DeliveryReport read(MimeMessage mail, String raw) throws MessagingException {
    DeliveryReport r = new DeliveryReport();
    String failed = mail.getHeader("X-Failed-Recipients", ",");
    if (failed != null) {
      r.failedHeader.addAll(addresses(failed));
    }
    try {
      r.walk(mail, 0);
    } catch (IOException | MessagingException | RuntimeException e) {
      // a broken part: keep what was read so far
    }
    if (raw != null) {
      // returned headers and body quoted in the text (Exim, qmail); our Message-IDs the processor
      // finds
      r.links(raw);
    }
    return r;
  }

  /** Whether the mail is a bounce by its form: a delivery-status report or X-Failed-Recipients. */
  static boolean isBounce(MimeMessage mail) throws MessagingException {
    return InboundProcessor.isDeliveryReport(mail)
        || mail.getHeader("X-Failed-Recipients", ",") != null;
  }

  List<Recipient> recipients() {
    return recipients;
  }

  /** Every address the report says failed, from the status blocks and X-Failed-Recipients. */
  List<String> addresses() {
    Set<String> all = new LinkedHashSet<>(failedHeader);
    for (Recipient rcpt : recipients) {
      all.addAll(rcpt.addresses());
    }
    return List.copyOf(all);
  }

  /** Message-IDs of the returned original. */
  Set<String> messageIds() {
    return messageIds;
  }

  /**
   * Tokens of our signed unsubscribe links found in the returned original (its List-Unsubscribe
   * header or footer) or quoted text: unlike an address or the idempotency key they cannot be
   * guessed, so they prove which message of ours the report returns. Not verified here.
   */
  Set<String> unsubscribeTokens() {
    return unsubscribeTokens;
  }

  /**
   * A soft bounce: the recipients' statuses are temporary (4.x.x, or "delayed" without a status)
   * and none is permanent. A report that states nothing counts as permanent, as before.
   */
  boolean soft() {
    boolean temporary = false;
    for (Recipient rcpt : recipients) {
      if (rcpt.permanent()) {
        return false;
      }
      temporary |= rcpt.temporary();
    }
    return temporary;
  }

  /** One line for the reply's rationale, e.g. "Hard bounce 5.1.1 for x@y: 550 user unknown". */
  String summary() {
    Recipient first = recipients.isEmpty() ? null : recipients.get(0);
    String status = first == null ? null : first.status();
    List<String> addresses = addresses();
    StringBuilder b = new StringBuilder(soft() ? "Soft bounce" : "Hard bounce");
    if (status != null) {
      b.append(' ').append(status);
    } else if (first != null && first.action() != null) {
      b.append(" (").append(first.action()).append(')');
    }
    if (!addresses.isEmpty()) {
      b.append(" for ").append(addresses.get(0));
    }
    if (first != null && first.diagnostic() != null) {
      b.append(": ").append(first.diagnostic());
    }
    if (soft()) {
      b.append(" (temporary: the address is not suppressed)");
    }
    String s = b.toString();
    return s.length() <= 300 ? s : s.substring(0, 299) + "…";
  }

  private void walk(Part part, int depth) throws MessagingException, IOException {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount() && i < MAX_ITEMS; i++) {
        BodyPart child = multipart.getBodyPart(i);
        walk(child, depth + 1);
      }
    } else if (part.isMimeType("message/delivery-status")
        || part.isMimeType("message/global-delivery-status")) {
      status(read(part));
    } else if (part.isMimeType("message/rfc822")
        || part.isMimeType("message/global")
        || part.isMimeType("text/rfc822-headers")
        || part.isMimeType("message/rfc822-headers")) {
      returned(read(part));
    }
  }

  /** The per-recipient blocks: fields separated by blank lines, continuation lines unfolded. */
  private void status(String text) {
    for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
      Map<String, String> fields = fields(block);
      String finalRcpt = fields.get("final-recipient");
      String original = fields.get("original-recipient");
      if ((finalRcpt == null && original == null) || recipients.size() >= MAX_ITEMS) {
        continue; // the per-message block (Reporting-MTA, Arrival-Date, …)
      }
      Set<String> addresses = new LinkedHashSet<>();
      for (String typed : new String[] {finalRcpt, original}) {
        if (typed != null) {
          // "rfc822; user@example.com" (the address type before the semicolon)
          int semi = typed.indexOf(';');
          addresses.addAll(addresses(semi < 0 ? typed : typed.substring(semi + 1)));
        }
      }
      String action = fields.get("action");
      String status = null;
      if (fields.get("status") != null) {
        Matcher m = STATUS.matcher(fields.get("status"));
        status = m.find() ? m.group(1) : null;
      }
      String diagnostic = fields.get("diagnostic-code");
      if (diagnostic != null) {
        int semi = diagnostic.indexOf(';');
        diagnostic = diagnostic.substring(semi + 1).replaceAll("\\s+", " ").strip();
        diagnostic = diagnostic.length() <= 200 ? diagnostic : diagnostic.substring(0, 200) + "…";
      }
      recipients.add(
          new Recipient(
              List.copyOf(addresses),
              action == null ? null : action.strip().toLowerCase(Locale.ROOT),
              status,
              diagnostic));
    }
  }

  private void returned(String text) throws MessagingException {
    links(text);
    InternetHeaders headers =
        new InternetHeaders(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    String id = headers.getHeader("Message-ID", null);
    if (id != null) {
      Matcher m = ANY_ID.matcher(id);
      if (m.find() && messageIds.size() < MAX_ITEMS) {
        messageIds.add(m.group());
      }
    }
  }

  /** Unsubscribe tokens in text, also across quoted-printable soft line breaks. */
  private void links(String text) {
    collect(UNSUBSCRIBE_LINK.matcher(text), unsubscribeTokens);
    if (text.contains("=\n") || text.contains("=3D")) {
      String unfolded = text.replaceAll("=\r?\n", "").replace("=3D", "=");
      collect(UNSUBSCRIBE_LINK.matcher(unfolded), unsubscribeTokens);
    }
  }

  private static Map<String, String> fields(String block) {
    Map<String, String> fields = new LinkedHashMap<>();
    String name = null;
    for (String line : block.split("\n")) {
      if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && name != null) {
        fields.merge(name, " " + line.strip(), String::concat);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        fields.putIfAbsent(name, line.substring(colon + 1).strip());
      }
    }
    return fields;
  }

  private static Set<String> addresses(String list) {
    Set<String> out = new LinkedHashSet<>();
    for (String piece : list.split("[,;]")) {
      String a = piece.strip();
      if (a.startsWith("<") && a.endsWith(">")) {
        a = a.substring(1, a.length() - 1);
      }
      try {
        InternetAddress address = new InternetAddress(a, false);
        String email = address.getAddress();
        if (email != null && email.indexOf('@') > 0 && out.size() < MAX_ITEMS) {
          out.add(email.toLowerCase(Locale.ROOT));
        }
      } catch (AddressException e) {
        // not an address: skip
      }
    }
    return out;
  }

  private static void collect(Matcher m, Set<String> into) {
    while (m.find() && into.size() < MAX_ITEMS) {
      into.add(m.group(1));
    }
  }

  private static String read(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readNBytes(MAX_PART), StandardCharsets.ISO_8859_1);
    }
  }
}
