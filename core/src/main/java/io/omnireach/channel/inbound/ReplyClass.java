package io.omnireach.channel.inbound;

/** What a reply means for the sequence. {@code OTHER} when no rule is sure. */
public enum ReplyClass {
  INTERESTED,
  NOT_INTERESTED,
  OUT_OF_OFFICE,
  UNSUBSCRIBE,
  WRONG_PERSON,
  BOUNCE,
  OTHER,
  /** Negotiates the offer: a discount, a lower price, other payment terms or contract length. */
  NEGOTIATION
}
