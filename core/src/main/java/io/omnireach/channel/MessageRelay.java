package io.omnireach.channel;

import io.omnireach.channel.OutboxRecord.Sent;
import io.omnireach.db.Transactions;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.SendingGate;
import io.omnireach.usage.UsageLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The channel-agnostic outbox relay; its steps are separate classes: {@link OutboxClaim} (with
 * {@link ComplianceCheck} asking the pure {@link SendPolicy}), {@link OutboxCompose}, {@link
 * OutboxSend} (the message's {@link Channel}) and {@link OutboxRecord}.
 *
 * <p>Moves outbox rows QUEUED → SENDING → SENT / FAILED, QUEUED → BLOCKED, or leaves them QUEUED
 * for later (deferred, or a transient failure to retry).
 *
 * <ol>
 *   <li>Claim, in one transaction for a batch of due rows ({@code not_before} passed; {@code FOR
 *       UPDATE SKIP LOCKED}, so two relays never take the same row): lock their mailboxes (so cap
 *       and spacing counts are serial), then per message the checks — the tenant's policies (a
 *       blocking violation ends it BLOCKED with the rule; see {@link PolicyCheck}), lead deleted or
 *       do-not-contact, suppression list, denied email consent end it BLOCKED with the reason;
 *       outside its send window (lead's time zone, tenant holidays), over the mailbox's daily cap,
 *       or too soon after the mailbox's previous send defer it: it stays QUEUED with {@code
 *       not_before} = the next allowed slot and a DEFERRED event saying why. The rest become
 *       SENDING ({@code claimed_at}, {@code attempts + 1}).
 *   <li>Send each, outside any transaction, through the mailbox's {@link Channel}; a sweep sends a
 *       mailbox's messages over its {@link SmtpSettings#connections()} in parallel while it claims
 *       the next batch (see {@link OutboxSend}).
 *   <li>Record the replies, a few at a time (at most {@value #RECORD_GROUP} messages or 0.2 s per
 *       transaction; a sweep records on a worker thread while it sends on): SENT; or for a
 *       transient failure QUEUED again with exponential backoff until {@code maxAttempts}; else
 *       FAILED with the reason.
 * </ol>
 *
 * A crash between 2 and 3 leaves rows SENDING: {@link #recover} (run by every sweep) puts rows
 * claimed longer ago than the lease back to QUEUED with a RECOVERED event, and they are sent again
 * with the same Message-ID and idempotency key. See docs/reliability.md, "Email outbox".
 */
public final class MessageRelay {

  private static final Logger LOG = Logger.getLogger(MessageRelay.class.getName());
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Replies recorded per transaction at most, and how long one may wait for the others. */
  static final int RECORD_GROUP = 10;

  static final long RECORD_DELAY_NANOS = 200_000_000L;

  /** How often a message held back by billing (see {@link SendingGate}) is looked at again. */
  static final Duration PAUSED_RECHECK = SendPolicy.PAUSED_RECHECK;

  /** Daemon threads for relays made without an executor (tests, benchmarks). */
  private static final Executor WORKERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "omnireach-relay");
            t.setDaemon(true);
            return t;
          });

  static final String RECOVERED_DETAIL =
      "interrupted while sending; may duplicate if the server had accepted it";

  /**
   * @param retry attempts, backoff and jitter for transient send failures (the shared policy)
   * @param lease how long a SENDING row may stay so before {@link #recover} takes it back
   * @param batchSize rows claimed per transaction by {@link #relayQueued}
   */
  public record Options(RetryPolicy retry, Duration lease, int batchSize) {

    public static final Options DEFAULTS =
        new Options(RetryPolicy.OUTBOX, Duration.ofMinutes(2), 50);

    public Options {
      if (batchSize < 1 || lease.isNegative()) {
        throw new IllegalArgumentException("Invalid relay options");
      }
    }

    public int maxAttempts() {
      return retry.maxAttempts();
    }
  }

  private final Transactions tx;
  private UsageLedger usage = UsageLedger.ON;
  private SendingGate gate = SendingGate.OPEN;
  private final Mailboxes mailboxes;
  private final UnsubscribeTokens tokens;
  private final TrackingLinks tracking;
  private final HostPolicy hosts;
  private final Function<SmtpSettings, Channel> adapters;
  private final String publicUrl;
  private final Clock clock;
  private final Options options;
  private final Executor workers;
  private io.omnireach.common.Telemetry telemetry = io.omnireach.common.Telemetry.NONE;
  private SmsSettingsSource smsSettings = SmsSettingsSource.NONE;
  private Function<SmsSettings, Channel> smsChannels =
      s -> m -> SendResult.failed("No SMS channel in this installation");
  private Function<SmsSettings, Channel> voiceChannels =
      s -> m -> SendResult.failed("No voice channel in this installation");
  private OutboxClaim claim;
  private OutboxSend sender;
  private OutboxRecord records;

  public MessageRelay(
      Transactions tx,
      Mailboxes mailboxes,
      UnsubscribeTokens tokens,
      TrackingLinks tracking,
      HostPolicy hosts,
      Function<SmtpSettings, Channel> adapters,
      String publicUrl,
      Clock clock) {
    this(tx, mailboxes, tokens, tracking, hosts, adapters, publicUrl, clock, Options.DEFAULTS);
  }

  public MessageRelay(
      Transactions tx,
      Mailboxes mailboxes,
      UnsubscribeTokens tokens,
      TrackingLinks tracking,
      HostPolicy hosts,
      Function<SmtpSettings, Channel> adapters,
      String publicUrl,
      Clock clock,
      Options options) {
    this(tx, mailboxes, tokens, tracking, hosts, adapters, publicUrl, clock, options, WORKERS);
  }

  /**
   * @param workers where a sweep records its replies while it sends (the server's managed
   *     executor); without one (null) the sending thread records them between sends
   */
  public MessageRelay(
      Transactions tx,
      Mailboxes mailboxes,
      UnsubscribeTokens tokens,
      TrackingLinks tracking,
      HostPolicy hosts,
      Function<SmtpSettings, Channel> adapters,
      String publicUrl,
      Clock clock,
      Options options,
      Executor workers) {
    this.tx = tx;
    this.mailboxes = mailboxes;
    this.tokens = tokens;
    this.tracking = tracking;
    this.hosts = hosts;
    this.adapters = adapters;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.clock = clock;
    this.options = options;
    this.workers = workers;
    parts();
  }

  /** The relay's steps, made again when a setting they hold changes. */
  private void parts() {
    claim =
        new OutboxClaim(
            clock,
            mailboxes,
            smsSettings,
            gate,
            new OutboxCompose(this.publicUrl, tokens, tracking),
            new ComplianceCheck(clock));
    sender = new OutboxSend(hosts, adapters, smsChannels, voiceChannels);
    records = new OutboxRecord(clock, options.retry(), usage);
  }

  /** SMS: where the tenant's sender settings come from, and its channel per settings. */
  public MessageRelay withSms(SmsSettingsSource settings, Function<SmsSettings, Channel> channels) {
    this.smsSettings = settings;
    this.smsChannels = channels;
    parts();
    return this;
  }

  /** Automated calls: their channel per Twilio settings (the SMS settings' account and number). */
  public MessageRelay withVoice(Function<SmsSettings, Channel> channels) {
    this.voiceChannels = channels;
    parts();
    return this;
  }

  /** Billing's rules on how much may go out (hard limits, unpaid invoices). */
  public MessageRelay gatedBy(SendingGate gate) {
    this.gate = gate;
    parts();
    return this;
  }

  /** Benchmarks compare sending with metering on and {@link UsageLedger#OFF}. */
  public MessageRelay metering(UsageLedger ledger) {
    this.usage = ledger;
    parts();
    return this;
  }

  /** Where recorded sends are counted (by channel and outcome). */
  public MessageRelay observedBy(io.omnireach.common.Telemetry telemetry) {
    this.telemetry = telemetry;
    return this;
  }

  public Options options() {
    return options;
  }

  /**
   * Relays one message (the dispatch right after its request committed); returns its status
   * afterwards — unchanged when it is not due (deferred, or claimed by someone else).
   */
  public MessageView.Status relay(TenantRef tenant, long messageId) {
    OutboxClaim.Batch batch;
    try {
      batch = tx.tenant(tenant, c -> claim.claim(c, tenant, messageId, 1));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot claim message " + messageId + " of " + tenant.slug(), e);
      throw e;
    }
    Recorder recorder = new Recorder(tenant, null);
    try {
      send(batch, recorder);
    } finally {
      recorder.finish();
    }
    return tx.tenant(tenant, c -> status(c, messageId));
  }

  /**
   * The sweep: recovers interrupted sends, then relays every due QUEUED message of the tenant in
   * batches (at most 10,000 per call). Returns how many messages it looked at.
   */
  public int relayQueued(TenantRef tenant, Messages messages) {
    return relayDue(tenant, 10_000);
  }

  /** As {@link #relayQueued}, looking at no more than about {@code max} messages. */
  public int relayDue(TenantRef tenant, int max) {
    recover(tenant);
    int examined = 0;
    // replies are recorded on a worker while the next messages go out and the next batch is
    // claimed; finish() returns once every reply is recorded
    Recorder recorder = new Recorder(tenant, workers);
    // a mailbox with several connections sends on its lanes while the next batch is claimed
    OutboxSend.Sweep sweep = sender.sweep(workers, recorder::add);
    try {
      while (examined < max) {
        OutboxClaim.Batch batch =
            tx.tenant(tenant, c -> claim.claim(c, tenant, null, options.batchSize()));
        if (batch.examined() == 0) {
          // lanes still sending: once half of what they hold is out, look again, so rows queued
          // meanwhile go out in this sweep over the connections already open (each empty look
          // waits for fewer in flight, so the sweep ends once nothing new comes)
          int inFlight = sweep.inFlight();
          if (inFlight == 0 || !sweep.awaitInFlightBelow(Math.max(1, inFlight / 2))) {
            break;
          }
          continue;
        }
        examined += batch.examined();
        sweep.send(batch.claimed());
      }
    } finally {
      try {
        sweep.finish();
      } finally {
        recorder.finish();
      }
    }
    return examined;
  }

  /**
   * Messages held back by billing (their latest event is a "sending paused" deferral) become due
   * now instead of at their next check, e.g. once the invoice that paused them is paid; the next
   * sweep asks the gate again. Returns how many.
   */
  public int releasePaused(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update messages m set not_before = ? where m.status = 'QUEUED'"
                      + " and m.not_before > ? and (select e.detail from message_events e"
                      + " where e.message_id = m.id order by e.id desc limit 1)"
                      + " like 'sending paused: %'")) {
            Timestamp now = Timestamp.from(clock.instant());
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Puts messages left SENDING longer than the lease (the relay died between claim and record) back
   * to QUEUED, each with a RECOVERED event; returns their ids.
   */
  public List<Long> recover(TenantRef tenant) {
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update messages set status = 'QUEUED', not_before = null"
                      + " where status = 'SENDING' and claimed_at < ? returning id")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(options.lease())));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          for (long id : ids) {
            Messages.event(c, id, "RECOVERED", RECOVERED_DETAIL, clock);
            LOG.warning(
                "Message "
                    + id
                    + " of "
                    + tenant.slug()
                    + " was interrupted while sending;"
                    + " queued again");
          }
          return ids;
        });
  }

  private void send(OutboxClaim.Batch batch, Recorder recorder) {
    sender.send(batch.claimed(), recorder::add);
  }

  /**
   * Records replies in groups of at most {@value #RECORD_GROUP}, each committed once full or once
   * its first reply is {@link #RECORD_DELAY_NANOS} old. With an executor the groups commit on a
   * worker thread, so neither a slow send nor the next claim holds back the record of a message the
   * server has taken; the sender waits when a further full group is queued behind the one being
   * committed (so at most 2 × {@value #RECORD_GROUP} accepted replies are unrecorded). Without one
   * (a single message, or no worker to be had) the sender records them itself, between sends.
   */
  private final class Recorder implements Runnable {
    private final TenantRef tenant;
    private final BlockingQueue<Sent> queue = new ArrayBlockingQueue<>(RECORD_GROUP);
    private final CountDownLatch done = new CountDownLatch(1);
    private final List<Sent> inline = new ArrayList<>();
    private final boolean threaded;

    Recorder(TenantRef tenant, Executor executor) {
      this.tenant = tenant;
      boolean started = false;
      if (executor != null) {
        try {
          executor.execute(this);
          started = true;
        } catch (RuntimeException e) { // RejectedExecutionException: record between sends
          LOG.log(Level.FINE, "No worker to record sends; recording between sends", e);
        }
      }
      threaded = started;
    }

    /** Thread-safe: a mailbox's lanes add their replies at once. */
    void add(Sent sent) {
      if (threaded && handOver(sent)) {
        return;
      }
      synchronized (inline) {
        inline.add(sent);
        if (inline.size() >= RECORD_GROUP
            || System.nanoTime() - inline.get(0).nanos() > RECORD_DELAY_NANOS) {
          flush(tenant, inline);
        }
      }
    }

    /** False when the recorder has stopped (then the caller records). */
    private boolean handOver(Sent sent) {
      boolean interrupted = false;
      try {
        while (done.getCount() > 0) {
          try {
            if (queue.offer(sent, 50, TimeUnit.MILLISECONDS)) {
              return true;
            }
          } catch (InterruptedException e) {
            interrupted = true; // the reply is recorded all the same
          }
        }
        return false;
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** Returns once every reply added so far is recorded (or its record failed and was logged). */
    void finish() {
      if (threaded && handOver(END)) {
        boolean interrupted = false;
        while (true) {
          try {
            done.await();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      List<Sent> left = new ArrayList<>(inline);
      queue.drainTo(left); // only when the worker stopped early
      left.remove(END);
      flush(tenant, left);
      inline.clear();
    }

    @Override
    public void run() {
      List<Sent> group = new ArrayList<>(RECORD_GROUP);
      try {
        boolean end = false;
        while (!end) {
          Sent first = queue.take();
          if (first == END) {
            break;
          }
          group.add(first);
          long deadline = first.nanos() + RECORD_DELAY_NANOS;
          while (group.size() < RECORD_GROUP) {
            long wait = deadline - System.nanoTime();
            Sent next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
              break;
            }
            if (next == END) {
              end = true;
              break;
            }
            group.add(next);
          }
          flush(tenant, group);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        flush(tenant, group); // the rest is recorded by finish()
      } finally {
        done.countDown();
      }
    }
  }

  /** Marks the end of a relay's replies. */
  private static final Sent END = new Sent(null, null, 0);

  /**
   * Records replies in one transaction. Replies wait at most {@link #RECORD_GROUP} messages or
   * {@link #RECORD_DELAY_NANOS}: a crash before this commit re-sends only those (after the lease).
   */
  private void flush(TenantRef tenant, List<Sent> pending) {
    if (pending.isEmpty()) {
      return;
    }
    List<Sent> group = List.copyOf(pending);
    pending.clear();
    try {
      tx.tenant(
          tenant,
          c -> {
            records.record(c, tenant, group);
            return null;
          });
      for (Sent s : group) {
        telemetry.sendRecorded(
            s.message().channel().name().toLowerCase(java.util.Locale.ROOT), records.outcome(s));
      }
    } catch (RuntimeException e) {
      // the rows stay SENDING and are recovered after the lease (and may then duplicate)
      LOG.log(
          Level.SEVERE,
          "Cannot record the send of messages "
              + group.stream().map(g -> g.message().id()).toList(),
          e);
    }
  }

  private static MessageView.Status status(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select status from messages where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw io.omnireach.common.DomainException.notFound(
              "No message " + id + " in this tenant.");
        }
        return MessageView.Status.valueOf(rs.getString(1));
      }
    }
  }
}
