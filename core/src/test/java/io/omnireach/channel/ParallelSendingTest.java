package io.omnireach.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.usage.SendingGate;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parallel SMTP connections per mailbox (issue 18) against PostgreSQL and GreenMail: a mailbox with
 * N connections sends over N connections at once, and two relays sweeping the same outbox at the
 * same time (two servers) still send every message exactly once.
 */
class ParallelSendingTest {

  static final int CONNECTIONS = 4;
  static final int MESSAGES = 400;

  static TestDatabase db;
  static TenantRef tenant;
  static Mailboxes mailboxes;
  static SecretBox secrets = SecretBox.fromBase64(SecretBox.newKey());
  static HostPolicy hosts = new HostPolicy(true);
  static GreenMail smtp;
  static int port;

  @BeforeAll
  static void setUp() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    db = TestDatabase.migrated();
    long id =
        db.transactions()
            .platform(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into tenants (slug, display_name, status)"
                              + " values ('parallel', 'Parallel', 'ACTIVE') returning id")) {
                    ResultSet rs = ps.executeQuery();
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    tenant = new TenantRef(id, "parallel");
    Migrations.migrateTenant(db.dataSource(), tenant.schema());
    mailboxes = new Mailboxes(db.transactions(), secrets, hosts);
  }

  @AfterAll
  static void tearDown() {
    if (smtp != null) {
      smtp.stop();
    }
    if (db != null) {
      db.close();
    }
  }

  /**
   * Counts the connections the relays open and holds the first {@value #CONNECTIONS} sends until
   * that many are in flight at once: without parallel lanes the first send would wait in vain.
   */
  static final class Probe extends Adapters {
    final AtomicInteger opened = new AtomicInteger();
    final CountDownLatch together = new CountDownLatch(CONNECTIONS);
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    @Override
    Channel wrap(Channel real) {
      opened.incrementAndGet();
      return message -> {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          together.countDown();
          together.await(20, TimeUnit.SECONDS);
          return real.send(message);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return SendResult.failed("interrupted");
        } finally {
          inFlight.decrementAndGet();
        }
      };
    }
  }

  MessageRelay relay(Function<SmtpSettings, Channel> adapters) {
    return relay(adapters, db.transactions());
  }

  @Test
  void aMailboxWithFourConnectionsSendsEveryMessageExactlyOnceOverFourConnectionsAtOnce()
      throws Exception {
    Mailbox box = mailbox("Parallel", "sales@parallel.example", CONNECTIONS);
    assertThat(box.smtpConnections()).isEqualTo(CONNECTIONS);
    queue(box.id());

    // two relays at once, as two servers on one database: each with its own connections
    ExecutorService servers = Executors.newFixedThreadPool(2);
    try (Probe first = new Probe();
        Probe second = new Probe()) {
      Future<Integer> a = servers.submit(() -> relay(first).relayDue(tenant, MESSAGES));
      Future<Integer> b = servers.submit(() -> relay(second).relayDue(tenant, MESSAGES));
      int examined = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
      assertThat(examined).isEqualTo(MESSAGES);
      // a relay that claimed anything (25 at a time) sent over its CONNECTIONS lanes, all in
      // flight at once
      for (Probe p : List.of(first, second)) {
        assertThat(p.opened.get()).isIn(0, CONNECTIONS);
        assertThat(p.maxInFlight.get()).isEqualTo(p.opened.get());
      }
      assertThat(first.opened.get() + second.opened.get()).isGreaterThanOrEqualTo(CONNECTIONS);
    } finally {
      servers.shutdown();
    }

    Map<String, Integer> perRecipient = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
      if (to.startsWith("lead-")) { // not the other tests' messages
        perRecipient.merge(to, 1, Integer::sum);
      }
    }
    assertThat(perRecipient).hasSize(MESSAGES);
    assertThat(perRecipient.values()).containsOnly(1);
    assertThat(
            count(
                "select count(*) from messages where status = 'SENT' and attempts = 1"
                    + " and to_address like 'lead-%'"))
        .isEqualTo(MESSAGES);
    assertThat(count("select count(*) from messages where to_address like 'lead-%'"))
        .isEqualTo(MESSAGES);
    assertThat(
            count(
                "select count(*) from (select e.message_id from message_events e join messages m"
                    + " on m.id = e.message_id where e.type = 'SENT' and m.to_address like 'lead-%'"
                    + " group by e.message_id having count(*) = 1) once"))
        .isEqualTo(MESSAGES);
  }

  @Test
  void connectionsAreBoundedOneToSixteen() {
    Mailbox box =
        mailboxes.create(
            tenant,
            new MailboxDraft(
                "Bounded",
                "127.0.0.1",
                port,
                null,
                null,
                false,
                "bounded@parallel.example",
                "Sales",
                200),
            "test");
    assertThat(box.smtpConnections()).as("the default").isEqualTo(1);
    for (int wrong : new int[] {0, 17}) {
      assertThatThrownBy(
              () ->
                  mailboxes.updateSending(
                      tenant, box.id(), new SendingRules(null, 0, null, null, wrong), "test"))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.field()).isEqualTo("smtpConnections"));
    }
    Mailbox sixteen =
        mailboxes.updateSending(tenant, box.id(), new SendingRules(null, 0, null, null, 16), "t");
    assertThat(sixteen.smtpConnections()).isEqualTo(16);
    // rules without a number keep it
    assertThat(
            mailboxes
                .updateSending(tenant, box.id(), new SendingRules(null, 0, null, 300), "t")
                .smtpConnections())
        .isEqualTo(16);
  }

  /**
   * Messages can be queued for a mailbox while a relay is inside its claim: the claim locks the
   * mailbox against other claims (cap and spacing), not against the foreign key of a new message.
   */
  @Test
  void messagesAreQueuedForAMailboxWhileARelayClaimsItsMessages() throws Exception {
    Mailbox box = mailbox("Claiming", "claiming@parallel.example", 1);
    queue(box.id(), "claiming", 1);
    AtomicReference<Throwable> queuedDuringClaim = new AtomicReference<>();
    AtomicBoolean asked = new AtomicBoolean();
    SendingGate queueingGate =
        (c, tenantId, meter) -> {
          if (asked.compareAndSet(false, true)) {
            // inside the claim transaction, mailbox locked: another connection queues a message
            Thread other =
                new Thread(
                    () -> {
                      try {
                        queue(box.id(), "during-claim", 1, "set local lock_timeout = '3s'");
                        queuedDuringClaim.set(new AssertionError("none"));
                      } catch (Throwable t) {
                        queuedDuringClaim.set(t);
                      }
                    });
            other.start();
            try {
              other.join(10_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return SendingGate.Allowance.UNLIMITED;
        };
    try (Adapters adapters = new Adapters()) {
      relay(adapters, db.transactions()).gatedBy(queueingGate).relayDue(tenant, 10);
    }
    assertThat(queuedDuringClaim.get()).hasMessage("none");
    assertThat(count("select count(*) from messages where to_address like 'during-claim-%'"))
        .isEqualTo(1);
  }

  /**
   * A sweep whose lanes are still sending looks for new rows before it ends: a message queued after
   * the sweep found nothing more goes out in the same sweep, over the open connections.
   */
  @Test
  void rowsQueuedWhileTheLanesSendGoOutInTheSameSweep() throws Exception {
    Mailbox box = mailbox("Late", "late@parallel.example", 2);
    queue(box.id(), "early", 1);
    // the relay thread's transactions: recover, the claim of the first message, then a claim that
    // finds nothing; only then does the first send queue five more
    Thread relayThread = Thread.currentThread();
    AtomicInteger relayTransactions = new AtomicInteger();
    CountDownLatch emptyClaimDone = new CountDownLatch(3);
    DataSource observed =
        observedDataSource(
            db.dataSource(),
            () -> {
              if (Thread.currentThread() == relayThread) {
                relayTransactions.incrementAndGet();
                emptyClaimDone.countDown();
              }
            });
    AtomicBoolean first = new AtomicBoolean(true);
    try (Adapters adapters =
        new Adapters() {
          @Override
          Channel wrap(Channel real) {
            return message -> {
              if (first.compareAndSet(true, false)) {
                try {
                  assertThat(emptyClaimDone.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                queue(box.id(), "late", 5);
              }
              return real.send(message);
            };
          }
        }) {
      int examined = relay(adapters, new Transactions(observed)).relayDue(tenant, 100);
      assertThat(examined).isEqualTo(6);
    }
    assertThat(relayTransactions.get()).isGreaterThanOrEqualTo(4);
    assertThat(
            count(
                "select count(*) from messages where status = 'SENT'"
                    + " and (to_address like 'early-%' or to_address like 'late-%')"))
        .isEqualTo(6);
  }

  /** SMTP channels to GreenMail, one per call, closed at the end. */
  static class Adapters implements Function<SmtpSettings, Channel>, AutoCloseable {
    final List<SmtpChannel> channels = new ArrayList<>();

    @Override
    public synchronized Channel apply(SmtpSettings settings) {
      SmtpChannel real = SmtpChannel.reusing(settings);
      channels.add(real);
      return wrap(real);
    }

    Channel wrap(Channel real) {
      return real;
    }

    @Override
    public synchronized void close() {
      channels.forEach(SmtpChannel::close);
    }
  }

  MessageRelay relay(Function<SmtpSettings, Channel> adapters, Transactions transactions) {
    return new MessageRelay(
        transactions,
        mailboxes,
        new UnsubscribeTokens(secrets),
        new TrackingLinks(secrets),
        hosts,
        adapters,
        "https://reach.example",
        Clock.systemUTC(),
        new MessageRelay.Options(io.omnireach.retry.RetryPolicy.OUTBOX, Duration.ofMinutes(2), 25));
  }

  /** A data source that calls {@code onClose} whenever one of its connections is closed. */
  static DataSource observedDataSource(DataSource real, Runnable onClose) {
    return (DataSource)
        Proxy.newProxyInstance(
            ParallelSendingTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              if (!(result instanceof Connection c)) {
                return result;
              }
              return Proxy.newProxyInstance(
                  ParallelSendingTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    Object r = invoke(c, m, a);
                    if (m.getName().equals("close")) {
                      onClose.run();
                    }
                    return r;
                  });
            });
  }

  static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static Mailbox mailbox(String name, String from, int connections) {
    Mailbox box =
        mailboxes.create(
            tenant,
            new MailboxDraft(name, "127.0.0.1", port, null, null, false, from, "Sales", 100_000),
            "test");
    return mailboxes.updateSending(
        tenant, box.id(), new SendingRules(null, 0, null, null, connections), "test");
  }

  /** Queues {@code n} messages to new leads {@code <prefix>-<i>@leads.example}. */
  static void queue(long mailbox, String prefix, int n, String... before) {
    db.transactions()
        .tenant(
            tenant,
            c -> {
              try (Statement s = c.createStatement()) {
                for (String sql : before) {
                  s.execute(sql);
                }
              }
              for (int i = 0; i < n; i++) {
                long lead;
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "insert into leads (first_name, last_name, email)"
                            + " values ('Ana', 'Lead', ?) returning id")) {
                  ps.setString(1, prefix + "-" + i + "@leads.example");
                  ResultSet rs = ps.executeQuery();
                  rs.next();
                  lead = rs.getLong(1);
                }
                Messages.insert(
                    c,
                    NewMessage.email(lead, mailbox, "Hello", "Hi Ana,\n\nA note.", prefix + i)
                        .withActor("test"),
                    Clock.systemUTC());
              }
              return null;
            });
  }

  static void queue(long mailbox) {
    db.transactions()
        .tenant(
            tenant,
            c -> {
              try (Statement s = c.createStatement()) {
                s.execute(
                    "insert into leads (first_name, last_name, email)"
                        + " select 'Ana', 'Lead ' || g, 'lead-' || g || '@leads.example'"
                        + " from generate_series(1, "
                        + MESSAGES
                        + ") g");
              }
              List<Long> ids = new ArrayList<>();
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "select id from leads where email like 'lead-%' order by id")) {
                while (rs.next()) {
                  ids.add(rs.getLong(1));
                }
              }
              int k = 0;
              for (long lead : ids) {
                Messages.insert(
                    c,
                    NewMessage.email(lead, mailbox, "Hello", "Hi Ana,\n\nA short note.", "p:" + k++)
                        .withActor("test"),
                    Clock.systemUTC());
              }
              return null;
            });
  }

  static long count(String sql) {
    return db.transactions()
        .tenant(
            tenant,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }
}
