package io.omnireach.policy;

import java.time.ZonedDateTime;

/**
 * What the rules need to know beyond the text; every part may be null (unknown), and a rule that
 * needs an unknown part does not fire.
 *
 * @param leadEmail the lead's address (not "someone else's" personal data)
 * @param leadPhone the lead's phone
 * @param leadCountry ISO code, for required_text per country
 * @param consent the lead's consent status on the message's channel (granted, denied, none)
 * @param touchesLastWeek messages to this lead in the last 7 days, on any channel, this one not
 *     included
 * @param sendAt when it would go out, in the lead's time zone
 */
public record PolicyContext(
    String leadEmail,
    String leadPhone,
    String leadCountry,
    String consent,
    Integer touchesLastWeek,
    ZonedDateTime sendAt) {

  public static final PolicyContext NONE = new PolicyContext(null, null, null, null, null, null);
}
