package io.omnireach.app.health;

import io.omnireach.app.startup.StartupState;
import io.omnireach.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when start-up finished, the database answers, and no platform migration is pending. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Inject StartupState startup;
  @Inject Transactions tx;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
    if (!startup.isReady()) {
      return response
          .down()
          .withData("startup", startup.failure() == null ? "in progress" : startup.failure())
          .build();
    }
    try {
      // a cheap ping per probe; the migration state was read once at start-up
      tx.platform(c -> c.isValid(2));
      int pending = startup.pendingMigrations();
      return response.status(pending == 0).withData("pendingMigrations", pending).build();
    } catch (RuntimeException e) {
      return response.down().withData("error", e.getMessage()).build();
    }
  }
}
