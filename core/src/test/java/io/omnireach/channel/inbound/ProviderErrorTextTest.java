package io.omnireach.channel.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.channel.Mailbox;
import io.omnireach.channel.MailboxDraft;
import io.omnireach.channel.MessageView;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mailbox pointed at an internal service (here a plain TCP server on loopback that answers like
 * an HTTP admin page): the error the tenant sees says what went wrong in general terms and never
 * repeats the service's answer; the detail goes to the server log.
 */
class ProviderErrorTextTest extends InboundFixture {

  static final String SECRET = "X-Internal-Admin: root-token-0xC0FFEE";
  static ServerSocket internal;
  static Thread answering;

  @BeforeAll
  static void internalService() throws IOException {
    internal = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    answering =
        new Thread(
            () -> {
              while (!internal.isClosed()) {
                try (Socket s = internal.accept();
                    OutputStream out = s.getOutputStream()) {
                  out.write(
                      ("HTTP/1.1 400 Bad Request\r\nServer: internal-admin/2.1\r\n"
                              + SECRET
                              + "\r\n\r\n<html>admin console</html>\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException e) {
                  // closed at the end of the test
                }
              }
            },
            "internal-service");
    answering.setDaemon(true);
    answering.start();
  }

  @AfterAll
  static void stopInternal() throws IOException {
    internal.close();
  }

  @Test
  void a_send_through_a_host_that_is_no_smtp_server_does_not_echo_its_answer() throws Exception {
    Mailbox wrong =
        mailboxes.create(
            acme,
            new MailboxDraft(
                "Internal",
                "127.0.0.1",
                internal.getLocalPort(),
                null,
                null,
                false,
                "sales@acme.example",
                "Elena Marsh",
                100),
            "admin");
    Sent lead = send("Ivy"); // a lead to write to (sent through the working mailbox)
    MessageView q = messages.queue(acme, lead.leadId(), wrong.id(), "Hi", "Hello", null, "sales");
    relay.relay(acme, q.id());
    MessageView m = messages.get(acme, q.id());
    assertThat(m.reply()).isNotBlank().doesNotContain("root-token", "internal-admin", "HTTP/1.1");
    assertThat(m.reply()).contains("did not answer like an SMTP server");
    assertThat(m.events())
        .allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain("root-token"));
  }

  @Test
  void polling_a_host_that_is_no_imap_server_does_not_echo_its_answer() {
    Mailbox wrong =
        mailboxes.create(
            acme,
            new MailboxDraft(
                "Internal IMAP",
                "127.0.0.1",
                mail.getSmtp().getPort(),
                "sender",
                "s3cret-pw",
                false,
                "sales@acme.example",
                "Elena Marsh",
                100),
            "admin");
    imap.configure(
        acme,
        wrong.id(),
        new ImapMailboxes.Draft("127.0.0.1", internal.getLocalPort(), false, null),
        "admin");
    assertThatThrownBy(() -> poller.poll(acme, wrong.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:" + internal.getLocalPort())
        .hasMessageContaining("did not answer like an IMAP server")
        .hasMessageNotContaining("root-token")
        .hasMessageNotContaining("internal-admin");
  }
}
