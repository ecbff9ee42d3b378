package io.omnireach.app.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the JVM has heap headroom; a restart is the cure otherwise. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    double ratio = (double) used / rt.maxMemory();
    return HealthCheckResponse.named("heap")
        .status(ratio < 0.95)
        .withData("usedRatio", String.format("%.2f", ratio))
        .build();
  }
}
