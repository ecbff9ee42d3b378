package io.omnireach.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Migrations;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signed links (unsubscribe, click, open) belong to the tenant that sent the message, not to its
 * slug: after a tenant is deleted and another one is created with the same slug (its message ids
 * start again at 1), the old links are refused and change nothing in the new tenant.
 */
class SignedLinksTenantBindingTest {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("sender", "s3cret-pw"))
          .withPerMethodLifecycle(false);

  static TestDatabase db;
  static final SecretBox SECRETS = SecretBox.fromBase64(SecretBox.newKey());
  static final Clock CLOCK = Clock.systemUTC();
  static Unsubscribes unsubscribes;
  static Tracking tracking;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.migrated();
    TenantDirectory directory = new TenantDirectory(db.transactions());
    unsubscribes =
        new Unsubscribes(db.transactions(), directory, new UnsubscribeTokens(SECRETS), CLOCK);
    tracking = new Tracking(db.transactions(), directory, new TrackingLinks(SECRETS), CLOCK);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  record Links(long messageId, String unsubscribe, String click, String open) {}

  @Test
  void links_of_a_deleted_tenant_are_refused_by_the_new_tenant_with_the_same_slug()
      throws Exception {
    TenantRef old = createTenant("acme");
    Links oldLinks = sendOne(old, "old-lead@leads.example");
    assertThat(tracking.click(oldLinks.click())).hasValue("https://acme.example/pricing");

    deleteTenant(old);
    TenantRef reborn = createTenant("acme");
    assertThat(reborn.id()).isNotEqualTo(old.id());
    Links newLinks = sendOne(reborn, "new-lead@leads.example");
    assertThat(newLinks.messageId()).isEqualTo(oldLinks.messageId()); // same id, other tenant

    assertThat(unsubscribes.recipient(oldLinks.unsubscribe())).isEmpty();
    assertThat(unsubscribes.unsubscribe(oldLinks.unsubscribe())).isFalse();
    assertThat(tracking.click(oldLinks.click())).isEmpty();
    assertThat(tracking.open(oldLinks.open())).isFalse();
    assertThat(suppressions(reborn)).isZero();
    assertThat(events(reborn, newLinks.messageId())).isZero();

    // the new tenant's own links work
    assertThat(tracking.click(newLinks.click())).hasValue("https://acme.example/pricing");
    assertThat(unsubscribes.unsubscribe(newLinks.unsubscribe())).isTrue();
    assertThat(suppressions(reborn)).isEqualTo(1);
  }

  static TenantRef createTenant(String slug) {
    long id =
        db.transactions()
            .platform(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into tenants (slug, display_name, status)"
                              + " values (?, 'Acme', 'ACTIVE') returning id")) {
                    ps.setString(1, slug);
                    try (ResultSet rs = ps.executeQuery()) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  }
                });
    TenantRef tenant = new TenantRef(id, slug);
    Migrations.migrateTenant(db.dataSource(), tenant.schema());
    return tenant;
  }

  static void deleteTenant(TenantRef tenant) {
    db.transactions()
        .platform(
            c -> {
              c.createStatement().execute("drop schema " + tenant.schema() + " cascade");
              c.createStatement().executeUpdate("delete from tenants where id = " + tenant.id());
              return null;
            });
  }

  static Links sendOne(TenantRef tenant, String email) throws Exception {
    HostPolicy hosts = new HostPolicy(true);
    Mailboxes mailboxes = new Mailboxes(db.transactions(), SECRETS, hosts);
    Messages messages = new Messages(db.transactions(), CLOCK);
    MessageRelay relay =
        new MessageRelay(
            db.transactions(),
            mailboxes,
            new UnsubscribeTokens(SECRETS),
            new TrackingLinks(SECRETS),
            hosts,
            SmtpChannel::new,
            "https://reach.example/",
            CLOCK);
    long leadId =
        new LeadRepository(db.transactions(), CLOCK)
            .create(
                tenant,
                new LeadDraft().set(LeadField.FIRST_NAME, "Maria").set(LeadField.EMAIL, email),
                "t")
            .id();
    Mailbox box =
        mailboxes.create(
            tenant,
            new MailboxDraft(
                "Sales",
                "127.0.0.1",
                smtp.getSmtp().getPort(),
                "sender",
                "s3cret-pw",
                false,
                "sales@acme.example",
                "Elena Marsh",
                100),
            "admin");
    MessageView q =
        messages.queue(
            tenant, leadId, box.id(), "Hello", "See https://acme.example/pricing", null, "s");
    assertThat(relay.relay(tenant, q.id())).isEqualTo(MessageView.Status.SENT);
    MimeMessage sent =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return m.getAllRecipients()[0].toString().equals(email);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .findFirst()
            .orElseThrow();
    String source = new String(sent.getRawInputStream().readAllBytes());
    return new Links(
        q.id(),
        find(sent.getHeader("List-Unsubscribe", null), "/unsubscribe/([A-Za-z0-9._-]+)>"),
        find(source, "/t/c/([A-Za-z0-9._-]+)\""),
        find(source, "/t/o/([A-Za-z0-9._-]+)\\.gif"));
  }

  static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text.replace("=\r\n", "").replace("=3D", "="));
    assertThat(m.find()).as(regex + " in " + text).isTrue();
    return m.group(1);
  }

  static long suppressions(TenantRef tenant) {
    return count(tenant, "select count(*) from suppressions");
  }

  static long events(TenantRef tenant, long messageId) {
    return count(
        tenant,
        "select count(*) from message_events where message_id = "
            + messageId
            + " and type in ('CLICKED', 'OPENED', 'UNSUBSCRIBED')");
  }

  static long count(TenantRef tenant, String sql) {
    return db.transactions()
        .tenant(
            tenant,
            c -> {
              try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }
}
