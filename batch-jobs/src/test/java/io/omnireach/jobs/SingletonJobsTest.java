package io.omnireach.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A running execution left behind by a server killed with kill -9 stays STARTED in the shared job
 * repository; past {@link SingletonJobs#STALE_AFTER} it no longer keeps the other servers from
 * starting the job (scripts/scale-out.sh kills a server while it polls replies).
 */
class SingletonJobsTest {

  static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

  @Test
  void an_execution_updated_recently_is_running() {
    assertThat(SingletonJobs.live(started(NOW.minusSeconds(30)), NOW)).isTrue();
    assertThat(
            SingletonJobs.live(started(NOW.minus(SingletonJobs.STALE_AFTER).plusSeconds(1)), NOW))
        .isTrue();
  }

  @Test
  void an_execution_of_a_dead_server_stops_counting_after_the_bound() {
    assertThat(SingletonJobs.live(started(NOW.minus(SingletonJobs.STALE_AFTER)), NOW)).isFalse();
    assertThat(SingletonJobs.live(started(NOW.minus(Duration.ofHours(3))), NOW)).isFalse();
  }

  /** A STARTED execution as the repository returns it: only its times matter here. */
  static JobExecution started(Instant lastUpdated) {
    return new JobExecution() {
      @Override
      public long getExecutionId() {
        return 1;
      }

      @Override
      public String getJobName() {
        return "reply-poll";
      }

      @Override
      public BatchStatus getBatchStatus() {
        return BatchStatus.STARTED;
      }

      @Override
      public Date getStartTime() {
        return Date.from(lastUpdated);
      }

      @Override
      public Date getEndTime() {
        return null;
      }

      @Override
      public String getExitStatus() {
        return null;
      }

      @Override
      public Date getCreateTime() {
        return Date.from(lastUpdated);
      }

      @Override
      public Date getLastUpdatedTime() {
        return Date.from(lastUpdated);
      }

      @Override
      public Properties getJobParameters() {
        return new Properties();
      }
    };
  }
}
