package io.omnireach.workflow.engine;

import java.util.Locale;

/**
 * The daily queue's sections. A task is "when" = its snooze time, else its due date, else its
 * creation; Today holds tasks whose when falls today (or earlier today), Overdue those before
 * today, Upcoming later ones and tasks snoozed past now; Done the finished ones.
 */
public enum TaskQueue {
  TODAY,
  OVERDUE,
  UPCOMING,
  DONE,
  ALL;

  public static TaskQueue parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
