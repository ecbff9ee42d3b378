package io.omnireach.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.omnireach.channel.ChannelAdapters;
import io.omnireach.channel.HostPolicy;
import io.omnireach.channel.MailStreams;
import io.omnireach.channel.Mailbox;
import io.omnireach.channel.MailboxDraft;
import io.omnireach.channel.Mailboxes;
import io.omnireach.channel.MessageRelay;
import io.omnireach.channel.Messages;
import io.omnireach.channel.NewMessage;
import io.omnireach.channel.SendingRules;
import io.omnireach.channel.TrackingLinks;
import io.omnireach.channel.UnsubscribeTokens;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.UsageLedger;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Email send benchmark (not a test; {@code scripts/bench-send.sh}): N messages to an SMTP server on
 * loopback ({@link SmtpSink}, or GreenMail with {@code SINK=greenmail}), first by a raw Jakarta
 * Mail loop per connection ({@code CONNECTIONS} loops in parallel, each on its own connection, one
 * built-per-message multipart/alternative MimeMessage of the same size), then through the product's
 * path in the same run to the same server: {@link Messages#insert} in chunks of 100 per transaction
 * (as a workflow chunk queues them), then {@link MessageRelay#relayDue} — claims with every check
 * (lead, do-not-contact, consent, suppression, window, holidays, cap, spacing), compose with
 * footer, unsubscribe and tracking links, send through the cached SMTP connection, record SENT with
 * its events — as the server's sweep runs it: claim and prepare on the calling thread, send and
 * record on workers, on a pool of two database connections; the mailbox has {@code smtpConnections}
 * = {@code CONNECTIONS}, so the relay sends over as many connections as the raw side. Prints
 * messages/s of each, the cost of usage metering and of a policy check (sequential relay runs with
 * each on and off, taking turns), and as its last line {@code ratio: X} (product msg/s ÷ raw msg/s,
 * same connections, same run).
 *
 * <p>Environment: {@code MESSAGES} (default 10,000), {@code BATCH} (rows per claim, default 50),
 * {@code CONNECTIONS} (SMTP connections on both sides, default 4), {@code ROUNDS} (default 5),
 * {@code OMNIREACH_TEST_PG} / {@code OMNIREACH_TEST_PG_USER} as for the integration tests. It
 * creates and drops its own database.
 */
public final class SendBench {

  static final String SERVER =
      System.getenv().getOrDefault("OMNIREACH_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("OMNIREACH_TEST_PG_USER", "postgres");
  static final TenantRef TENANT = new TenantRef(1, "bench");
  static final String BODY =
      "Hi Ana,\n\nI noticed Northwind is hiring dispatchers in three cities. Teams like yours use"
          + " us to cut routing time by a third; see https://acme.example/case-study for how"
          + " Contoso did it.\n\nWould 15 minutes next week work?\n\nElena Marsh\nAccount"
          + " Executive, Acme";

  private SendBench() {}

  record Phase(String name, int messages, long nanos, double cpu, double pgCpu) {
    Phase plus(Phase other) {
      return new Phase(
          name,
          messages + other.messages,
          nanos + other.nanos,
          cpu + other.cpu,
          pgCpu + other.pgCpu);
    }

    double seconds() {
      return nanos / 1e9;
    }

    double perSecond() {
      return messages / seconds();
    }
  }

  public static void main(String[] args) throws Exception {
    Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
    Logger.getLogger("com.icegreen").setLevel(Level.WARNING);
    // as the server does at start-up; for both sides, before either sends (STREAMS=lookup: without)
    boolean angus = !env("STREAMS", "angus").equals("lookup") && MailStreams.preferAngus();
    System.out.println(
        "Jakarta Mail stream provider: "
            + (angus ? "Angus named (as the server)" : "service lookup per MIME part"));
    int n = Integer.parseInt(args.length > 0 ? args[0] : env("MESSAGES", "10000"));
    int batch = Integer.parseInt(env("BATCH", "50"));
    int connections = Integer.parseInt(env("CONNECTIONS", "4"));
    boolean greenMail = !env("SINK", "greenmail").equals("sink");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    GreenMail smtp =
        greenMail
            ? new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            : null;
    SmtpSink sink = greenMail ? null : new SmtpSink();
    if (greenMail) {
      smtp.start();
    } else {
      port = sink.port();
    }
    IntSupplier received = () -> greenMail ? smtp.getReceivedMessages().length : sink.messages();
    String db = "omnireach_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      admin("create database " + db);
      PGSimpleDataSource target = new PGSimpleDataSource();
      target.setUrl(SERVER + db);
      target.setUser(USER);
      Migrations.migratePlatform(target);
      Migrations.migrateTenant(target, TENANT.schema());
      // two connections: the relay claims on one while it records on the other
      try (SmallPool pool = new SmallPool(target, 2)) {
        Transactions tx = new Transactions(pool);
        leads(tx, n);
        SecretBox secrets = SecretBox.fromBase64(SecretBox.newKey());
        HostPolicy hosts = new HostPolicy(true);
        Mailboxes mailboxes = new Mailboxes(tx, secrets, hosts);
        Mailbox box =
            mailboxes.create(
                TENANT,
                new MailboxDraft(
                    "Bench",
                    "127.0.0.1",
                    port,
                    null,
                    null,
                    false,
                    "elena@acme.example",
                    "Elena Marsh",
                    100_000),
                "bench");
        mailboxes.updateSending(
            TENANT, box.id(), new SendingRules(null, 0, null, null, connections), "bench");
        tx.tenant(
            TENANT,
            c -> {
              try (Statement s = c.createStatement()) {
                s.execute(
                    "insert into settings (key, value) values ('postal_address',"
                        + " 'Acme Inc., 1 Market St, San Francisco, CA 94105')");
              }
              return null;
            });
        warmUp(port);
        if (greenMail) {
          smtp.purgeEmailFromAllMailboxes();
        } else {
          sink.reset();
        }

        warmUpProduct(tx, secrets, hosts, mailboxes, box.id(), n);
        long billedBefore = billed(tx); // the warm-up's sends were metered too
        // The machine is shared: the paths take turns in ROUNDS rounds, so a change of load
        // between them hits both alike.
        int rounds = Math.max(1, Integer.parseInt(env("ROUNDS", "5")));
        int per = n / rounds;
        CpuClock cpu = new CpuClock(pool, pool.size());
        Phase raw = new Phase("Raw Jakarta Mail loops", 0, 0, 0, 0);
        Phase live = new Phase("OmniReach, queue ‖ relay", 0, 0, 0, 0);
        Phase insert = new Phase("  of which Messages.insert", 0, 0, 0, 0);
        Phase relayed = new Phase("  of which MessageRelay", 0, 0, 0, 0);
        Phase unmetered = new Phase("  MessageRelay, metering off", 0, 0, 0, 0);
        Phase policed = new Phase("  MessageRelay, + 1 policy", 0, 0, 0, 0);
        for (int r = 0; r < rounds; r++) {
          reset(smtp, sink);
          raw = raw.plus(raw(port, per, cpu, r, connections));
          check(received.getAsInt() == per, "raw: the server got " + received.getAsInt());
          reset(smtp, sink);
          live = live.plus(concurrent(target, secrets, hosts, box.id(), per, batch, "live" + r));
          check(received.getAsInt() == per, "live: the server got " + received.getAsInt());
          check(sink == null || sink.duplicates() == 0, "duplicates at the server");
          // metering on, metering off and a policy on take turns (rotating order), same queue
          for (int v = 0; v < 3; v++) {
            int variant = (v + r) % 3; // 0 metered, 1 unmetered, 2 metered + one policy
            reset(smtp, sink);
            UsageLedger ledger = variant == 1 ? UsageLedger.OFF : UsageLedger.ON;
            policy(tx, variant == 2);
            Phase[] seq =
                sequential(
                    tx, cpu, mailboxes, secrets, hosts, box.id(), per, batch, r, ledger, variant);
            policy(tx, false);
            if (variant == 0) {
              insert = insert.plus(seq[0]);
              relayed = relayed.plus(seq[1]);
            } else if (variant == 1) {
              unmetered = unmetered.plus(seq[1]);
            } else {
              policed = policed.plus(seq[1]);
            }
            check(received.getAsInt() == per, "sequential: the server got " + received.getAsInt());
          }
        }
        Phase sequential =
            new Phase("OmniReach, queue then relay", 0, 0, 0, 0).plus(insert).plus(relayed);
        sequential =
            new Phase(
                sequential.name(),
                insert.messages(),
                sequential.nanos(),
                sequential.cpu(),
                sequential.pgCpu());
        long sent = sent(tx);
        check(sent == 4L * per * rounds, "product: " + sent + " SENT");
        long billed = billed(tx) - billedBefore;
        // metered: the live path's and the two metered sequential relays' messages, each once
        check(
            billed == 3L * per * rounds,
            "metering: " + billed + " emails_sent, not " + 3L * per * rounds);
        print(
            per * rounds,
            batch,
            (greenMail ? "GreenMail" : "a minimal SMTP sink")
                + ", "
                + rounds
                + " rounds, "
                + connections
                + " SMTP connection(s) on each side",
            raw,
            live,
            sequential,
            insert,
            relayed,
            unmetered,
            policed);
        System.out.printf(
            Locale.ROOT,
            "Usage metering on the relay: %.0f messages/s on, %.0f off: %+.1f %% time and %+.1f %%"
                + " CPU (JVM + PG) per message (target: under 5 %%; %,d emails_sent units"
                + " recorded, one per metered send)%n",
            relayed.perSecond(),
            unmetered.perSecond(),
            100 * (unmetered.perSecond() / relayed.perSecond() - 1),
            100 * ((relayed.cpu() + relayed.pgCpu()) / (unmetered.cpu() + unmetered.pgCpu()) - 1),
            billed);
        System.out.printf(
            Locale.ROOT,
            "Policy check on the relay (one forbidden-phrase policy that passes): %.0f messages/s"
                + " with it, %.0f without: %+.1f %% time and %+.1f %% CPU (JVM + PG) per"
                + " message%n",
            policed.perSecond(),
            relayed.perSecond(),
            100 * (relayed.perSecond() / policed.perSecond() - 1),
            100 * ((policed.cpu() + policed.pgCpu()) / (relayed.cpu() + relayed.pgCpu()) - 1));
        System.out.printf(
            Locale.ROOT,
            "Product (queue ‖ relay, metering on) %.0f msg/s, raw %.0f msg/s, %d connection(s)"
                + " each%n",
            live.perSecond(),
            raw.perSecond(),
            connections);
        System.out.printf(Locale.ROOT, "ratio: %.2f%n", live.perSecond() / raw.perSecond());
      }
    } finally {
      if (greenMail) {
        smtp.stop();
      } else {
        sink.close();
      }
      admin("drop database if exists " + db + " with (force)");
    }
  }

  /** Queue all, then relay all: the two costs apart. Returns {insert, relay}. */
  static Phase[] sequential(
      Transactions tx,
      CpuClock cpu,
      Mailboxes mailboxes,
      SecretBox secrets,
      HostPolicy hosts,
      long box,
      int n,
      int batch,
      int round,
      UsageLedger ledger,
      int variant) {
    Clock clock = Clock.systemUTC();
    long t0 = System.nanoTime();
    CpuClock.Reading c0 = cpu.now();
    for (int i = 0; i < n; i += 100) {
      int from = i;
      tx.tenant(
          TENANT,
          c -> {
            for (int k = from; k < Math.min(n, from + 100); k++) {
              Messages.insert(
                  c,
                  NewMessage.email(
                          k + 1,
                          box,
                          "Routing at Northwind",
                          BODY,
                          "seq" + round + "v" + variant + ":" + k)
                      .withActor("bench"),
                  clock);
            }
            return null;
          });
    }
    long queuedNanos = System.nanoTime() - t0;
    CpuClock.Reading queued = cpu.now().minus(c0);
    try (ChannelAdapters adapters = new ChannelAdapters()) {
      MessageRelay relay =
          new MessageRelay(
                  tx,
                  mailboxes,
                  new UnsubscribeTokens(secrets),
                  new TrackingLinks(secrets),
                  hosts,
                  adapters,
                  "https://reach.example",
                  clock,
                  new MessageRelay.Options(RetryPolicy.OUTBOX, Duration.ofMinutes(2), batch))
              .metering(ledger);
      long t1 = System.nanoTime();
      CpuClock.Reading c1 = cpu.now();
      while (relay.relayDue(TENANT, n) > 0) {
        // until nothing is due
      }
      long relayNanos = System.nanoTime() - t1;
      CpuClock.Reading relayed = cpu.now().minus(c1);
      return new Phase[] {
        new Phase("  of which Messages.insert", n, queuedNanos, queued.jvm(), queued.backend()),
        new Phase("  of which MessageRelay", n, relayNanos, relayed.jvm(), relayed.backend())
      };
    }
  }

  /**
   * The outbox as it runs in the server: one thread queues (a workflow chunk of 100 messages per
   * transaction, or API requests) while the relay sends what is due, each on its own connection;
   * timed from the first queued message to the last one recorded SENT.
   */
  static Phase concurrent(
      PGSimpleDataSource target,
      SecretBox secrets,
      HostPolicy hosts,
      long box,
      int n,
      int batch,
      String prefix)
      throws Exception {
    Clock clock = Clock.systemUTC();
    try (OneConnectionPool producerPool = new OneConnectionPool(target);
        SmallPool relayPool = new SmallPool(target, 2);
        ChannelAdapters adapters = new ChannelAdapters()) {
      Transactions producerTx = new Transactions(producerPool);
      Transactions relayTx = new Transactions(relayPool);
      CpuClock producerCpu = new CpuClock(producerPool);
      CpuClock relayCpu = new CpuClock(relayPool, relayPool.size());
      MessageRelay relay =
          new MessageRelay(
              relayTx,
              new Mailboxes(relayTx, secrets, hosts),
              new UnsubscribeTokens(secrets),
              new TrackingLinks(secrets),
              hosts,
              adapters,
              "https://reach.example",
              clock,
              new MessageRelay.Options(RetryPolicy.OUTBOX, Duration.ofMinutes(2), batch));
      CpuClock.Reading p0 = producerCpu.now();
      CpuClock.Reading r0 = relayCpu.now();
      long t0 = System.nanoTime();
      Thread producer =
          new Thread(
              () -> {
                for (int i = 0; i < n; i += 100) {
                  int from = i;
                  producerTx.tenant(
                      TENANT,
                      c -> {
                        for (int k = from; k < Math.min(n, from + 100); k++) {
                          Messages.insert(
                              c,
                              NewMessage.email(
                                      k + 1, box, "Routing at Northwind", BODY, prefix + ":" + k)
                                  .withActor("bench"),
                              clock);
                        }
                        return null;
                      });
                }
              },
              "producer");
      producer.start();
      // every message queued here is sent when examined (no cap, window or spacing holds one
      // back), and relayDue returns once its sends are recorded: count them, check at the end
      long done = 0;
      while (done < n) {
        int examined = relay.relayDue(TENANT, n);
        if (examined == 0) {
          Thread.sleep(2); // nothing due yet: the producer is ahead of us
        }
        done += examined;
      }
      producer.join();
      long sent = sentLive(relayTx, prefix);
      check(sent == n, "live: " + sent + " of " + n + " SENT");
      long nanos = System.nanoTime() - t0;
      CpuClock.Reading p = producerCpu.now().minus(p0);
      CpuClock.Reading r = relayCpu.now().minus(r0);
      return new Phase("OmniReach, queue ‖ relay", n, nanos, r.jvm(), p.backend() + r.backend());
    }
  }

  static long sentLive(Transactions tx, String prefix) {
    return tx.tenant(
        TENANT,
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "select count(*) from messages where status = 'SENT'"
                          + " and idempotency_key like '"
                          + prefix
                          + ":%'")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * The baseline: {@code connections} raw Jakarta Mail loops in parallel, each with its own session
   * and connection and {@code n / connections} messages (the first ones one more), one message
   * object per send.
   */
  static Phase raw(int port, int n, CpuClock cpu, int round, int connections) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      CpuClock.Reading c0 = cpu.now();
      long t0 = System.nanoTime();
      List<Future<?>> loops = new ArrayList<>();
      for (int l = 0; l < connections; l++) {
        int lane = l;
        int count = n / connections + (lane < n % connections ? 1 : 0);
        loops.add(
            pool.submit(
                () -> {
                  Session session = Session.getInstance(smtpProperties(port));
                  try (Transport t = session.getTransport("smtp")) {
                    t.connect("127.0.0.1", port, null, null);
                    for (int i = 0; i < count; i++) {
                      MimeMessage m =
                          message(
                              session, "raw" + round + "-" + lane + "-" + i + "@leads.example", i);
                      t.sendMessage(m, m.getAllRecipients());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : loops) {
        f.get();
      }
      long nanos = System.nanoTime() - t0;
      CpuClock.Reading used = cpu.now().minus(c0);
      return new Phase("Raw Jakarta Mail loops", n, nanos, used.jvm(), used.backend());
    } finally {
      pool.shutdown();
    }
  }

  /** One blocking forbidden-phrase policy the bench's messages pass, or none. */
  static void policy(Transactions tx, boolean on) {
    tx.tenant(
        TENANT,
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("delete from policies");
            if (on) {
              s.execute(
                  "insert into policies (name, kind, severity, rule, explanation, created_at,"
                      + " updated_at) values ('No guarantees', 'forbidden_phrase', 'block',"
                      + " '{\"phrases\": [\"guaranteed returns\"]}', 'We promise no returns.',"
                      + " now(), now())");
            }
          }
          return null;
        });
  }

  static MimeMessage message(Session session, String to, int i) throws Exception {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress("elena@acme.example", "Elena Marsh", "UTF-8"));
    m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    m.setSubject("Routing at Northwind", "UTF-8");
    m.setHeader("List-Unsubscribe", "<https://reach.example/unsubscribe/bench." + i + ".x>");
    m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(
        BODY + "\n\n-- \nElena Marsh\nAcme Inc.\nUnsubscribe: https://x", "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText("<!DOCTYPE html><html><body><p>" + BODY + "</p></body></html>", "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    m.setContent(alternative);
    m.saveChanges();
    return m;
  }

  static void reset(GreenMail smtp, SmtpSink sink) {
    if (smtp != null) {
      smtp.reset(); // restarts on the same port with no users and no mail
    } else {
      sink.reset();
    }
  }

  /**
   * The product path's warm-up, like the raw loop's: 300 messages queued and relayed (the relay's
   * own adapters, so no connection survives into the measured run).
   */
  static void warmUpProduct(
      Transactions tx, SecretBox secrets, HostPolicy hosts, Mailboxes mailboxes, long box, int n) {
    Clock clock = Clock.systemUTC();
    int warm = Math.min(300, n);
    tx.tenant(
        TENANT,
        c -> {
          for (int k = 0; k < warm; k++) {
            Messages.insert(
                c,
                NewMessage.email(k + 1, box, "Warm-up", BODY, "warm:" + k).withActor("bench"),
                clock);
          }
          return null;
        });
    try (ChannelAdapters adapters = new ChannelAdapters()) {
      MessageRelay relay =
          new MessageRelay(
              tx,
              mailboxes,
              new UnsubscribeTokens(secrets),
              new TrackingLinks(secrets),
              hosts,
              adapters,
              "https://reach.example",
              clock);
      relay.relayDue(TENANT, warm);
    }
    tx.tenant(
        TENANT,
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("delete from messages"); // the measured run starts with an empty outbox
          }
          return null;
        });
  }

  /** A few hundred sends first, so neither side pays for JIT and class loading in its figure. */
  static void warmUp(int port) throws Exception {
    Session session = Session.getInstance(smtpProperties(port));
    try (Transport t = session.getTransport("smtp")) {
      t.connect("127.0.0.1", port, null, null);
      for (int i = 0; i < 300; i++) {
        MimeMessage m = message(session, "warm@leads.example", i);
        t.sendMessage(m, m.getAllRecipients());
      }
    }
  }

  static Properties smtpProperties(int port) {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(port));
    return p;
  }

  static void leads(Transactions tx, int n) {
    tx.tenant(
        TENANT,
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "insert into leads (first_name, last_name, email, timezone)"
                    + " select 'Ana', 'Lead ' || g, 'lead-' || g || '@leads.example',"
                    + " 'Europe/Berlin' from generate_series(1, "
                    + n
                    + ") g");
          }
          return null;
        });
  }

  /** Units of emails_sent in the ledger (the bench's only tenant). */
  static long billed(Transactions tx) {
    return tx.platform(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "select coalesce(sum(quantity), 0) from usage_events"
                          + " where meter = 'emails_sent'")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  static long sent(Transactions tx) {
    return tx.tenant(
        TENANT,
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery("select count(*) from messages where status = 'SENT'")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  static void print(int n, int batch, String server, Phase raw, Phase product, Phase... parts) {
    System.out.printf(
        Locale.ROOT,
        "%nSend %,d messages to %s on loopback (relay batch %d)%n%n",
        n,
        server,
        batch);
    System.out.printf(
        Locale.ROOT,
        "| %-28s | %9s | %12s | %10s | %9s | %8s |%n",
        "path",
        "seconds",
        "messages/s",
        "% of raw",
        "JVM CPU s",
        "PG CPU s");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (Phase p : concat(raw, product, parts)) {
      System.out.printf(
          Locale.ROOT,
          "| %-28s | %9.2f | %,12.0f | %8.1f %% | %9.1f | %8.1f |%n",
          p.name(),
          p.seconds(),
          p.perSecond(),
          100 * p.perSecond() / raw.perSecond(),
          p.cpu(),
          p.pgCpu());
    }
    System.out.printf(
        Locale.ROOT,
        "%nOmniReach outbox (queue ‖ relay): %.1f %% of the raw Jakarta Mail rate (target: at"
            + " least 90 %% and 1,000 msg/s)%n",
        100 * product.perSecond() / raw.perSecond());
  }

  private static Phase[] concat(Phase a, Phase b, Phase... rest) {
    Phase[] all = new Phase[rest.length + 2];
    all[0] = a;
    all[1] = b;
    System.arraycopy(rest, 0, all, 2, rest.length);
    return all;
  }

  private static void admin(String sql) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", USER);
    try (Connection c = new org.postgresql.Driver().connect(SERVER + "postgres", props);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void check(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalStateException(problem);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
