package io.omnireach.app;

import io.omnireach.integration.Audiences;
import io.omnireach.integration.Deliveries;
import io.omnireach.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The background work of integrations, as {@link TenantJob}s of the {@link TenantLoop}. */
public final class IntegrationJobs {

  private IntegrationJobs() {}

  /**
   * Sends due webhook deliveries and HTTP actions every {@code omnireach.webhooks.sweep-seconds}
   * (default 5), up to 500 a tenant a pass; several servers share the work (SKIP LOCKED).
   */
  @ApplicationScoped
  public static class WebhookDeliveryJob implements TenantJob {

    @Inject Deliveries deliveries;

    @Inject
    @ConfigProperty(name = "omnireach.webhooks.sweep-seconds", defaultValue = "5")
    long sweepSeconds;

    @Override
    public String name() {
      return "webhook-deliveries";
    }

    @Override
    public Duration every() {
      return Duration.ofSeconds(sweepSeconds);
    }

    @Override
    public void run(Tenant tenant) {
      deliveries.deliverDue(tenant.ref(), 500);
    }
  }

  /**
   * Syncs active audiences not synced for {@code omnireach.audiences.sync-minutes} (default 360),
   * checked every five minutes; 0 turns scheduled syncs off ("Sync now" still works).
   */
  @ApplicationScoped
  public static class AudienceSyncJob implements TenantJob {

    @Inject Audiences audiences;

    @Inject
    @ConfigProperty(name = "omnireach.audiences.sync-minutes", defaultValue = "360")
    long syncMinutes;

    @Override
    public String name() {
      return "audience-sync";
    }

    @Override
    public Duration every() {
      return syncMinutes <= 0 ? Duration.ZERO : Duration.ofMinutes(5);
    }

    @Override
    public void run(Tenant tenant) {
      audiences.syncDue(tenant.ref(), Duration.ofMinutes(syncMinutes));
    }
  }
}
