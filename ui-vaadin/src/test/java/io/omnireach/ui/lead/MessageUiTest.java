package io.omnireach.ui.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.channel.MessageView;
import io.omnireach.channel.MessageView.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageUiTest {

  static MessageView message(Status status, String reason, String reply) {
    return new MessageView(
        1, 2L, 3L, "a@x.example", "S", status, reason, reply, Instant.EPOCH, null, List.of());
  }

  @Test
  void block_and_failure_reasons_read_as_plain_words() {
    assertThat(MessageUi.reason(message(Status.BLOCKED, "UNSUBSCRIBED", null)))
        .isEqualTo("Not sent: this person unsubscribed");
    assertThat(MessageUi.reason(message(Status.BLOCKED, "DO_NOT_CONTACT", null)))
        .isEqualTo("Not sent: this lead is marked do not contact");
    assertThat(MessageUi.reason(message(Status.BLOCKED, "DAILY_CAP", null)))
        .startsWith("Not sent: the mailbox reached its daily cap");
    assertThat(MessageUi.reason(message(Status.FAILED, "SEND_FAILED", "550 no such user")))
        .isEqualTo("Not sent: the mail server refused it (550 no such user)");
    assertThat(MessageUi.reason(message(Status.BLOCKED, "SOMETHING_NEW", null)))
        .isEqualTo("Not sent: something new");
    assertThat(MessageUi.reason(message(Status.SENT, null, "250 OK"))).isNull();
  }

  @Test
  void only_queued_and_sending_messages_keep_the_page_polling() {
    assertThat(MessageUi.pending(message(Status.QUEUED, null, null))).isTrue();
    assertThat(MessageUi.pending(message(Status.SENDING, null, null))).isTrue();
    assertThat(MessageUi.pending(message(Status.SENT, null, null))).isFalse();
    assertThat(MessageUi.pending(message(Status.BLOCKED, "DAILY_CAP", null))).isFalse();
    assertThat(MessageUi.theme(Status.FAILED)).contains("error");
    assertThat(MessageUi.event("UNSUBSCRIBED")).isEqualTo("Unsubscribed");
  }

  @Test
  void a_deferred_or_retrying_message_says_when_and_does_not_keep_the_page_polling() {
    Instant at = Instant.parse("2026-11-30T08:00:00Z");
    MessageView deferred =
        new MessageView(
            1,
            2L,
            3L,
            "a@x.example",
            "S",
            Status.QUEUED,
            null,
            null,
            Instant.EPOCH,
            null,
            List.of(),
            null,
            null,
            at,
            0);
    assertThat(MessageUi.waiting(deferred)).startsWith("Scheduled for ");
    MessageView retrying =
        new MessageView(
            1,
            2L,
            3L,
            "a@x.example",
            "S",
            Status.QUEUED,
            null,
            "421 busy",
            Instant.EPOCH,
            null,
            List.of(),
            null,
            null,
            at,
            2);
    assertThat(MessageUi.waiting(retrying)).startsWith("Retrying at ").endsWith(" · attempt 3");
    assertThat(MessageUi.waiting(message(Status.QUEUED, null, null))).isNull();
    assertThat(MessageUi.waitsUntil(deferred, at.minusSeconds(60))).isTrue();
    assertThat(MessageUi.waitsUntil(deferred, at)).isFalse();
    assertThat(MessageUi.reason(message(Status.BLOCKED, "NO_SEND_SLOT", null)))
        .startsWith("Not sent: its send window");
  }
}
