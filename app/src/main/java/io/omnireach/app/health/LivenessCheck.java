package io.omnireach.app.health;

import io.omnireach.app.startup.StartupState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while start-up has not failed and the JVM has heap headroom; a restart is the cure otherwise
 * (e.g. the database was unreachable when the server started).
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

  @Inject StartupState startup;

  @Override
  public HealthCheckResponse call() {
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    double ratio = (double) used / rt.maxMemory();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("app").withData("heapUsedRatio", String.format("%.2f", ratio));
    if (startup.failure() != null) {
      return response.down().withData("startup", startup.failure()).build();
    }
    return response.status(ratio < 0.95).build();
  }
}
