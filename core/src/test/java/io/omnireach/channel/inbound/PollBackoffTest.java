package io.omnireach.channel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollBackoffTest {

  static final String ACME = "tenant_acme";
  static final int SETTINGS = 17;

  final PollBackoff backoff = new PollBackoff();

  /** Polls until the mailbox is due again; returns how many it sat out. */
  int sitsOut(String tenant, long mailbox, int settings) {
    int skipped = 0;
    while (!backoff.due(tenant, mailbox, settings)) {
      skipped++;
      assertThat(skipped).as("never due again").isLessThanOrEqualTo(PollBackoff.MAX_SKIPS);
    }
    return skipped;
  }

  @Test
  void a_mailbox_that_never_failed_is_polled_every_time() {
    for (int i = 0; i < 5; i++) {
      assertThat(backoff.due(ACME, 1, SETTINGS)).isTrue();
    }
  }

  @Test
  void failures_in_a_row_sit_out_1_2_4_up_to_64_polls() {
    int[] expected = {1, 2, 4, 8, 16, 32, 64, 64, 64};
    for (int want : expected) {
      assertThat(backoff.failed(ACME, 1, SETTINGS)).isEqualTo(want);
      assertThat(sitsOut(ACME, 1, SETTINGS)).isEqualTo(want);
      // due now, and stays due until the next result
      assertThat(backoff.due(ACME, 1, SETTINGS)).isTrue();
    }
  }

  @Test
  void a_success_puts_the_mailbox_back_on_every_poll_and_the_count_starts_again() {
    backoff.failed(ACME, 1, SETTINGS);
    sitsOut(ACME, 1, SETTINGS);
    backoff.failed(ACME, 1, SETTINGS);
    sitsOut(ACME, 1, SETTINGS);
    assertThat(backoff.failed(ACME, 1, SETTINGS)).isEqualTo(4);
    assertThat(sitsOut(ACME, 1, SETTINGS)).isEqualTo(4);

    backoff.succeeded(ACME, 1);
    assertThat(backoff.due(ACME, 1, SETTINGS)).isTrue();
    assertThat(backoff.failed(ACME, 1, SETTINGS)).isEqualTo(1);
  }

  @Test
  void a_manual_poll_now_ends_the_wait_at_once() {
    for (int i = 0; i < 6; i++) {
      backoff.failed(ACME, 1, SETTINGS);
    }
    assertThat(backoff.due(ACME, 1, SETTINGS)).isFalse();

    backoff.reset(ACME, 1);
    assertThat(backoff.due(ACME, 1, SETTINGS)).isTrue();
    assertThat(backoff.failed(ACME, 1, SETTINGS)).isEqualTo(1);
  }

  @Test
  void other_settings_end_the_wait_and_start_the_count_again() {
    for (int i = 0; i < 6; i++) {
      backoff.failed(ACME, 1, SETTINGS);
    }
    assertThat(backoff.due(ACME, 1, SETTINGS)).isFalse();

    assertThat(backoff.due(ACME, 1, SETTINGS + 1)).isTrue();
    assertThat(backoff.failed(ACME, 1, SETTINGS + 1)).isEqualTo(1);
    // a failure under the new settings does not continue the old count either
    assertThat(sitsOut(ACME, 1, SETTINGS + 1)).isEqualTo(1);
  }

  @Test
  void each_mailbox_of_each_tenant_counts_on_its_own() {
    backoff.failed(ACME, 1, SETTINGS);
    backoff.failed(ACME, 1, SETTINGS);

    assertThat(backoff.due(ACME, 2, SETTINGS)).isTrue();
    assertThat(backoff.due("tenant_globex", 1, SETTINGS)).isTrue();
    assertThat(backoff.failed("tenant_globex", 1, SETTINGS)).isEqualTo(1);
    assertThat(sitsOut(ACME, 1, SETTINGS)).isEqualTo(2);
  }
}
