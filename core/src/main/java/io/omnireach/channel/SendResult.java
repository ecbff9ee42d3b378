package io.omnireach.channel;

/** What the transport said: accepted or not, and the server's reply (for example an SMTP line). */
public record SendResult(boolean accepted, String reply) {

  public static SendResult accepted(String reply) {
    return new SendResult(true, reply);
  }

  public static SendResult failed(String reply) {
    return new SendResult(false, reply);
  }
}
