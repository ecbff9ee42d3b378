package io.omnireach.channel.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.channel.Mailbox;
import io.omnireach.channel.MailboxDraft;
import io.omnireach.channel.UnsubscribeTokens;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scheduled poll ({@link ImapPoller#pollTenant}) with a mailbox whose IMAP server is down next
 * to the fixture's working one: the broken one sits out 1, then 2 polls, other settings and a
 * manual poll bring it back at once; the working one is polled every time.
 */
class ImapPollerBackoffTest extends InboundFixture {

  @Test
  void a_mailbox_that_cannot_be_reached_sits_out_scheduled_polls_until_something_changes()
      throws Exception {
    int down = freePort();
    Mailbox broken =
        mailboxes.create(
            acme,
            new MailboxDraft(
                "Broken",
                "127.0.0.1",
                mail.getSmtp().getPort(),
                "nobody",
                "wrong-pw",
                false,
                "broken@acme.example",
                "Nobody",
                100),
            "admin");
    imap.configure(
        acme, broken.id(), new ImapMailboxes.Draft("127.0.0.1", down, false, null), "admin");
    ImapPoller scheduled =
        new ImapPoller(
            imap,
            new InboundProcessor(
                db.transactions(), new ReplyClassifier(), new UnsubscribeTokens(secrets), clock));

    // tried (fails), sits out 1, tried (fails), sits out 2, tried
    assertThat(failedPerPoll(scheduled, 6)).containsExactly(1, 0, 1, 0, 0, 1);

    // the working mailbox is read on every poll meanwhile: a reply arriving now is stored next
    Sent sent = send("Olga");
    deliver(reply(sent, "Interested, call me."));
    PollResult next = scheduled.pollTenant(acme);
    assertThat(next.stored()).isEqualTo(1);
    assertThat(next.failed()).as("the broken one sits out 4 polls now").isZero();

    // other settings: tried on the very next poll, and the count starts again at 1
    imap.configure(
        acme, broken.id(), new ImapMailboxes.Draft("127.0.0.1", freePort(), false, null), "admin");
    assertThat(failedPerPoll(scheduled, 3)).containsExactly(1, 0, 1);

    // a manual "poll now" (it fails, and says so) puts it back on the next scheduled poll
    assertThatThrownBy(() -> scheduled.poll(acme, broken.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connection refused");
    assertThat(failedPerPoll(scheduled, 3)).containsExactly(1, 0, 1);
  }

  private static List<Integer> failedPerPoll(ImapPoller poller, int polls) {
    List<Integer> failed = new ArrayList<>();
    for (int i = 0; i < polls; i++) {
      failed.add(poller.pollTenant(acme).failed());
    }
    return failed;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
