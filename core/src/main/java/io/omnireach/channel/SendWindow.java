package io.omnireach.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.common.DomainException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a message may be sent, in the recipient's local time: the days of the week and the hours
 * {@code [start, end)} of each (end {@code 00:00} = midnight at the end of the day). {@link
 * #ALWAYS} is every day around the clock. Stored as JSON {@code
 * {"days":["MON",…],"start":"09:00","end": "17:00"}} on a mailbox, or on a message to override its
 * mailbox's window.
 */
public record SendWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

  public static final SendWindow ALWAYS =
      new SendWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

  /** Monday to Friday, 09:00–17:00. */
  public static final SendWindow OFFICE_HOURS =
      new SendWindow(
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(17, 0));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_DAYS_AHEAD = 800;

  public SendWindow {
    if (days == null || days.isEmpty()) {
      throw DomainException.invalid("sendWindow", "A send window needs at least one day.");
    }
    if (start == null || end == null) {
      throw DomainException.invalid("sendWindow", "A send window needs a start and an end time.");
    }
    if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
      throw DomainException.invalid(
          "sendWindow", "The window must end after it starts (end 00:00 means midnight).");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  public boolean always() {
    return days.size() == 7 && start.equals(LocalTime.MIDNIGHT) && end.equals(LocalTime.MIDNIGHT);
  }

  /**
   * The first instant at or after {@code now} inside the window, in {@code zone}, on a day that is
   * not one of the {@code holidays} (dates in that zone); {@code now} itself when it is inside.
   * Days whose window falls into a daylight-saving gap start at the first valid local time; null
   * when no day in the next two years qualifies.
   */
  public Instant nextAllowed(Instant now, ZoneId zone, Set<LocalDate> holidays) {
    LocalDate day = now.atZone(zone).toLocalDate();
    for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
      if (!days.contains(day.getDayOfWeek()) || holidays.contains(day)) {
        continue;
      }
      Instant open = ZonedDateTime.of(day, start, zone).toInstant();
      Instant close =
          end.equals(LocalTime.MIDNIGHT)
              ? day.plusDays(1).atStartOfDay(zone).toInstant()
              : ZonedDateTime.of(day, end, zone).toInstant();
      if (now.isBefore(close)) {
        return now.isBefore(open) ? open : now;
      }
    }
    return null;
  }

  /**
   * The pure scheduling function: the next allowed instant for a recipient in {@code leadZone}
   * (null: {@code fallbackZone}, then UTC) under {@code window} (null: always) and the tenant's
   * {@code holidays}.
   */
  public static Instant nextAllowed(
      Instant now,
      ZoneId leadZone,
      ZoneId fallbackZone,
      SendWindow window,
      Set<LocalDate> holidays) {
    ZoneId zone = zone(leadZone, fallbackZone);
    return (window == null ? ALWAYS : window).nextAllowed(now, zone, holidays);
  }

  static ZoneId zone(ZoneId leadZone, ZoneId fallbackZone) {
    return leadZone != null ? leadZone : fallbackZone != null ? fallbackZone : ZoneOffset.UTC;
  }

  /** A zone from an IANA name, or null when blank or unknown (the caller falls back). */
  public static ZoneId zoneOrNull(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(name.trim());
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** "Mon–Fri 09–17", "Mon, Wed 08:30–12:00", "any time". */
  public String describe() {
    if (always()) {
      return "any time";
    }
    String hours =
        start.getMinute() == 0 && end.getMinute() == 0
            ? String.format(Locale.ROOT, "%02d–%02d", start.getHour(), endHour())
            : String.format(
                Locale.ROOT,
                "%02d:%02d–%02d:%02d",
                start.getHour(),
                start.getMinute(),
                endHour(),
                end.getMinute());
    return describeDays() + " " + hours;
  }

  private int endHour() {
    return end.equals(LocalTime.MIDNIGHT) ? 24 : end.getHour();
  }

  private String describeDays() {
    if (days.size() == 7) {
      return "Every day";
    }
    List<String> parts = new ArrayList<>();
    DayOfWeek[] all = DayOfWeek.values();
    int i = 0;
    while (i < 7) {
      if (!days.contains(all[i])) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < 7 && days.contains(all[j + 1])) {
        j++;
      }
      parts.add(j - i >= 2 ? name(all[i]) + "–" + name(all[j]) : name(all[i]));
      if (j - i == 1) {
        parts.add(name(all[j]));
      }
      i = j + 1;
    }
    return String.join(", ", parts);
  }

  private static String name(DayOfWeek d) {
    return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }

  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode a = o.putArray("days");
    for (DayOfWeek d : DayOfWeek.values()) {
      if (days.contains(d)) {
        a.add(d.name().substring(0, 3));
      }
    }
    o.put("start", start.toString());
    o.put("end", end.toString());
    return o.toString();
  }

  /** Parses the stored or API form; null for null/blank. */
  public static SendWindow fromJson(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      JsonNode o = JSON.readTree(json);
      List<String> names = new ArrayList<>();
      o.path("days").forEach(d -> names.add(d.asText()));
      return of(names, o.path("start").asText(null), o.path("end").asText(null));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw DomainException.invalid("sendWindow", "The send window is not valid JSON.");
    }
  }

  /** From day names ("MON", "monday", "Mon") and times "HH:mm"; all null = null (no window). */
  public static SendWindow of(List<String> dayNames, String start, String end) {
    if ((dayNames == null || dayNames.isEmpty()) && start == null && end == null) {
      return null;
    }
    Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    for (String n : dayNames == null ? List.<String>of() : dayNames) {
      set.add(day(n));
    }
    return new SendWindow(set, time(start, "start"), time(end, "end"));
  }

  private static DayOfWeek day(String name) {
    String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (n.length() >= 2 && d.name().startsWith(n)) {
        return d;
      }
    }
    throw DomainException.invalid("sendWindow", "'" + name + "' is not a day of the week.");
  }

  private static LocalTime time(String value, String which) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid("sendWindow", "The window's " + which + " time is missing.");
    }
    String v = value.trim();
    if (v.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(v.length() == 4 ? "0" + v : v);
    } catch (DateTimeException e) {
      throw DomainException.invalid(
          "sendWindow", "The window's " + which + " time '" + value + "' is not HH:mm.");
    }
  }
}
