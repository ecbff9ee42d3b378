package io.omnireach.channel;

/** One claimed message ready for its channel: the sender's settings and the composed message. */
record OutboxClaimed(
    long id,
    ChannelKind channel,
    SmtpSettings smtp,
    SmsSettings sms,
    OutboundMessage message,
    int attempt) {}
