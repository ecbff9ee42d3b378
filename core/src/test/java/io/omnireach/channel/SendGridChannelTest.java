package io.omnireach.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Migrations;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SendGrid adapter through the relay: SendGrid's official Java client talking to a local
 * WireMock fake of {@code POST /v3/mail/send} — the request's shape and the status mapping.
 */
class SendGridChannelTest {

  static final String API_KEY = "SG.test-" + UUID.randomUUID();
  static WireMockServer sendGrid;
  static TestDatabase db;
  static TenantRef acme;
  static LeadRepository leads;
  static Mailboxes mailboxes;
  static Messages messages;
  static MessageRelay relay;
  static SecretBox secrets = SecretBox.fromBase64(SecretBox.newKey());
  static ChannelAdapters adapters = new ChannelAdapters();
  static Mailbox box;

  @BeforeAll
  static void setUp() {
    sendGrid = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    sendGrid.start();
    db = TestDatabase.migrated();
    long id =
        db.transactions()
            .platform(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into tenants (slug, display_name, status)"
                              + " values ('acme', 'Acme', 'ACTIVE') returning id")) {
                    var rs = ps.executeQuery();
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    acme = new TenantRef(id, "acme");
    Migrations.migrateTenant(db.dataSource(), acme.schema());
    Clock clock = Clock.systemUTC();
    leads = new LeadRepository(db.transactions(), clock);
    HostPolicy hosts = new HostPolicy(true);
    mailboxes = new Mailboxes(db.transactions(), secrets, hosts);
    messages = new Messages(db.transactions(), clock);
    relay =
        new MessageRelay(
            db.transactions(),
            mailboxes,
            new UnsubscribeTokens(secrets),
            new TrackingLinks(secrets),
            hosts,
            adapters,
            "https://reach.example",
            clock);
    box =
        mailboxes.create(
            acme,
            new MailboxDraft(
                    "SendGrid", null, null, null, null, null, "elena@acme.example", "Elena", 100)
                .withSendGrid(API_KEY, "http://127.0.0.1:" + sendGrid.port()),
            "admin");
  }

  @AfterAll
  static void tearDown() {
    adapters.close();
    sendGrid.stop();
    db.close();
  }

  @BeforeEach
  void reset() {
    sendGrid.resetAll();
  }

  static MessageView queue(String subject) {
    long lead =
        leads
            .create(
                acme,
                new LeadDraft()
                    .set(LeadField.FIRST_NAME, "Ana")
                    .set(
                        LeadField.EMAIL,
                        "ana-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example"),
                "t")
            .id();
    return messages.queue(
        acme, lead, box.id(), subject, "Hi Ana,\nsee https://acme.example", null, "s");
  }

  static void answer(int status, String body) {
    sendGrid.stubFor(
        post(urlEqualTo("/v3/mail/send"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Message-Id", "sg-abc123")
                    .withBody(body)));
  }

  @Test
  void a_sendgrid_mailbox_keeps_its_key_sealed_and_needs_one() {
    assertThat(box.provider()).isEqualTo("sendgrid");
    assertThat(box.hasApiKey()).isTrue();
    assertThat(box.host()).isNull();
    String stored =
        db.transactions()
            .tenant(
                acme,
                c -> {
                  var rs =
                      c.createStatement()
                          .executeQuery("select api_key_enc from mailboxes where id = " + box.id());
                  rs.next();
                  return rs.getString(1);
                });
    assertThat(stored).doesNotContain(API_KEY);
    assertThat(secrets.decrypt(stored)).isEqualTo(API_KEY);
    assertThatThrownBy(
            () ->
                mailboxes.create(
                    acme,
                    new MailboxDraft("x", null, null, null, null, null, "a@b.example", null, 5)
                        .withSendGrid(null, null),
                    "admin"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("apiKey"));
    assertThatThrownBy(
            () ->
                mailboxes.create(
                    acme,
                    new MailboxDraft("y", null, null, null, null, null, "a@b.example", null, 5)
                        .withSendGrid("k", "ftp://x.example"),
                    "admin"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("apiBaseUrl"));
  }

  @Test
  void a_202_is_sent_and_the_request_carries_parts_headers_and_our_ids() throws Exception {
    answer(202, "");
    MessageView first = queue("Hello from SendGrid");
    assertThat(relay.relay(acme, first.id())).isEqualTo(MessageView.Status.SENT);
    assertThat(messages.get(acme, first.id()).reply()).isEqualTo("202 accepted sg-abc123");
    long leadId = messages.get(acme, first.id()).leadId();
    MessageView followUp =
        messages.queue(
            acme,
            leadId,
            box.id(),
            null,
            "Following up.",
            null,
            "s",
            m -> m.withThreadOf(first.id()));
    assertThat(relay.relay(acme, followUp.id())).isEqualTo(MessageView.Status.SENT);

    sendGrid.verify(
        2,
        postRequestedFor(urlEqualTo("/v3/mail/send"))
            .withHeader("Authorization", equalTo("Bearer " + API_KEY))
            .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email"))
            .withRequestBody(matchingJsonPath("$.from.email", equalTo("elena@acme.example"))));
    List<LoggedRequest> requests = sendGrid.findAll(postRequestedFor(urlEqualTo("/v3/mail/send")));
    JsonNode mail = new ObjectMapper().readTree(requests.get(1).getBodyAsString());
    assertThat(mail.at("/subject").asText()).isEqualTo("Re: Hello from SendGrid");
    assertThat(mail.at("/from/name").asText()).isEqualTo("Elena");
    assertThat(mail.at("/content/0/type").asText()).isEqualTo("text/plain");
    assertThat(mail.at("/content/0/value").asText()).contains("Following up.", "Unsubscribe: ");
    assertThat(mail.at("/content/1/type").asText()).isEqualTo("text/html");
    assertThat(mail.at("/content/1/value").asText()).contains("/t/o/", "Unsubscribe</a>");
    JsonNode headers = mail.at("/headers");
    String firstId =
        new ObjectMapper()
            .readTree(requests.get(0).getBodyAsString())
            .at("/headers/Message-ID")
            .asText();
    assertThat(firstId).matches("<[0-9a-f-]{36}@omnireach>");
    assertThat(headers.get("In-Reply-To").asText()).isEqualTo(firstId);
    assertThat(headers.get("References").asText()).isEqualTo(firstId);
    assertThat(headers.get("List-Unsubscribe").asText()).startsWith("<https://reach.example/");
    assertThat(headers.get("List-Unsubscribe-Post").asText())
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(headers.get("X-OmniReach-Idempotency-Key").asText()).startsWith("acme:api:");
    assertThat(mail.at("/custom_args/omnireach_message_id").asText())
        .isEqualTo(Long.toString(followUp.id()));
    assertThat(mail.at("/custom_args/omnireach_tenant").asText()).isEqualTo("acme");
    assertThat(mail.at("/tracking_settings/click_tracking/enable").asBoolean(true)).isFalse();
  }

  @Test
  void a_429_or_500_is_retried_later() {
    answer(429, "{\"errors\":[{\"message\":\"too many requests\",\"field\":null}]}");
    MessageView m = queue("Busy");
    assertThat(relay.relay(acme, m.id())).isEqualTo(MessageView.Status.QUEUED);
    MessageView retry = messages.get(acme, m.id());
    assertThat(retry.notBefore()).isNotNull();
    assertThat(retry.events().get(retry.events().size() - 1).detail())
        .startsWith("attempt 1 of 5 failed: 429 too many requests; next try ");

    answer(503, "<html>upstream down</html>");
    MessageView n = queue("Down");
    assertThat(relay.relay(acme, n.id())).isEqualTo(MessageView.Status.QUEUED);
    assertThat(messages.get(acme, n.id()).reply())
        .startsWith("503 ")
        .doesNotContain("upstream down");
  }

  @Test
  void an_answer_that_is_not_a_sendgrid_error_is_not_shown_to_the_tenant() {
    // e.g. apiBaseUrl pointed at an internal service: its page must not come back to the tenant
    answer(404, "<html><title>Jenkins</title>build secret AKIA-EXAMPLE-KEY</html>");
    MessageView m = queue("Internal");
    assertThat(relay.relay(acme, m.id())).isEqualTo(MessageView.Status.FAILED);
    MessageView failed = messages.get(acme, m.id());
    assertThat(failed.reply())
        .startsWith("404 ")
        .contains("not a SendGrid error")
        .doesNotContain("Jenkins", "AKIA");
    assertThat(failed.events().get(failed.events().size() - 1).detail())
        .doesNotContain("Jenkins", "AKIA");
  }

  @Test
  void a_400_401_or_403_fails_at_once_with_sendgrids_message() {
    answer(
        400,
        "{\"errors\":[{\"message\":\"The from address does not match a verified Sender"
            + " Identity.\",\"field\":\"from\",\"help\":null}]}");
    MessageView m = queue("Unverified");
    assertThat(relay.relay(acme, m.id())).isEqualTo(MessageView.Status.FAILED);
    MessageView failed = messages.get(acme, m.id());
    assertThat(failed.reason()).isEqualTo("SEND_FAILED");
    assertThat(failed.reply())
        .isEqualTo("400 The from address does not match a verified Sender Identity. (from)");

    answer(401, "{\"errors\":[{\"message\":\"The provided authorization grant is invalid\"}]}");
    MessageView n = queue("Bad key");
    assertThat(relay.relay(acme, n.id())).isEqualTo(MessageView.Status.FAILED);
    assertThat(messages.get(acme, n.id()).reply())
        .isEqualTo("401 The provided authorization grant is invalid");
  }

  @Test
  void an_unreachable_api_is_a_transient_failure() {
    SmtpSettings nowhere =
        new SmtpSettings(
            null,
            0,
            true,
            null,
            null,
            "a@b.example",
            null,
            1,
            "sendgrid",
            "k",
            "http://127.0.0.1:1",
            null,
            null,
            null);
    SendResult r =
        new SendGridChannel(nowhere)
            .send(
                new OutboundMessage(
                    "acme",
                    "<x@omnireach>",
                    "k",
                    "a@b.example",
                    "c@d.example",
                    "S",
                    "t",
                    "<p>h</p>",
                    null));
    assertThat(r.accepted()).isFalse();
    assertThat(r.retryable()).isTrue();
    assertThat(r.reply()).startsWith("SendGrid unreachable");
  }

  @Test
  void a_messages_files_go_base64_as_attachments() throws Exception {
    answer(202, "");
    MessageView queued = queue("Your order form");
    byte[] pdf = "%PDF-1.4 order form".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    db.transactions()
        .tenant(
            acme,
            c -> {
              MessageAttachments.add(
                  c, queued.id(), List.of(new Attachment("order.pdf", "application/pdf", pdf)));
              return null;
            });
    assertThat(relay.relay(acme, queued.id())).isEqualTo(MessageView.Status.SENT);
    JsonNode mail =
        new ObjectMapper()
            .readTree(
                sendGrid
                    .findAll(postRequestedFor(urlEqualTo("/v3/mail/send")))
                    .get(0)
                    .getBodyAsString());
    assertThat(mail.at("/attachments/0/filename").asText()).isEqualTo("order.pdf");
    assertThat(mail.at("/attachments/0/type").asText()).isEqualTo("application/pdf");
    assertThat(mail.at("/attachments/0/disposition").asText()).isEqualTo("attachment");
    assertThat(java.util.Base64.getDecoder().decode(mail.at("/attachments/0/content").asText()))
        .isEqualTo(pdf);
  }
}
