package io.omnireach.policy;

/** What a message says and how it goes: channel is email, sms or voice; subject may be null. */
public record OutboundText(String channel, String subject, String body) {}
