package io.omnireach.channel;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends through one mailbox's SMTP server with Jakarta Mail: a multipart/alternative message (text
 * and HTML), our own Message-ID, the message's extra headers and, when the mailbox has a key, a
 * DKIM signature. Jakarta Mail comes from the server (Liberty's {@code mail-2.1}); nothing here
 * depends on its implementation.
 *
 * <p>{@link #SmtpChannel(SmtpSettings)} opens a connection per message; {@link #reusing} keeps one
 * connection open between messages (checked with NOOP before reuse, reopened after {@code 60 s}
 * idle), sending one message at a time.
 */
public final class SmtpChannel implements Channel, AutoCloseable {

  private static final String TIMEOUT_MS = "20000";
  private static final long MAX_IDLE_MS = 60_000;

  /** A connection used this recently is taken as alive without a NOOP round trip. */
  private static final long TRUST_MS = 2_000;

  private static final Pattern SMTP_CODE = Pattern.compile("(?:^|\\D)([245]\\d\\d)[ -]");

  /** A reply line of an SMTP server: code, then a space or a dash (RFC 5321 4.2). */
  private static final Pattern SMTP_REPLY = Pattern.compile("[245]\\d\\d[ -]");

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(SmtpChannel.class.getName());

  private final SmtpSettings settings;
  private final boolean keepOpen;
  private final Session session;
  private final DkimSigner dkim;
  private Transport open;
  private long lastUsed;

  public SmtpChannel(SmtpSettings settings) {
    this(settings, false);
  }

  private SmtpChannel(SmtpSettings settings, boolean keepOpen) {
    this.settings = settings;
    this.keepOpen = keepOpen;
    this.session = Session.getInstance(properties());
    this.dkim =
        settings.dkim()
            ? new DkimSigner(settings.dkimDomain(), settings.dkimSelector(), settings.dkimKey())
            : null;
  }

  /** A channel that keeps its SMTP connection open for the next message. */
  public static SmtpChannel reusing(SmtpSettings settings) {
    return new SmtpChannel(settings, true);
  }

  @Override
  public synchronized SendResult send(OutboundMessage message) {
    try {
      MimeMessage mime = mime(session, message);
      if (dkim != null) {
        mime = signed(mime);
      }
      Transport transport = transport();
      try {
        transport.sendMessage(mime, mime.getAllRecipients());
        String reply = lastReply(transport, "250 accepted");
        lastUsed = System.currentTimeMillis();
        return SendResult.accepted(reply);
      } finally {
        if (!keepOpen) {
          closeQuietly();
        }
      }
    } catch (MessagingException | IOException e) {
      closeQuietly();
      return classify(e);
    }
  }

  private Transport transport() throws MessagingException {
    if (open != null && keepOpen) {
      long idle = System.currentTimeMillis() - lastUsed;
      if (idle < TRUST_MS || (idle < MAX_IDLE_MS && open.isConnected())) {
        return open;
      }
      closeQuietly();
    }
    Transport t = session.getTransport(implicitTls() ? "smtps" : "smtp");
    t.connect(
        settings.host(), settings.port(), blankToNull(settings.username()), settings.password());
    open = t;
    return t;
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    if (open != null) {
      try {
        open.close();
      } catch (MessagingException | RuntimeException e) {
        // the connection is gone either way
      }
      open = null;
    }
  }

  MimeMessage mime(Session session, OutboundMessage message)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage mime = new FixedIdMessage(session, message.messageId());
    mime.setFrom(new InternetAddress(message.from(), settings.fromName(), "UTF-8"));
    mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
    mime.setSubject(message.subject(), "UTF-8");
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      mime.setHeader(header.getKey(), header.getValue());
    }
    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    if (message.attachments().isEmpty()) {
      mime.setContent(alternative);
    } else {
      // multipart/mixed: the text and HTML alternatives first, then each file
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(alternative);
      mixed.addBodyPart(body);
      for (Attachment a : message.attachments()) {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(
            new jakarta.activation.DataHandler(
                new jakarta.mail.util.ByteArrayDataSource(a.content(), a.contentType())));
        file.setFileName(a.filename());
        file.setDisposition(jakarta.mail.Part.ATTACHMENT);
        mixed.addBodyPart(file);
      }
      mime.setContent(mixed);
    }
    mime.setSentDate(new java.util.Date());
    mime.saveChanges();
    return mime;
  }

  /** The message as it will go out, signed, parsed back so nothing re-encodes it. */
  private MimeMessage signed(MimeMessage mime) throws MessagingException, IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(8192);
    mime.writeTo(raw);
    byte[] bytes = dkim.sign(raw.toByteArray(), Clock.systemUTC().instant());
    return new MimeMessage(session, new ByteArrayInputStream(bytes));
  }

  private Properties properties() {
    Properties p = new Properties();
    String prefix = implicitTls() ? "mail.smtps." : "mail.smtp.";
    p.put(prefix + "host", settings.host() == null ? "localhost" : settings.host());
    p.put(prefix + "port", Integer.toString(settings.port()));
    p.put(prefix + "auth", Boolean.toString(blankToNull(settings.username()) != null));
    p.put(prefix + "connectiontimeout", TIMEOUT_MS);
    p.put(prefix + "timeout", TIMEOUT_MS);
    p.put(prefix + "writetimeout", TIMEOUT_MS);
    if (settings.tls()) {
      p.put(prefix + "ssl.checkserveridentity", "true");
      if (!implicitTls()) {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
      }
    }
    return p;
  }

  private boolean implicitTls() {
    return settings.tls() && settings.port() == 465;
  }

  /** The server's last reply line (Angus' SMTPTransport has it; the API does not expose it). */
  private static String lastReply(Transport transport, String fallback) {
    try {
      Object reply = transport.getClass().getMethod("getLastServerResponse").invoke(transport);
      return reply == null ? fallback : reply.toString().trim();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return fallback;
    }
  }

  /**
   * Transient (retry later): SMTP 4xx, a connection refused, reset or timed out. Permanent: SMTP
   * 5xx (unknown user, rejected as spam, authentication failed) and anything else.
   */
  static SendResult classify(Exception e) {
    String detail = describe(e);
    LOG.info("SMTP send failed: " + detail);
    String text = forTenant(e, detail);
    Integer code = smtpCode(e);
    if (code != null) {
      return code >= 400 && code < 500 ? SendResult.retry(text) : SendResult.failed(text);
    }
    if (e instanceof AuthenticationFailedException) {
      return SendResult.failed(text);
    }
    if (detail.contains("[EOF]")) {
      return SendResult.retry(text); // the server hung up (e.g. before its greeting): try again
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException && !(t instanceof UnsupportedEncodingException)) {
        return SendResult.retry(text); // ConnectException, SocketTimeoutException, EOF, reset
      }
    }
    return SendResult.failed(text);
  }

  /**
   * The SMTP reply code of an Angus exception (getReturnCode) or of the first reply in the text.
   */
  private static Integer smtpCode(Exception e) {
    for (Throwable t = e; t != null; ) {
      try {
        Object code = t.getClass().getMethod("getReturnCode").invoke(t);
        if (code instanceof Integer i && i >= 200) {
          return i;
        }
      } catch (ReflectiveOperationException | RuntimeException ignored) {
        // not an Angus SMTP exception
      }
      Throwable next = t instanceof MessagingException m ? m.getNextException() : null;
      t = next != null ? next : t.getCause();
    }
    Matcher m = SMTP_CODE.matcher(e.getMessage() == null ? "" : e.getMessage());
    return m.find() && !(e.getCause() instanceof IOException) ? Integer.valueOf(m.group(1)) : null;
  }

  /**
   * What the tenant sees (stored as the message's reply): an SMTP reply line as the server gave it
   * ("550 5.1.1 … User unknown"), else a general description. Never the free text of a server that
   * does not speak SMTP — the host may be an internal service (SSRF); the detail is logged.
   */
  static String forTenant(Exception e, String detail) {
    for (Throwable t = e; t != null; ) {
      String m = t.getMessage() == null ? "" : t.getMessage().strip();
      if (SMTP_REPLY.matcher(m).lookingAt()) {
        String line = m.lines().findFirst().orElse(m);
        return line.length() <= 300 ? line : line.substring(0, 300);
      }
      Throwable next = t instanceof MessagingException me ? me.getNextException() : null;
      t = next != null ? next : t.getCause();
    }
    if (e instanceof AuthenticationFailedException) {
      return "The mail server refused the username or password.";
    }
    if (detail.contains("[EOF]")) {
      return "The mail server closed the connection.";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException) {
        return "The mail server's host name cannot be resolved.";
      }
      if (t instanceof java.net.ConnectException) {
        return "Cannot connect to the mail server (connection refused).";
      }
      if (t instanceof java.net.SocketTimeoutException) {
        return "The mail server did not answer in time.";
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return "TLS with the mail server failed.";
      }
      if (t instanceof IOException && !(t instanceof UnsupportedEncodingException)) {
        return "The connection to the mail server failed.";
      }
    }
    return "The server did not answer like an SMTP server (details in the server log).";
  }

  private static String describe(Exception e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null && b.length() < 900; t = t.getCause()) {
      if (b.length() > 0) {
        b.append(" / ");
      }
      b.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().trim());
    }
    return b.length() > 1000 ? b.substring(0, 1000) : b.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Keeps the Message-ID chosen when the message was queued (Jakarta Mail would invent one). */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
