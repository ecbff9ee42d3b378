package io.omnireach.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.db.Transactions;
import io.omnireach.mail.MailBrand;
import io.omnireach.mail.MailTemplates;
import io.omnireach.mail.SystemMail;
import io.omnireach.mail.SystemMailRelay;
import io.omnireach.testing.TestDatabase;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the server does with system mail when OMNIREACH_SMTP_* is missing or incomplete: dev mode
 * writes each mail to the log and marks it sent; production warns at start and keeps it queued.
 */
class SystemMailServicesTest {

  static TestDatabase db;
  static Transactions tx;
  final List<LogRecord> logged = new ArrayList<>();
  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void setUp() {
    db = TestDatabase.migrated();
    tx = db.transactions();
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void listen() {
    Logger.getLogger(SystemMailServices.class.getName()).addHandler(capture);
    tx.platform(c -> c.createStatement().executeUpdate("delete from system_mail"));
  }

  @AfterEach
  void stopListening() {
    Logger.getLogger(SystemMailServices.class.getName()).removeHandler(capture);
  }

  static SystemMailRelay relay(Optional<String> host, Optional<String> from, boolean devMode) {
    return new SystemMailServices()
        .systemMailRelay(
            tx,
            Clock.systemUTC(),
            host,
            587,
            Optional.empty(),
            Optional.empty(),
            from,
            true,
            devMode);
  }

  static void queueReset() {
    SystemMail mail = new SystemMail(Clock.systemUTC(), "http://localhost:9080", t -> null);
    tx.platform(
        c ->
            mail.enqueue(
                c,
                "password-reset:1",
                SystemMail.Kind.PASSWORD_RESET,
                "dev@acme.test",
                MailTemplates.passwordReset(
                    MailBrand.PLATFORM,
                    "http://localhost:9080/reset-password?token=abc",
                    java.time.Duration.ofMinutes(30))));
  }

  static String status() {
    return tx.platform(
        c -> {
          try (ResultSet rs = c.createStatement().executeQuery("select status from system_mail")) {
            rs.next();
            return rs.getString(1);
          }
        });
  }

  @Test
  void dev_mode_without_smtp_writes_each_mail_with_its_link_to_the_log() {
    SystemMailRelay relay = relay(Optional.empty(), Optional.empty(), true);
    queueReset();
    assertThat(relay.relayDue(10)).isEqualTo(1);
    assertThat(status()).isEqualTo("SENT");
    assertThat(logged)
        .anySatisfy(
            r ->
                assertThat(r.getMessage())
                    .contains("dev@acme.test", "reset-password?token=abc", "not sent"));
  }

  @Test
  void production_without_smtp_warns_and_keeps_mails_queued() {
    SystemMailRelay relay = relay(Optional.empty(), Optional.empty(), false);
    assertThat(logged)
        .anySatisfy(r -> assertThat(r.getMessage()).contains("OMNIREACH_SMTP_HOST is not set"));
    queueReset();
    assertThat(relay.relayDue(10)).isZero();
    assertThat(status()).isEqualTo("QUEUED");
  }

  @Test
  void a_host_without_a_valid_sender_is_refused_with_a_clear_warning() {
    SystemMailRelay relay =
        relay(Optional.of("smtp.example.com"), Optional.of("not a sender"), false);
    assertThat(relay.configured()).isFalse();
    assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).contains("OMNIREACH_SMTP_FROM"));
  }
}
