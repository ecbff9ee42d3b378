package io.omnireach.meeting;

import java.util.Locale;

/** A meeting is booked until Calendly tells us it was canceled (a reschedule cancels too). */
public enum MeetingStatus {
  BOOKED,
  CANCELED;

  /** The lower-case name stored in the database and shown in JSON. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MeetingStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
