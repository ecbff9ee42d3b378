package io.omnireach.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The send-window function with fixed instants: weekends, holidays, DST, far-away zones. */
class SendWindowTest {

  static final SendWindow OFFICE = SendWindow.OFFICE_HOURS;
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static Instant at(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void inside_the_window_is_now_and_before_it_is_the_same_days_opening() {
    // Wednesday 2026-11-25 10:00 Berlin = 09:00Z
    assertThat(OFFICE.nextAllowed(at("2026-11-25T09:00:00Z"), BERLIN, Set.of()))
        .isEqualTo(at("2026-11-25T09:00:00Z"));
    // 06:30 Berlin → 09:00 Berlin the same day
    assertThat(OFFICE.nextAllowed(at("2026-11-25T05:30:00Z"), BERLIN, Set.of()))
        .isEqualTo(at("2026-11-25T08:00:00Z"));
    // 17:00 Berlin exactly is closed (end exclusive) → Thursday 09:00
    assertThat(OFFICE.nextAllowed(at("2026-11-25T16:00:00Z"), BERLIN, Set.of()))
        .isEqualTo(at("2026-11-26T08:00:00Z"));
  }

  @Test
  void friday_evening_and_the_weekend_wait_for_monday_morning() {
    Instant fridayEvening = at("2026-11-27T18:00:00Z"); // 19:00 Berlin
    assertThat(OFFICE.nextAllowed(fridayEvening, BERLIN, Set.of()))
        .isEqualTo(at("2026-11-30T08:00:00Z"));
    Instant saturdayNoon = at("2026-11-28T11:00:00Z");
    assertThat(OFFICE.nextAllowed(saturdayNoon, BERLIN, Set.of()))
        .isEqualTo(at("2026-11-30T08:00:00Z"));
  }

  @Test
  void holidays_are_skipped_in_the_leads_own_calendar() {
    Set<LocalDate> christmas = Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"));
    // Thursday 24 Dec 08:00 Berlin → Monday 28 Dec 09:00 (24, 25 holidays, 26–27 weekend)
    assertThat(OFFICE.nextAllowed(at("2026-12-24T07:00:00Z"), BERLIN, christmas))
        .isEqualTo(at("2026-12-28T08:00:00Z"));
    // a window of every hour still skips a holiday (used when a mailbox has no window)
    assertThat(SendWindow.ALWAYS.nextAllowed(at("2026-12-25T12:00:00Z"), BERLIN, christmas))
        .isEqualTo(at("2026-12-25T23:00:00Z")); // 26 Dec 00:00 Berlin
  }

  @Test
  void daylight_saving_changes_keep_the_local_hours() {
    // Europe/Berlin springs forward on Sunday 2026-03-29 (02:00 → 03:00), falls back 2026-10-25
    assertThat(OFFICE.nextAllowed(at("2026-03-27T17:00:00Z"), BERLIN, Set.of()))
        .as("Friday evening before the change → Monday 09:00 CEST = 07:00Z")
        .isEqualTo(at("2026-03-30T07:00:00Z"));
    assertThat(OFFICE.nextAllowed(at("2026-10-23T16:00:00Z"), BERLIN, Set.of()))
        .as("Friday 18:00 CEST → Monday 09:00 CET = 08:00Z")
        .isEqualTo(at("2026-10-26T08:00:00Z"));
    // a window opening inside the gap (02:30 does not exist that Sunday) opens at 03:30
    SendWindow night =
        new SendWindow(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), LocalTime.of(4, 0));
    assertThat(night.nextAllowed(at("2026-03-28T23:30:00Z"), BERLIN, Set.of()))
        .isEqualTo(at("2026-03-29T01:30:00Z")); // 03:30 CEST
    // on the night of the fall-back the window is an hour longer in real time
    SendWindow early =
        new SendWindow(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(0, 0), LocalTime.of(4, 0));
    assertThat(early.nextAllowed(at("2026-10-25T02:30:00Z"), BERLIN, Set.of()))
        .as("03:30 CET (second pass) is inside")
        .isEqualTo(at("2026-10-25T02:30:00Z"));
  }

  @Test
  void zones_far_east_and_far_west_use_their_own_dates() {
    Instant instant = at("2026-11-27T20:00:00Z"); // Friday 20:00 UTC
    // Kiritimati (UTC+14): already Saturday 10:00 → Monday 09:00 local = Sunday 19:00Z
    assertThat(OFFICE.nextAllowed(instant, ZoneId.of("Pacific/Kiritimati"), Set.of()))
        .isEqualTo(at("2026-11-29T19:00:00Z"));
    // Pago Pago (UTC−11): still Friday 09:00 → inside, now
    assertThat(OFFICE.nextAllowed(instant, ZoneId.of("Pacific/Pago_Pago"), Set.of()))
        .isEqualTo(instant);
    // Baker Island time (UTC−12): Friday 08:00 → 09:00 local = 21:00Z
    assertThat(OFFICE.nextAllowed(instant, ZoneId.of("Etc/GMT+12"), Set.of()))
        .isEqualTo(at("2026-11-27T21:00:00Z"));
  }

  @Test
  void the_pure_function_falls_back_from_the_lead_zone_to_the_mailbox_zone_then_utc() {
    Instant friday = at("2026-11-27T07:30:00Z");
    assertThat(SendWindow.nextAllowed(friday, null, null, OFFICE, Set.of()))
        .isEqualTo(at("2026-11-27T09:00:00Z"));
    assertThat(SendWindow.nextAllowed(friday, null, BERLIN, OFFICE, Set.of()))
        .isEqualTo(at("2026-11-27T08:00:00Z"));
    assertThat(SendWindow.nextAllowed(friday, ZoneId.of("Asia/Tokyo"), BERLIN, OFFICE, Set.of()))
        .isEqualTo(friday); // 16:30 in Tokyo
    assertThat(SendWindow.nextAllowed(friday, null, null, null, Set.of())).isEqualTo(friday);
    assertThat(SendWindow.zoneOrNull("Not/AZone")).isNull();
  }

  @Test
  void windows_read_and_write_json_and_describe_themselves() {
    assertThat(OFFICE.describe()).isEqualTo("Mon–Fri 09–17");
    assertThat(OFFICE.toJson())
        .isEqualTo(
            "{\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"],\"start\":\"09:00\",\"end\":\"17:00\"}");
    assertThat(SendWindow.fromJson(OFFICE.toJson())).isEqualTo(OFFICE);
    SendWindow odd = SendWindow.of(List.of("mon", "Wednesday", "THU", "sat"), "8:30", "24:00");
    assertThat(odd.describe()).isEqualTo("Mon, Wed, Thu, Sat 08:30–24:00");
    assertThat(SendWindow.ALWAYS.describe()).isEqualTo("any time");
    assertThat(SendWindow.fromJson(null)).isNull();
    assertThatThrownBy(() -> SendWindow.of(List.of("MON"), "17:00", "09:00"))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> SendWindow.of(List.of("Funday"), "09:00", "17:00"))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> SendWindow.of(List.of(), "09:00", "17:00"))
        .isInstanceOf(DomainException.class);
  }
}
