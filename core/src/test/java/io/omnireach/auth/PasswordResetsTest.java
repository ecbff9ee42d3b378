package io.omnireach.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.mail.MailBrand;
import io.omnireach.mail.SystemMail;
import io.omnireach.testing.TestDatabase;
import io.omnireach.user.PasswordHasher;
import io.omnireach.user.UserDirectory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password reset tokens against real PostgreSQL with a clock the test moves: the link is queued in
 * the system mail outbox with the token row, only the hash is stored, links expire after 30
 * minutes, a newer link voids the older, and a used link calls the revocation hook once.
 */
class PasswordResetsTest {

  static final class TestClock extends Clock {
    volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static TestDatabase db;
  static Transactions tx;
  static TestClock clock = new TestClock();
  static List<Long> changed = new ArrayList<>();
  static PasswordResets resets;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.migrated();
    tx = db.transactions();
    resets =
        new PasswordResets(
            tx,
            new SystemMail(clock, "https://reach.example", t -> MailBrand.PLATFORM),
            LoginThrottle.standard(clock),
            clock,
            changed::add);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  static long user(String email, String password) {
    return tx.platform(c -> UserDirectory.createUser(c, email, "Some One", password, null, null));
  }

  /** The token of the newest reset mail queued for an address. */
  static String mailedToken(String email) {
    String text =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select body_text from system_mail where recipient = ?"
                          + " and kind = 'PASSWORD_RESET' order by id desc limit 1")) {
                ps.setString(1, email);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getString(1) : null;
                }
              }
            });
    if (text == null) {
      return null;
    }
    Matcher m =
        Pattern.compile("https://reach.example/reset-password\\?token=([A-Za-z0-9_-]+)")
            .matcher(text);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static String storedHash(long userId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select password_hash from users where id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }

  @Test
  void a_reset_link_is_queued_with_its_token_stored_only_as_a_hash_and_works_once() {
    changed.clear();
    long id = user("ann@reach.test", "ann-old-passphrase");
    resets.request(" Ann@Reach.test ", "10.0.0.1");
    String token = mailedToken("ann@reach.test");
    assertThat(token).hasSizeGreaterThan(40);
    String stored =
        tx.platform(
            c -> {
              try (ResultSet rs =
                  c.createStatement()
                      .executeQuery("select string_agg(token_hash, ',') from password_resets")) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertThat(stored).doesNotContain(token).contains(PasswordResets.sha256(token));

    assertThat(resets.confirm(token, "ann-new-passphrase", "10.0.0.1")).isEqualTo(id);
    assertThat(PasswordHasher.matches("ann-new-passphrase", storedHash(id))).isTrue();
    assertThat(changed).containsExactly(id);
    assertThatThrownBy(() -> resets.confirm(token, "ann-third-passphrase", "10.0.0.1"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("already used");
    assertThat(changed).containsExactly(id);
  }

  @Test
  void a_link_expires_after_thirty_minutes_and_a_newer_link_voids_the_older() {
    long id = user("bob@reach.test", "bob-old-passphrase");
    resets.request("bob@reach.test", "10.0.0.2");
    String first = mailedToken("bob@reach.test");
    clock.now = clock.now.plusSeconds(1);
    resets.request("bob@reach.test", "10.0.0.2");
    String second = mailedToken("bob@reach.test");
    assertThat(second).isNotEqualTo(first);
    assertThatThrownBy(() -> resets.confirm(first, "bob-new-passphrase", "10.0.0.2"))
        .isInstanceOf(DomainException.class);

    clock.now = clock.now.plus(Duration.ofMinutes(31));
    assertThatThrownBy(() -> resets.confirm(second, "bob-new-passphrase", "10.0.0.2"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("expired");
    assertThat(PasswordHasher.matches("bob-old-passphrase", storedHash(id))).isTrue();
  }

  @Test
  void an_unknown_email_queues_nothing_and_looks_the_same_to_the_caller() {
    resets.request("nobody@reach.test", "10.0.0.3");
    assertThat(mailedToken("nobody@reach.test")).isNull();
  }

  @Test
  void a_weak_password_is_refused_before_the_token_is_used() {
    long id = user("cat@reach.test", "cat-old-passphrase");
    resets.request("cat@reach.test", "10.0.0.4");
    String token = mailedToken("cat@reach.test");
    assertThatThrownBy(() -> resets.confirm(token, "short", "10.0.0.4"))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("password");
    assertThat(resets.confirm(token, "cat-new-passphrase", "10.0.0.4")).isEqualTo(id);
  }
}
