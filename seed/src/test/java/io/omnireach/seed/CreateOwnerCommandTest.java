package io.omnireach.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.auth.Authenticator;
import io.omnireach.auth.LoginThrottle;
import io.omnireach.dashboard.ActivityFeed;
import io.omnireach.reseller.ResellerDirectory;
import io.omnireach.testing.TestDatabase;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateOwnerCommandTest {

  private TestDatabase db;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void emptyPlatform() {
    db = TestDatabase.migrated();
  }

  @AfterEach
  void drop() {
    db.close();
  }

  private int run(String stdin, String... args) {
    return CreateOwnerCommand.run(
        args,
        db.transactions(),
        null,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void the_first_owner_is_created_from_the_password_on_stdin_and_can_sign_in() {
    int code = run("a-long-owner-passphrase\n", "ops@hosting.example", "--name", "Ops Team");

    assertThat(code).isEqualTo(CreateOwnerCommand.CREATED);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("ops@hosting.example");
    Clock clock = Clock.systemUTC();
    Authenticator authenticator =
        new Authenticator(
            new UserDirectory(db.transactions()),
            new ActivityFeed(db.transactions(), clock),
            LoginThrottle.standard(clock),
            clock,
            outcome -> {},
            new ResellerDirectory(db.transactions()),
            new io.omnireach.audit.AuditLog(db.transactions()));
    AuthenticatedUser owner =
        authenticator.authenticate(
            "ops@hosting.example", "a-long-owner-passphrase", null, "127.0.0.1");
    assertThat(owner.roles()).containsExactly(Role.OWNER);
    assertThat(owner.displayName()).isEqualTo("Ops Team");
  }

  @Test
  void a_second_run_changes_nothing_and_says_an_owner_exists() {
    run("a-long-owner-passphrase\n", "ops@hosting.example");

    int code = run("another-long-passphrase\n", "intruder@hosting.example");

    assertThat(code).isEqualTo(CreateOwnerCommand.OWNER_EXISTS);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("already has an Owner (ops@hosting.example)");
    assertThat(new UserDirectory(db.transactions()).credentials("intruder@hosting.example"))
        .isEmpty();
  }

  @Test
  void weak_passwords_are_refused_and_no_owner_is_made() {
    assertThat(run("short\n", "ops@hosting.example")).isEqualTo(CreateOwnerCommand.BAD_INPUT);
    assertThat(run("Password123\n", "ops@hosting.example")).isEqualTo(CreateOwnerCommand.BAD_INPUT);
    assertThat(run("aaaaaaaaaaaaaaaa\n", "ops@hosting.example"))
        .isEqualTo(CreateOwnerCommand.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("at least 10 characters")
        .contains("common passwords")
        .contains("too repetitive");
    assertThat(new UserDirectory(db.transactions()).credentials("ops@hosting.example")).isEmpty();
  }

  @Test
  void an_empty_stdin_or_a_missing_email_is_a_usage_error() {
    assertThat(run("", "ops@hosting.example")).isEqualTo(CreateOwnerCommand.BAD_INPUT);
    assertThat(run("a-long-owner-passphrase\n")).isEqualTo(CreateOwnerCommand.BAD_INPUT);
    assertThat(run("a-long-owner-passphrase\n", "not-an-email"))
        .isEqualTo(CreateOwnerCommand.BAD_INPUT);
  }
}
