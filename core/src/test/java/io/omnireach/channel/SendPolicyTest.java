package io.omnireach.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.channel.SendPolicy.Block;
import io.omnireach.channel.SendPolicy.Decision;
import io.omnireach.channel.SendPolicy.Defer;
import io.omnireach.channel.SendPolicy.Send;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The outbox's decision without a database: block, defer or send, with the reason. */
class SendPolicyTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  // Wednesday 2026-12-02 15:00 UTC = 10:00 in New York
  static final Instant MORNING_NY = Instant.parse("2026-12-02T15:00:00Z");

  static SendPolicy.Facts sms(String consent, Instant now, SendWindow window) {
    return new SendPolicy.Facts(
        ChannelCapabilities.SMS,
        true,
        false,
        consent,
        null,
        null,
        window,
        NEW_YORK,
        Set.of(),
        0,
        Integer.MAX_VALUE,
        0,
        null);
  }

  static SendPolicy.Facts email(String consent) {
    return new SendPolicy.Facts(
        ChannelCapabilities.EMAIL,
        true,
        false,
        consent,
        null,
        null,
        null,
        NEW_YORK,
        Set.of(),
        0,
        100,
        0,
        null);
  }

  @Test
  void sms_needs_granted_consent_while_email_only_needs_no_denial() {
    assertThat(SendPolicy.decide(sms(null, MORNING_NY, null), MORNING_NY))
        .isEqualTo(new Block("CONSENT_MISSING"));
    assertThat(SendPolicy.decide(sms("unknown", MORNING_NY, null), MORNING_NY))
        .isEqualTo(new Block("CONSENT_MISSING"));
    assertThat(SendPolicy.decide(sms("denied", MORNING_NY, null), MORNING_NY))
        .isEqualTo(new Block("CONSENT_DENIED"));
    assertThat(SendPolicy.decide(sms("granted", MORNING_NY, null), MORNING_NY))
        .isEqualTo(new Send());
    assertThat(SendPolicy.decide(email(null), MORNING_NY)).isEqualTo(new Send());
    assertThat(SendPolicy.decide(email("denied"), MORNING_NY))
        .isEqualTo(new Block("CONSENT_DENIED"));
  }

  @Test
  void do_not_contact_and_a_deleted_lead_come_before_consent() {
    SendPolicy.Facts f = sms("granted", MORNING_NY, null);
    SendPolicy.Facts dnc =
        new SendPolicy.Facts(
            f.channel(),
            true,
            true,
            "granted",
            null,
            null,
            null,
            NEW_YORK,
            Set.of(),
            0,
            Integer.MAX_VALUE,
            0,
            null);
    SendPolicy.Facts gone =
        new SendPolicy.Facts(
            f.channel(),
            false,
            true,
            null,
            null,
            null,
            null,
            NEW_YORK,
            Set.of(),
            0,
            Integer.MAX_VALUE,
            0,
            null);
    assertThat(SendPolicy.decide(dnc, MORNING_NY)).isEqualTo(new Block("DO_NOT_CONTACT"));
    assertThat(SendPolicy.decide(gone, MORNING_NY)).isEqualTo(new Block("LEAD_DELETED"));
  }

  @Test
  void an_sms_at_night_in_the_leads_zone_is_deferred_to_8_am_there_not_dropped() {
    Instant lateNy = Instant.parse("2026-12-03T02:30:00Z"); // 21:30 on Dec 2 in New York
    Decision d = SendPolicy.decide(sms("granted", lateNy, null), lateNy);
    assertThat(d).isInstanceOf(Defer.class);
    Defer defer = (Defer) d;
    assertThat(defer.until()).isEqualTo(Instant.parse("2026-12-03T13:00:00Z")); // 08:00 NY
    assertThat(defer.reason())
        .isEqualTo("quiet hours: sms only 08:00–21:00 America/New_York; next 2026-12-03 08:00");
    // the same instant is fine for an email (no quiet hours)
    assertThat(SendPolicy.decide(email(null), lateNy)).isEqualTo(new Send());
  }

  @Test
  void the_tenant_window_narrows_the_quiet_hours() {
    SendWindow weekdays =
        new SendWindow(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(7, 0),
            LocalTime.of(12, 0));
    // 12:30 NY on Wednesday: past the tenant's end → Thursday 08:00 (quiet hours beat 07:00)
    Instant noonNy = Instant.parse("2026-12-02T17:30:00Z");
    Defer d = (Defer) SendPolicy.decide(sms("granted", noonNy, weekdays), noonNy);
    assertThat(d.until()).isEqualTo(Instant.parse("2026-12-03T13:00:00Z"));
    assertThat(SendPolicy.decide(sms("granted", MORNING_NY, weekdays), MORNING_NY))
        .isEqualTo(new Send());
    // a window wholly inside the quiet hours can never send
    SendWindow night =
        new SendWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.of(22, 0), LocalTime.of(23, 0));
    assertThat(SendPolicy.decide(sms("granted", MORNING_NY, night), MORNING_NY))
        .isEqualTo(new Block("NO_SEND_SLOT"));
  }

  @Test
  void billing_pause_cap_and_holidays_defer_with_the_reason() {
    SendPolicy.Facts paused =
        new SendPolicy.Facts(
            ChannelCapabilities.EMAIL,
            true,
            false,
            null,
            null,
            "the plan's limit is reached",
            null,
            NEW_YORK,
            Set.of(),
            0,
            100,
            0,
            null);
    Defer p = (Defer) SendPolicy.decide(paused, MORNING_NY);
    assertThat(p.until()).isEqualTo(MORNING_NY.plus(SendPolicy.PAUSED_RECHECK));
    assertThat(p.reason()).startsWith("sending paused: the plan's limit is reached");

    SendPolicy.Facts capped =
        new SendPolicy.Facts(
            ChannelCapabilities.EMAIL,
            true,
            false,
            null,
            null,
            null,
            null,
            NEW_YORK,
            Set.of(),
            100,
            100,
            0,
            null);
    Defer c = (Defer) SendPolicy.decide(capped, MORNING_NY);
    assertThat(c.cause()).isEqualTo(SendPolicy.Wait.CAP);
    assertThat(c.until()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));

    SendPolicy.Facts holiday =
        new SendPolicy.Facts(
            ChannelCapabilities.SMS,
            true,
            false,
            "granted",
            null,
            null,
            null,
            NEW_YORK,
            Set.of(LocalDate.of(2026, 12, 2)),
            0,
            Integer.MAX_VALUE,
            0,
            null);
    Defer h = (Defer) SendPolicy.decide(holiday, MORNING_NY);
    assertThat(h.reason()).startsWith("holiday 2026-12-02 in America/New_York");
    assertThat(h.until()).isEqualTo(Instant.parse("2026-12-03T13:00:00Z"));
  }
}
