package io.omnireach.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant loop's passes: per-tenant isolation of failures, cadence, no overlap. */
class TenantLoopTest {

  static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

  final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  final Logger logger = Logger.getLogger(TenantLoop.class.getName());
  final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          logged.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(handler);
  }

  @AfterEach
  void stop() {
    logger.removeHandler(handler);
  }

  static Clock at(int seconds) {
    return Clock.fixed(T0.plusSeconds(seconds), ZoneOffset.UTC);
  }

  static Tenant tenant(long id, String slug, TenantStatus status) {
    return new Tenant(id, slug, slug, null, status, null, T0);
  }

  /** A job that records the tenants it ran for. */
  record Recording(String name, Duration every, List<String> ran, Consumer<Tenant> also)
      implements TenantJob {
    Recording(String name, Duration every) {
      this(name, every, new CopyOnWriteArrayList<>(), t -> {});
    }

    @Override
    public void run(Tenant tenant) {
      also.accept(tenant);
      ran.add(tenant.slug());
    }
  }

  @Test
  void a_job_failing_for_one_tenant_logs_a_warning_and_the_other_tenants_still_run() {
    Recording job =
        new Recording(
            "outbox-sweep",
            Duration.ofSeconds(5),
            new ArrayList<>(),
            t -> {
              if (t.slug().equals("broken")) {
                throw new IllegalStateException("schema not migrated");
              }
            });
    TenantLoop.pass(
        job,
        List.of(
            tenant(1, "acme", TenantStatus.ACTIVE),
            tenant(2, "broken", TenantStatus.ACTIVE),
            tenant(3, "globex", TenantStatus.ACTIVE)));

    assertThat(job.ran()).containsExactly("acme", "globex");
    assertThat(logged).hasSize(1);
    LogRecord r = logged.get(0);
    assertThat(r.getLevel()).isEqualTo(Level.WARNING);
    assertThat(r.getMessage()).contains("outbox-sweep").contains("broken");
    assertThat(r.getThrown()).hasMessage("schema not migrated");
  }

  @Test
  void a_tick_runs_due_jobs_for_active_tenants_only_each_at_its_own_cadence() {
    Recording fast = new Recording("workflow-tick", Duration.ofSeconds(1));
    Recording slow = new Recording("lead-history", Duration.ofSeconds(15));
    List<TenantLoop.Slot> slots =
        List.of(new TenantLoop.Slot(fast, T0), new TenantLoop.Slot(slow, T0));
    List<Tenant> tenants =
        List.of(
            tenant(1, "acme", TenantStatus.ACTIVE),
            tenant(2, "new", TenantStatus.PROVISIONING),
            tenant(3, "gone", TenantStatus.SUSPENDED));

    TenantLoop.tick(slots, at(0), tenants, Runnable::run);
    assertThat(fast.ran()).isEmpty(); // nothing is due at start

    for (int s = 1; s <= 20; s++) {
      TenantLoop.tick(slots, at(s), tenants, Runnable::run);
    }
    // the next pass is due an interval after the last one ended
    assertThat(fast.ran()).hasSize(20).containsOnly("acme");
    assertThat(slow.ran()).containsExactly("acme"); // at 15 s, the next at 30 s
  }

  @Test
  void a_job_whose_pass_is_still_running_is_not_started_again() {
    Recording job = new Recording("reply-work", Duration.ofSeconds(1));
    TenantLoop.Slot slot = new TenantLoop.Slot(job, T0);
    List<Runnable> queued = new ArrayList<>();
    List<Tenant> tenants = List.of(tenant(1, "acme", TenantStatus.ACTIVE));

    TenantLoop.tick(List.of(slot), at(1), tenants, queued::add);
    TenantLoop.tick(List.of(slot), at(2), tenants, queued::add);
    assertThat(queued).hasSize(1);

    queued.get(0).run(); // the pass ends (at 1 s, its clock): the next may start at 2 s
    TenantLoop.tick(List.of(slot), at(2), tenants, queued::add);
    assertThat(queued).hasSize(2);
    assertThat(job.ran()).containsExactly("acme");
  }
}
