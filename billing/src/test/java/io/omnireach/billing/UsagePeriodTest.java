package io.omnireach.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UsagePeriodTest {

  static final Clock LATE_ON_THE_LAST_OF_FEBRUARY =
      Clock.fixed(Instant.parse("2028-02-29T23:30:00Z"), ZoneOffset.UTC);

  @Test
  void without_dates_it_is_the_current_utc_calendar_month_with_both_ends_included() {
    UsagePeriod p = UsagePeriod.parse(null, "", LATE_ON_THE_LAST_OF_FEBRUARY);
    assertThat(p)
        .isEqualTo(new UsagePeriod(LocalDate.parse("2028-02-01"), LocalDate.parse("2028-02-29")));
    assertThat(p.start()).isEqualTo(Instant.parse("2028-02-01T00:00:00Z"));
    assertThat(p.end()).isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
    assertThat(p.days()).isEqualTo(29);
    assertThat(p.daysLeftAfter(LocalDate.parse("2028-02-29"))).isZero();
    assertThat(p.daysLeftAfter(LocalDate.parse("2028-02-10"))).isEqualTo(19);
    assertThat(p.daysLeftAfter(LocalDate.parse("2028-01-10"))).isEqualTo(29);
  }

  @Test
  void a_missing_to_ends_the_month_of_from_and_one_day_is_a_range() {
    assertThat(UsagePeriod.parse("2026-11-15", null, LATE_ON_THE_LAST_OF_FEBRUARY).to())
        .isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(UsagePeriod.parse("2026-11-15", "2026-11-15", LATE_ON_THE_LAST_OF_FEBRUARY).days())
        .isEqualTo(1);
  }

  @Test
  void bad_reversed_and_too_long_ranges_name_the_parameter() {
    assertThatThrownBy(() -> UsagePeriod.parse("2026-13-01", null, LATE_ON_THE_LAST_OF_FEBRUARY))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("yyyy-MM-dd")
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("from");
    assertThatThrownBy(
            () -> UsagePeriod.parse("2026-11-01", "tomorrow", LATE_ON_THE_LAST_OF_FEBRUARY))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("to");
    assertThatThrownBy(
            () -> UsagePeriod.parse("2026-11-10", "2026-11-09", LATE_ON_THE_LAST_OF_FEBRUARY))
        .hasMessageContaining("before")
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("to");
    assertThat(UsagePeriod.parse("2028-01-01", "2028-12-31", LATE_ON_THE_LAST_OF_FEBRUARY).days())
        .isEqualTo(366);
    assertThatThrownBy(
            () -> UsagePeriod.parse("2026-01-01", "2027-01-02", LATE_ON_THE_LAST_OF_FEBRUARY))
        .hasMessageContaining("366")
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("to");
  }
}
