package io.omnireach.channel;

/**
 * When and how fast a mailbox sends: its window (null = any time) in {@code timezone} for leads
 * without a zone (null = UTC), the minimum seconds between two sends and the daily cap (null keeps
 * the current cap).
 */
public record SendingRules(
    SendWindow sendWindow, Integer minSpacingSeconds, String timezone, Integer dailyCap) {}
