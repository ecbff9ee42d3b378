package io.omnireach.channel;

/**
 * A tenant's SMS sender as the relay uses it: the Twilio account, its auth token (decrypted, never
 * logged), and the sender — a phone number or a messaging service (one of them) — and the tenant's
 * own window on top of the quiet hours (null: only the quiet hours), and the number's daily cap
 * (null: none). Automated calls go out from the same account and number.
 */
public record SmsSettings(
    String accountSid,
    String authToken,
    String fromNumber,
    String messagingServiceSid,
    SendWindow window,
    Integer dailyCap) {

  @Override
  public String toString() {
    return "SmsSettings[" + accountSid + ", from " + sender() + "]";
  }

  /** The number or the messaging service SID the message is sent from. */
  public String sender() {
    return fromNumber != null ? fromNumber : messagingServiceSid;
  }
}
