package io.omnireach.app;

import io.omnireach.app.startup.StartupState;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one loop over the tenants for background work. Each tick (as often as the most frequent
 * {@link TenantJob}) lists the tenants once and starts every job whose interval has passed since
 * its last pass ended, on the managed executor so a slow job (embedding a backlog, relaying a full
 * outbox) holds back neither the others nor the tick. A job never overlaps itself. Within a pass
 * each ACTIVE tenant runs in its own try/catch: a failure is logged at WARNING with the tenant and
 * the job, and the next tenant goes on. Platform-wide schedulers (usage, invoices, reply poll,
 * system mail) are not tenant jobs and keep their own timers.
 */
@ApplicationScoped
public class TenantLoop {

  private static final Logger LOG = Logger.getLogger(TenantLoop.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService executor;
  @Inject Instance<TenantJob> registered;
  @Inject TenantDirectory tenants;
  @Inject StartupState startup;
  @Inject io.omnireach.app.metrics.Metrics metrics;

  private final List<Slot> slots = new ArrayList<>();

  /** A job with when it may next start and whether a pass of it is under way. */
  static final class Slot {
    final TenantJob job;
    final Duration every;
    private volatile Instant next;
    private final AtomicBoolean running = new AtomicBoolean();

    Slot(TenantJob job, Instant now) {
      this.job = job;
      this.every = job.every();
      this.next = now.plus(every);
    }

    /** Claims the slot when its time has come and no pass is running. */
    boolean start(Instant now) {
      return !now.isBefore(next) && running.compareAndSet(false, true);
    }

    void ended(Instant now) {
      next = now.plus(every);
      running.set(false);
    }
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    Instant now = Instant.now();
    for (TenantJob job : registered) {
      if (!job.every().isZero() && !job.every().isNegative()) {
        slots.add(new Slot(job, now));
      }
    }
    if (slots.isEmpty()) {
      return;
    }
    long tickMillis = slots.stream().mapToLong(s -> s.every.toMillis()).min().orElseThrow();
    LOG.info(
        "Tenant loop every "
            + tickMillis
            + " ms: "
            + String.join(", ", slots.stream().map(s -> s.job.name() + " " + s.every).toList()));
    scheduler.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
  }

  void tick() {
    if (!startup.isReady()) {
      return;
    }
    try {
      tick(slots, Clock.systemUTC(), tenants.list(null), executor, metrics::tenantJobFailed);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Tenant loop tick failed", e);
    }
  }

  /** Starts each due slot's pass over the active tenants on {@code executor}. */
  static void tick(List<Slot> slots, Clock clock, List<Tenant> all, Executor executor) {
    tick(slots, clock, all, executor, job -> {});
  }

  /** As above; {@code failed} hears the job's name for each tenant it failed for (metrics). */
  static void tick(
      List<Slot> slots,
      Clock clock,
      List<Tenant> all,
      Executor executor,
      java.util.function.Consumer<String> failed) {
    Instant now = clock.instant();
    List<Tenant> active = all.stream().filter(t -> t.status() == TenantStatus.ACTIVE).toList();
    for (Slot slot : slots) {
      if (slot.start(now)) {
        try {
          executor.execute(
              () -> {
                try {
                  pass(slot.job, active, failed);
                } finally {
                  slot.ended(clock.instant());
                }
              });
        } catch (RuntimeException e) {
          slot.ended(now); // e.g. the executor is shutting down; the next tick tries again
          LOG.log(Level.WARNING, "Could not start tenant job " + slot.job.name(), e);
        }
      }
    }
  }

  /** Runs a job for each tenant; one tenant's failure is logged and does not stop the others. */
  static void pass(TenantJob job, List<Tenant> tenants) {
    pass(job, tenants, name -> {});
  }

  static void pass(
      TenantJob job, List<Tenant> tenants, java.util.function.Consumer<String> failed) {
    for (Tenant t : tenants) {
      try {
        job.run(t);
      } catch (RuntimeException e) {
        failed.accept(job.name());
        LOG.log(Level.WARNING, "Tenant job " + job.name() + " failed for tenant " + t.slug(), e);
      }
    }
  }
}
