package io.omnireach.channel.inbound;

import java.time.LocalDate;

/**
 * A reply's class, the return date of an out-of-office reply when it states one, the rule that
 * decided and who classified ({@code lexicon} offline).
 */
public record Classification(ReplyClass type, LocalDate oooUntil, String rule, String classifier) {}
