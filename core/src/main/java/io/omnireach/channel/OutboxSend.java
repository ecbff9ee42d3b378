package io.omnireach.channel;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Step 3 of the relay: hands each claimed message to its {@link Channel}, outside any transaction.
 * A mailbox host the {@link HostPolicy} refuses, or a channel that throws, is a permanent failure;
 * everything the channel says goes to the recorder.
 *
 * <p>A sweep ({@link #sweep}) sends the messages of a mailbox with {@link
 * SmtpSettings#connections()} above 1 over that many connections at once: one queue per mailbox,
 * drained by that many lanes (worker threads), each with its own connection ({@link
 * ChannelAdapters#apply(SmtpSettings, int)}). Every claimed message is put on exactly one queue and
 * taken by exactly one lane, so each is sent once; claims, checks and caps are unchanged (they run
 * before a message reaches a lane). Other messages go out on the calling thread, as before.
 */
final class OutboxSend {

  private static final Logger LOG = Logger.getLogger(OutboxSend.class.getName());

  /**
   * Messages waiting per lane at most (the claiming thread waits when a mailbox's queue is full).
   */
  static final int QUEUED_PER_LANE = 16;

  private final HostPolicy hosts;
  private final Function<SmtpSettings, Channel> email;
  private final Function<SmsSettings, Channel> sms;
  private final Function<SmsSettings, Channel> voice;

  OutboxSend(
      HostPolicy hosts,
      Function<SmtpSettings, Channel> email,
      Function<SmsSettings, Channel> sms,
      Function<SmsSettings, Channel> voice) {
    this.hosts = hosts;
    this.email = email;
    this.sms = sms;
    this.voice = voice;
  }

  void send(List<OutboxClaimed> batch, Consumer<OutboxRecord.Sent> recorder) {
    Map<String, RuntimeException> refusedHosts = new HashMap<>();
    // one settings object per sender in a batch: look its channel up once, not per message
    Map<Object, Channel> channels = new IdentityHashMap<>();
    Map<Object, Channel> calls = new IdentityHashMap<>();
    for (OutboxClaimed m : batch) {
      SendResult result;
      try {
        Channel channel;
        if (m.channel() == ChannelKind.SMS) {
          channel = channels.computeIfAbsent(m.sms(), s -> sms.apply((SmsSettings) s));
        } else if (m.channel() == ChannelKind.VOICE) {
          channel = calls.computeIfAbsent(m.sms(), s -> voice.apply((SmsSettings) s));
        } else {
          checkHost(m.smtp(), refusedHosts);
          channel = channels.computeIfAbsent(m.smtp(), s -> email.apply((SmtpSettings) s));
        }
        result = channel.send(m.message());
      } catch (RuntimeException e) {
        result = SendResult.failed(e.getMessage() == null ? e.toString() : e.getMessage());
      }
      recorder.accept(new OutboxRecord.Sent(m, result));
    }
  }

  /** One sweep's parallel sending; {@link Sweep#finish} waits until every lane is done. */
  Sweep sweep(Executor executor, Consumer<OutboxRecord.Sent> recorder) {
    return new Sweep(executor, recorder);
  }

  final class Sweep {
    private final Executor executor;
    private final Consumer<OutboxRecord.Sent> recorder;
    private final Map<SmtpSettings, Lanes> lanes = new HashMap<>();
    private final Map<String, RuntimeException> refusedHosts = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object progress = new Object();

    Sweep(Executor executor, Consumer<OutboxRecord.Sent> recorder) {
      this.executor = executor;
      this.recorder = recorder;
    }

    /** Hands a claimed batch over: to its mailbox's lanes, or sent here and now. */
    void send(List<OutboxClaimed> batch) {
      List<OutboxClaimed> here = new ArrayList<>();
      for (OutboxClaimed m : batch) {
        Lanes l = null;
        if (executor != null
            && m.channel() == ChannelKind.EMAIL
            && m.smtp() != null
            && m.smtp().connections() > 1) {
          l = lanes.computeIfAbsent(m.smtp(), Lanes::new);
        }
        if (l == null) {
          here.add(m);
        } else {
          inFlight.incrementAndGet();
          if (!l.put(m)) {
            sent();
            here.add(m);
          }
        }
      }
      if (!here.isEmpty()) {
        OutboxSend.this.send(here, recorder);
      }
    }

    /** Messages handed to lanes and not yet given to the recorder. */
    int inFlight() {
      return inFlight.get();
    }

    /**
     * Waits until fewer than {@code n} messages are in flight; false when no lane runs any more
     * (what they left is sent by {@link #finish}).
     */
    boolean awaitInFlightBelow(int n) {
      boolean interrupted = false;
      try {
        synchronized (progress) {
          while (inFlight.get() >= n) {
            if (lanes.values().stream().noneMatch(l -> l.running.get() > 0)) {
              return false;
            }
            try {
              progress.wait(100);
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
          return true;
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private void sent() {
      inFlight.decrementAndGet();
      synchronized (progress) {
        progress.notifyAll();
      }
    }

    /** Returns once every message handed over is sent and given to the recorder. */
    void finish() {
      for (Lanes l : lanes.values()) {
        l.close();
      }
      List<OutboxClaimed> left = new ArrayList<>();
      for (Lanes l : lanes.values()) {
        l.await();
        l.queue.drainTo(left); // only when lanes stopped early
      }
      left.removeIf(m -> m == END);
      lanes.clear();
      if (!left.isEmpty()) {
        OutboxSend.this.send(left, recorder);
      }
    }

    /** One mailbox's queue and the lanes draining it, each over its own connection. */
    private final class Lanes {
      final SmtpSettings smtp;
      final BlockingQueue<OutboxClaimed> queue;
      final CountDownLatch stopped;
      final AtomicInteger running = new AtomicInteger();
      final int started;

      Lanes(SmtpSettings smtp) {
        this.smtp = smtp;
        int n = smtp.connections();
        this.queue = new ArrayBlockingQueue<>(n * QUEUED_PER_LANE);
        this.stopped = new CountDownLatch(n);
        int ok = 0;
        for (int lane = 0; lane < n; lane++) {
          int index = lane;
          running.incrementAndGet();
          try {
            executor.execute(() -> drain(index));
            ok++;
          } catch (RuntimeException e) { // RejectedExecutionException: fewer lanes
            running.decrementAndGet();
            stopped.countDown();
            LOG.log(Level.FINE, "No worker for a sending lane of mailbox " + smtp.mailboxId(), e);
          }
        }
        this.started = ok;
      }

      /** False when no lane runs (the caller sends it). */
      boolean put(OutboxClaimed m) {
        boolean interrupted = false;
        try {
          while (running.get() > 0) {
            try {
              if (queue.offer(m, 50, TimeUnit.MILLISECONDS)) {
                return true;
              }
            } catch (InterruptedException e) {
              interrupted = true; // the message is sent all the same
            }
          }
          return false;
        } finally {
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
        }
      }

      void close() {
        for (int i = 0; i < started; i++) {
          if (!put(END)) {
            break;
          }
        }
      }

      void await() {
        boolean interrupted = false;
        while (true) {
          try {
            stopped.await();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }

      private void drain(int lane) {
        try {
          Channel channel = null;
          while (true) {
            OutboxClaimed m = queue.take();
            if (m == END) {
              break;
            }
            SendResult result;
            try {
              checkHost(m.smtp(), refusedHosts);
              if (channel == null) {
                channel = laneChannel(m.smtp(), lane);
              }
              result = channel.send(m.message());
            } catch (RuntimeException e) {
              result = SendResult.failed(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            recorder.accept(new OutboxRecord.Sent(m, result));
            sent();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // what is left is sent by finish()
        } finally {
          running.decrementAndGet();
          stopped.countDown();
        }
      }
    }
  }

  /** Lane {@code lane}'s own connection, when the adapters keep one per lane. */
  private Channel laneChannel(SmtpSettings smtp, int lane) {
    return email instanceof ChannelAdapters adapters
        ? adapters.apply(smtp, lane)
        : email.apply(smtp);
  }

  /** Marks the end of a lane's queue. */
  private static final OutboxClaimed END =
      new OutboxClaimed(0, ChannelKind.EMAIL, null, null, null, 0);

  private void checkHost(SmtpSettings smtp, Map<String, RuntimeException> refusedHosts) {
    String host =
        smtp.sendGrid()
            ? smtp.apiBaseUrl() == null ? null : URI.create(smtp.apiBaseUrl()).getHost()
            : smtp.host();
    if (host == null) {
      return;
    }
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
}
