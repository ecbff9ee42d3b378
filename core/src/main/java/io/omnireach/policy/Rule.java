package io.omnireach.policy;

import java.time.LocalTime;
import java.util.List;

/**
 * The parameters of a policy; which ones are set depends on the kind (see {@link PolicyRules}).
 *
 * @param percent max_discount: the highest discount allowed, in percent
 * @param phrases forbidden_phrase: words or phrases; competitor_mention: the competitors' names
 * @param patterns forbidden_phrase: regular expressions (matched on the normalised text)
 * @param text required_text: the text that must appear
 * @param countries required_text: ISO country codes it applies to (empty = every lead)
 * @param channels required_text, channel_consent: channels it applies to (empty = all)
 * @param maxPerWeek contact_frequency: touches per lead in any 7 days, across channels
 * @param from send_hours: the window's start (local time of the lead)
 * @param to send_hours: the window's end
 * @param allowed other_personal_data: addresses, domains or numbers that may appear (the sender's)
 */
public record Rule(
    Integer percent,
    List<String> phrases,
    List<String> patterns,
    String text,
    List<String> countries,
    List<String> channels,
    Integer maxPerWeek,
    LocalTime from,
    LocalTime to,
    List<String> allowed) {}
