package io.omnireach.channel;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Sends through one mailbox's SMTP server with Jakarta Mail: a multipart/alternative message (text
 * and HTML), our own Message-ID and the message's extra headers. Jakarta Mail comes from the server
 * (Liberty's {@code mail-2.1}); nothing here depends on its implementation.
 */
public final class SmtpChannel implements ChannelAdapter {

  private static final String TIMEOUT_MS = "20000";

  private final SmtpSettings settings;

  public SmtpChannel(SmtpSettings settings) {
    this.settings = settings;
  }

  @Override
  public SendResult send(OutboundMessage message) {
    Session session = Session.getInstance(properties());
    try {
      MimeMessage mime = mime(session, message);
      try (Transport transport = session.getTransport(implicitTls() ? "smtps" : "smtp")) {
        transport.connect(
            settings.host(),
            settings.port(),
            blankToNull(settings.username()),
            settings.password());
        transport.sendMessage(mime, mime.getAllRecipients());
        return SendResult.accepted(lastReply(transport, "250 accepted"));
      }
    } catch (MessagingException | UnsupportedEncodingException e) {
      return SendResult.failed(describe(e));
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
    mime.setContent(alternative);
    mime.saveChanges();
    return mime;
  }

  private Properties properties() {
    Properties p = new Properties();
    String prefix = implicitTls() ? "mail.smtps." : "mail.smtp.";
    p.put(prefix + "host", settings.host());
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
