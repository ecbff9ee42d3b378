package io.omnireach.billing;

import io.omnireach.common.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * A range of whole UTC days as people name it: {@code from} and {@code to} both included. The
 * ledger reads half-open instants, so {@link #end()} is the midnight after {@code to}.
 */
public record UsagePeriod(LocalDate from, LocalDate to) {

  /** The longest range one request may read. */
  public static final int MAX_DAYS = 366;

  public UsagePeriod {
    if (to.isBefore(from)) {
      throw DomainException.invalid(
          "to", "'to' (" + to + ") is before 'from' (" + from + "): give an ascending range.");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw DomainException.invalid(
          "to", "The range is longer than " + MAX_DAYS + " days: ask for a year at most.");
    }
  }

  /** The calendar month (UTC) of {@code day}. */
  public static UsagePeriod monthOf(LocalDate day) {
    return new UsagePeriod(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
  }

  /** Today's calendar month, UTC. */
  public static UsagePeriod currentMonth(Clock clock) {
    return monthOf(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
  }

  /**
   * From request parameters ({@code yyyy-MM-dd}, either may be missing): without {@code from}, the
   * current month's first day; without {@code to}, the last day of {@code from}'s month.
   */
  public static UsagePeriod parse(String from, String to, Clock clock) {
    LocalDate start = blank(from) ? currentMonth(clock).from() : date("from", from);
    LocalDate end = blank(to) ? monthOf(start).to() : date("to", to);
    return new UsagePeriod(start, end);
  }

  public Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The instant after the last day (exclusive). */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The days of the period left after {@code today} (0 once it is over, all before it starts). */
  public long daysLeftAfter(LocalDate today) {
    if (today.isBefore(from)) {
      return days();
    }
    return Math.max(0, ChronoUnit.DAYS.between(today, to));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(
          field, "'" + field + "' must be a date as yyyy-MM-dd, e.g. 2026-11-01.");
    }
  }
}
