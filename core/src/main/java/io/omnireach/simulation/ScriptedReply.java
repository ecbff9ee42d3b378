package io.omnireach.simulation;

import io.omnireach.common.DomainException;
import java.util.Locale;
import java.util.Set;

/**
 * "Lead 3 replies out-of-office on day 2": which lead (its id, or its 1-based position in the
 * simulation's lead list), on which day after the start, what happened and optionally the text.
 */
public record ScriptedReply(Long leadId, Integer leadIndex, int onDay, String kind, String text) {

  public static final Set<String> KINDS =
      Set.of("reply", "out_of_office", "meeting_booked", "linkedin_replied");

  public ScriptedReply {
    if ((leadId == null) == (leadIndex == null)) {
      throw DomainException.invalid("script", "A scripted reply names leadId or leadIndex.");
    }
    if (onDay < 0 || onDay > 365) {
      throw DomainException.invalid("script", "onDay is a whole number of days from 0 to 365.");
    }
    kind = kind == null ? null : kind.strip().toLowerCase(Locale.ROOT);
    if (kind == null || !KINDS.contains(kind)) {
      throw DomainException.invalid(
          "script",
          "A scripted reply's kind is one of reply, out_of_office, meeting_booked,"
              + " linkedin_replied.");
    }
  }

  /** Whether it is an answer that counts as a reply (an out-of-office one does not). */
  public boolean answers() {
    return kind.equals("reply") || kind.equals("linkedin_replied");
  }

  boolean isFor(long id, int index) {
    return leadId != null ? leadId == id : leadIndex == index;
  }
}
