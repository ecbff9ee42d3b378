package io.omnireach.channel;

import io.omnireach.tenant.TenantRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Step 2 of the relay: turns a cleared row into the message its channel sends — for email the
 * footer with the postal address and unsubscribe link, tracking, List-Unsubscribe and the thread
 * headers; for SMS and calls the plain body from the tenant's sender.
 */
final class OutboxCompose {

  private final String publicUrl;
  private final UnsubscribeTokens tokens;
  private final TrackingLinks tracking;

  OutboxCompose(String publicUrl, UnsubscribeTokens tokens, TrackingLinks tracking) {
    this.publicUrl = publicUrl;
    this.tokens = tokens;
    this.tracking = tracking;
  }

  OutboxClaimed email(
      TenantRef tenant,
      OutboxRow r,
      SmtpSettings smtp,
      String postal,
      java.util.List<Attachment> attachments) {
    String url = publicUrl + "/unsubscribe/" + tokens.token(tenant, r.id());
    EmailComposer.Parts parts =
        EmailComposer.compose(
            r.body(),
            smtp.fromName(),
            smtp.fromAddress(),
            postal,
            url,
            r.key(),
            link -> publicUrl + "/t/c/" + tracking.clickToken(tenant, r.id(), link),
            publicUrl + "/t/o/" + tracking.openToken(tenant, r.id()) + ".gif");
    Map<String, String> headers = new LinkedHashMap<>(parts.headers());
    if (r.inReplyTo() != null) {
      headers.put("In-Reply-To", r.inReplyTo());
      headers.put("References", r.references() == null ? r.inReplyTo() : r.references());
    }
    return new OutboxClaimed(
        r.id(),
        ChannelKind.EMAIL,
        smtp,
        null,
        new OutboundMessage(
            tenant.slug(),
            r.rfcId(),
            r.key(),
            smtp.fromAddress(),
            r.to(),
            r.subject(),
            parts.text(),
            parts.html(),
            headers,
            r.id(),
            attachments),
        r.attempts() + 1);
  }

  /**
   * An SMS or a call: the plain body (the text, or the script read aloud) from the tenant's sender.
   */
  OutboxClaimed twilio(TenantRef tenant, OutboxRow r, SmsSettings sms) {
    return new OutboxClaimed(
        r.id(),
        r.channel(),
        null,
        sms,
        new OutboundMessage(
            tenant.slug(),
            r.rfcId(),
            r.key(),
            sms.sender(),
            r.to(),
            null,
            r.body(),
            null,
            Map.of(),
            r.id()),
        r.attempts() + 1);
  }
}
