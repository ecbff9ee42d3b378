package io.omnireach.channel;

import io.omnireach.db.Transactions;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import io.omnireach.usage.SendingGate;
import io.omnireach.usage.UsageLedger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Moves outbox rows QUEUED → SENDING → SENT / FAILED, QUEUED → BLOCKED, or leaves them QUEUED for
 * later (deferred, or a transient failure to retry).
 *
 * <ol>
 *   <li>Claim, in one transaction for a batch of due rows ({@code not_before} passed; {@code FOR
 *       UPDATE SKIP LOCKED}, so two relays never take the same row): lock their mailboxes (so cap
 *       and spacing counts are serial), then per message the checks — lead deleted or
 *       do-not-contact, suppression list, denied email consent end it BLOCKED with the reason;
 *       outside its send window (lead's time zone, tenant holidays), over the mailbox's daily cap,
 *       or too soon after the mailbox's previous send defer it: it stays QUEUED with {@code
 *       not_before} = the next allowed slot and a DEFERRED event saying why. The rest become
 *       SENDING ({@code claimed_at}, {@code attempts + 1}).
 *   <li>Send each, outside any transaction, through the mailbox's {@link ChannelAdapter}.
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
  static final Duration PAUSED_RECHECK = Duration.ofMinutes(10);

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
  private final Function<SmtpSettings, ChannelAdapter> adapters;
  private final String publicUrl;
  private final Clock clock;
  private final Options options;
  private final Executor workers;

  public MessageRelay(
      Transactions tx,
      Mailboxes mailboxes,
      UnsubscribeTokens tokens,
      TrackingLinks tracking,
      HostPolicy hosts,
      Function<SmtpSettings, ChannelAdapter> adapters,
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
      Function<SmtpSettings, ChannelAdapter> adapters,
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
      Function<SmtpSettings, ChannelAdapter> adapters,
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
  }

  /** Billing's rules on how much may go out (hard limits, unpaid invoices). */
  public MessageRelay gatedBy(SendingGate gate) {
    this.gate = gate;
    return this;
  }

  /** Benchmarks compare sending with metering on and {@link UsageLedger#OFF}. */
  public MessageRelay metering(UsageLedger ledger) {
    this.usage = ledger;
    return this;
  }

  public Options options() {
    return options;
  }

  /** One message ready for its adapter. */
  private record Claimed(long id, SmtpSettings smtp, OutboundMessage message, int attempt) {}

  /** What one claim transaction decided: the messages to send now, and how many it looked at. */
  private record Batch(List<Claimed> claimed, int examined) {}

  /**
   * Relays one message (the dispatch right after its request committed); returns its status
   * afterwards — unchanged when it is not due (deferred, or claimed by someone else).
   */
  public MessageView.Status relay(TenantRef tenant, long messageId) {
    Batch batch;
    try {
      batch = tx.tenant(tenant, c -> claim(c, tenant, messageId, 1));
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
    try {
      while (examined < max) {
        Batch batch = tx.tenant(tenant, c -> claim(c, tenant, null, options.batchSize()));
        if (batch.examined() == 0) {
          break;
        }
        examined += batch.examined();
        send(batch, recorder);
      }
    } finally {
      recorder.finish();
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

  private void send(Batch batch, Recorder recorder) {
    Map<String, RuntimeException> refusedHosts = new HashMap<>();
    // one settings object per mailbox in a batch: look its adapter up once, not per message
    Map<SmtpSettings, ChannelAdapter> batchAdapters = new java.util.IdentityHashMap<>();
    for (Claimed m : batch.claimed()) {
      SendResult result;
      try {
        String host = m.smtp().sendGrid() ? apiHost(m.smtp()) : m.smtp().host();
        if (host != null) {
          RuntimeException refused =
              refusedHosts.computeIfAbsent(
                  host,
                  h -> {
                    try {
                      hosts.check("host", h);
                      return null;
                    } catch (RuntimeException e) {
                      return e;
                    }
                  });
          if (refused != null) {
            throw refused;
          }
        }
        result = batchAdapters.computeIfAbsent(m.smtp(), adapters).send(m.message());
      } catch (RuntimeException e) {
        result = SendResult.failed(e.getMessage() == null ? e.toString() : e.getMessage());
      }
      recorder.add(new Sent(m, result));
    }
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

    void add(Sent sent) {
      if (threaded && handOver(sent)) {
        return;
      }
      inline.add(sent);
      if (inline.size() >= RECORD_GROUP
          || System.nanoTime() - inline.get(0).nanos() > RECORD_DELAY_NANOS) {
        flush(tenant, inline);
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

  /** A transport reply not yet recorded, and when it came. */
  private record Sent(Claimed message, SendResult result, long nanos) {
    Sent(Claimed message, SendResult result) {
      this(message, result, System.nanoTime());
    }
  }

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
            record(c, tenant, group);
            return null;
          });
    } catch (RuntimeException e) {
      // the rows stay SENDING and are recovered after the lease (and may then duplicate)
      LOG.log(
          Level.SEVERE,
          "Cannot record the send of messages "
              + group.stream().map(g -> g.message().id()).toList(),
          e);
    }
  }

  private static String apiHost(SmtpSettings s) {
    return s.apiBaseUrl() == null ? null : java.net.URI.create(s.apiBaseUrl()).getHost();
  }

  // ---------------------------------------------------------------- claim

  /** A mailbox's sending rules and what it sent lately, locked for this claim. */
  private static final class Box {
    int cap;
    SendWindow window;
    int spacing;
    ZoneId zone;
    int sentToday;
    Instant last;
    SmtpSettings smtp;
  }

  private record Row(
      long id,
      Long mailboxId,
      Long leadId,
      String to,
      String subject,
      String body,
      String key,
      String rfcId,
      String inReplyTo,
      String references,
      SendWindow window,
      int attempts,
      boolean leadExists,
      boolean doNotContact,
      String consent,
      String leadZone,
      String suppressed) {}

  private Batch claim(Connection c, TenantRef tenant, Long onlyId, int limit) throws SQLException {
    Instant now = clock.instant();
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id from messages where status = 'QUEUED'"
                + " and coalesce(not_before, '-infinity'::timestamptz) <= ?"
                + (onlyId == null ? "" : " and id = ?")
                + " order by coalesce(not_before, '-infinity'::timestamptz), id limit ?"
                + " for update skip locked")) {
      int i = 1;
      ps.setTimestamp(i++, Timestamp.from(now));
      if (onlyId != null) {
        ps.setLong(i++, onlyId);
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    if (ids.isEmpty()) {
      return new Batch(List.of(), 0);
    }
    Map<Long, Row> rows = rows(c, ids);
    Map<Long, Box> boxes = boxes(c, rows.values(), now);
    Set<LocalDate> holidays = ComplianceSettings.holidays(c);
    SendingGate.Allowance allowance = gate.allowance(c, tenant.id(), Meter.EMAILS_SENT);
    List<Row> toSend = new ArrayList<>();
    for (long id : ids) {
      Row r = rows.get(id);
      Box box = r.mailboxId() == null ? null : boxes.get(r.mailboxId());
      if (box == null) {
        finish(c, id, "FAILED", "MAILBOX_DELETED", null, null);
        continue;
      }
      String blocked = blockReason(r);
      if (blocked != null) {
        finish(c, id, "BLOCKED", blocked, null, null);
        continue;
      }
      if (toSend.size() >= allowance.remaining()) {
        // billing paused sending: the message waits, with the reason, and is looked at again
        Instant later = now.plus(PAUSED_RECHECK);
        defer(
            c,
            id,
            later,
            "sending paused: "
                + allowance.reason()
                + "; next check "
                + format(later, ZoneOffset.UTC, true));
        continue;
      }
      ZoneId zone = SendWindow.zone(SendWindow.zoneOrNull(r.leadZone()), box.zone);
      // holidays hold for every mailbox, with or without a window of its own
      SendWindow window =
          r.window() != null ? r.window() : box.window != null ? box.window : SendWindow.ALWAYS;
      Instant slot = window.nextAllowed(now, zone, holidays);
      if (slot == null) {
        finish(c, id, "BLOCKED", "NO_SEND_SLOT", null, null);
        continue;
      }
      String why = null;
      boolean zoneSaid = false;
      if (slot.isAfter(now)) {
        zoneSaid = true;
        LocalDate today = now.atZone(zone).toLocalDate();
        why =
            holidays.contains(today) && window.days().contains(today.getDayOfWeek())
                ? "holiday " + today + " in " + name(zone)
                : "outside send window " + window.describe() + " " + name(zone);
      } else if (box.sentToday >= box.cap) {
        Instant midnight =
            now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
        slot = next(window, midnight, zone, holidays);
        why = "daily cap of " + box.cap + " reached (it resets at 00:00 UTC)";
      } else if (box.spacing > 0
          && box.last != null
          && box.last.plusSeconds(box.spacing).isAfter(now)) {
        slot = next(window, box.last.plusSeconds(box.spacing), zone, holidays);
        why = box.spacing + " s spacing between sends of this mailbox";
        box.last = slot; // the next message of this batch queues behind this one
      }
      if (why != null) {
        if (slot == null) {
          finish(c, id, "BLOCKED", "NO_SEND_SLOT", null, null);
          continue;
        }
        defer(c, id, slot, why + "; next " + format(slot, zone, !zoneSaid));
        continue;
      }
      box.sentToday++;
      box.last = now;
      toSend.add(r);
    }
    List<Claimed> claimed = new ArrayList<>();
    if (!toSend.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "update messages set status = 'SENDING', claimed_at = ?, not_before = null,"
                  + " attempts = attempts + 1 where id = any(?)")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setArray(2, longs(c, toSend.stream().map(Row::id).toList()));
        ps.executeUpdate();
      }
      events(c, toSend.stream().map(Row::id).toList(), "SENDING", null);
      String postal = ComplianceSettings.postalAddress(c);
      for (Row r : toSend) {
        Box box = boxes.get(r.mailboxId());
        if (box.smtp == null) {
          box.smtp = mailboxes.smtpSettings(c, r.mailboxId());
        }
        claimed.add(compose(tenant, r, box.smtp, postal));
      }
    }
    return new Batch(claimed, ids.size());
  }

  private static Instant next(SendWindow window, Instant from, ZoneId zone, Set<LocalDate> days) {
    return window.nextAllowed(from, zone, days);
  }

  static String format(Instant at, ZoneId zone, boolean withZone) {
    var local = at.atZone(zone);
    return (local.getSecond() == 0 ? MINUTES : SECONDS).format(local)
        + (withZone ? " " + name(zone) : "");
  }

  static String name(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  private Claimed compose(TenantRef tenant, Row r, SmtpSettings smtp, String postal) {
    String url = publicUrl + "/unsubscribe/" + tokens.token(tenant, r.id());
    EmailComposer.Parts parts =
        EmailComposer.compose(
            r.body(),
            smtp.fromName(),
            smtp.fromAddress(),
            postal,
            url,
            r.key(),
            link -> publicUrl + "/t/c/" + tracking.clickToken(tenant, r.id(), link),
            publicUrl + "/t/o/" + tracking.openToken(tenant, r.id()) + ".gif");
    Map<String, String> headers = new LinkedHashMap<>(parts.headers());
    if (r.inReplyTo() != null) {
      headers.put("In-Reply-To", r.inReplyTo());
      headers.put("References", r.references() == null ? r.inReplyTo() : r.references());
    }
    return new Claimed(
        r.id(),
        smtp,
        new OutboundMessage(
            tenant.slug(),
            r.rfcId(),
            r.key(),
            smtp.fromAddress(),
            r.to(),
            r.subject(),
            parts.text(),
            parts.html(),
            headers,
            r.id()),
        r.attempts() + 1);
  }

  private static Map<Long, Row> rows(Connection c, List<Long> ids) throws SQLException {
    Map<Long, Row> rows = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select m.id, m.mailbox_id, m.lead_id, m.to_address, m.subject, m.body,"
                + " m.idempotency_key, m.message_id, m.in_reply_to, m.references_ids,"
                + " m.send_window::text, m.attempts, l.id is not null, coalesce(l.do_not_contact,"
                + " false), l.consent->'email'->>'status', l.timezone, s.reason"
                + " from messages m left join leads l on l.id = m.lead_id"
                + " left join suppressions s on s.email = lower(m.to_address)"
                + " where m.id = any(?)")) {
      ps.setArray(1, longs(c, ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Row r =
              new Row(
                  rs.getLong(1),
                  (Long) rs.getObject(2),
                  (Long) rs.getObject(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  windowOrNull(rs.getString(11)),
                  rs.getInt(12),
                  rs.getBoolean(13),
                  rs.getBoolean(14),
                  rs.getString(15),
                  rs.getString(16),
                  rs.getString(17));
          rows.put(r.id(), r);
        }
      }
    }
    return rows;
  }

  private static SendWindow windowOrNull(String json) {
    try {
      return SendWindow.fromJson(json);
    } catch (RuntimeException e) {
      return null; // a window that no longer parses does not stop the message
    }
  }

  private static Map<Long, Box> boxes(Connection c, java.util.Collection<Row> rows, Instant now)
      throws SQLException {
    List<Long> ids =
        rows.stream().map(Row::mailboxId).filter(java.util.Objects::nonNull).distinct().toList();
    Map<Long, Box> boxes = new HashMap<>();
    if (ids.isEmpty()) {
      return boxes;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, daily_cap, send_window::text, min_spacing_seconds, timezone"
                + " from mailboxes where id = any(?) order by id for update")) {
      ps.setArray(1, longs(c, ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Box b = new Box();
          b.cap = rs.getInt(2);
          b.window = windowOrNull(rs.getString(3));
          b.spacing = rs.getInt(4);
          b.zone = SendWindow.zoneOrNull(rs.getString(5));
          boxes.put(rs.getLong(1), b);
        }
      }
    }
    Instant dayStart = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select mailbox_id, count(*) from messages where mailbox_id = any(?)"
                + " and status in ('SENDING', 'SENT') and claimed_at >= ? group by mailbox_id")) {
      ps.setArray(1, longs(c, ids));
      ps.setTimestamp(2, Timestamp.from(dayStart));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Box b = boxes.get(rs.getLong(1));
          if (b != null) {
            b.sentToday = rs.getInt(2);
          }
        }
      }
    }
    for (Map.Entry<Long, Box> e : boxes.entrySet()) {
      if (e.getValue().spacing == 0) {
        continue;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "select max(claimed_at) from messages where mailbox_id = ?"
                  + " and status in ('SENDING', 'SENT') and claimed_at >= ?")) {
        ps.setLong(1, e.getKey());
        ps.setTimestamp(2, Timestamp.from(now.minusSeconds(e.getValue().spacing)));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getTimestamp(1) != null) {
            e.getValue().last = rs.getTimestamp(1).toInstant();
          }
        }
      }
    }
    return boxes;
  }

  private static String blockReason(Row r) {
    if (r.leadId() == null || !r.leadExists()) {
      return "LEAD_DELETED";
    }
    if (r.doNotContact()) {
      return "DO_NOT_CONTACT";
    }
    if ("denied".equalsIgnoreCase(r.consent())) {
      return "CONSENT_DENIED";
    }
    return r.suppressed();
  }

  private void defer(Connection c, long id, Instant slot, String detail) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("update messages set not_before = ? where id = ?")) {
      ps.setTimestamp(1, Timestamp.from(slot));
      ps.setLong(2, id);
      ps.executeUpdate();
    }
    Messages.event(c, id, "DEFERRED", detail, clock);
  }

  private void events(Connection c, List<Long> ids, String type, String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into message_events (message_id, type, detail, at)"
                + " select unnest(?::bigint[]), ?, ?, ?")) {
      ps.setArray(1, longs(c, ids));
      ps.setString(2, type);
      ps.setString(3, detail);
      ps.setTimestamp(4, Timestamp.from(clock.instant()));
      ps.executeUpdate();
    }
  }

  private static Array longs(Connection c, List<Long> ids) throws SQLException {
    return c.createArrayOf("bigint", ids.toArray());
  }

  // ---------------------------------------------------------------- record

  private void record(Connection c, TenantRef tenant, List<Sent> group) throws SQLException {
    List<Long> sentIds = new ArrayList<>();
    List<String> sentReplies = new ArrayList<>();
    for (Sent s : group) {
      if (s.result().accepted()) {
        sentIds.add(s.message().id());
        sentReplies.add(s.result().reply() == null ? null : truncate(s.result().reply(), 1000));
      } else {
        record(c, s.message(), s.result());
      }
    }
    if (sentIds.isEmpty()) {
      return;
    }
    // One statement for the group: SENT with each reply, and its SENT event. The provider has
    // these messages already, so the commit does not wait for the WAL flush: losing it takes a
    // crash of the database itself within about 0.6 s, and means a recovered re-send (the same
    // case as a crash of the relay before this commit; docs/reliability.md), never a lost mail.
    try (PreparedStatement ps =
        c.prepareStatement(
            "with s as (select set_config('synchronous_commit', 'off', true)),"
                + " r as (select * from unnest(?::bigint[], ?::text[]) as r(id, reply)),"
                + " u as (update messages m set status = 'SENT', reason = null,"
                + " reply = r.reply, sent_at = ? , not_before = null from r, s"
                + " where m.id = r.id returning m.id, m.reply)"
                + " insert into message_events (message_id, type, detail, at)"
                + " select u.id, 'SENT', u.reply, ? from u")) {
      Timestamp now = Timestamp.from(clock.instant());
      ps.setArray(1, longs(c, sentIds));
      ps.setArray(2, c.createArrayOf("text", sentReplies.toArray()));
      ps.setTimestamp(3, now);
      ps.setTimestamp(4, now);
      ps.executeUpdate();
    }
    // billed in the same commit; a recovered re-send of the same message is not billed again
    usage.recordEach(
        c,
        tenant.id(),
        Meter.EMAILS_SENT,
        "message:",
        sentIds.toArray(Long[]::new),
        null,
        clock.instant());
  }

  private void record(Connection c, Claimed m, SendResult result) throws SQLException {
    String reply = result.reply() == null ? null : truncate(result.reply(), 1000);
    if (result.accepted()) {
      finish(c, m.id(), "SENT", null, reply, null);
    } else if (options.retry().retries(m.attempt(), result.failure())) {
      Instant next = clock.instant().plus(options.retry().backoffAfter(m.attempt(), m.id()));
      try (PreparedStatement ps =
          c.prepareStatement(
              "update messages set status = 'QUEUED', not_before = ?, reply = ? where id = ?")) {
        ps.setTimestamp(1, Timestamp.from(next));
        ps.setString(2, reply);
        ps.setLong(3, m.id());
        ps.executeUpdate();
      }
      Messages.event(
          c,
          m.id(),
          "RETRY",
          "attempt "
              + m.attempt()
              + " of "
              + options.maxAttempts()
              + " failed: "
              + truncate(String.valueOf(reply), 600)
              + "; next try "
              + format(next, ZoneOffset.UTC, true),
          clock);
    } else {
      String detail =
          result.retryable() ? "gave up after " + m.attempt() + " attempts: " + reply : reply;
      finish(c, m.id(), "FAILED", "SEND_FAILED", reply, truncate(String.valueOf(detail), 1000));
    }
  }

  private void finish(
      Connection c, long id, String status, String reason, String reply, String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update messages set status = ?, reason = ?, reply = ?, sent_at = ?,"
                + " not_before = null where id = ?")) {
      ps.setString(1, status);
      ps.setString(2, reason);
      ps.setString(3, reply);
      ps.setTimestamp(4, "SENT".equals(status) ? Timestamp.from(clock.instant()) : null);
      ps.setLong(5, id);
      ps.executeUpdate();
    }
    Messages.event(c, id, status, detail != null ? detail : reply != null ? reply : reason, clock);
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

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
