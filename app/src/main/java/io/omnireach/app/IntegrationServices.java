package io.omnireach.app;

import io.omnireach.channel.HostPolicy;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.integration.Audiences;
import io.omnireach.integration.Deliveries;
import io.omnireach.integration.Webhooks;
import io.omnireach.retry.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires webhooks, the delivery log and retargeting audiences of core into CDI. Configuration:
 * {@code omnireach.webhooks.initial-backoff} (ISO-8601, default PT10S: the first retry's wait,
 * growing threefold) and {@code omnireach.audiences.<adapter>.api-base} (e.g. {@code
 * OMNIREACH_AUDIENCES_META_API_BASE}; default the platform's own API, a local fake in tests).
 */
@ApplicationScoped
public class IntegrationServices {

  @Produces
  @Singleton
  Webhooks webhooks(Transactions tx, SecretBox secrets, HostPolicy hosts) {
    return new Webhooks(tx, secrets, hosts);
  }

  @Produces
  @Singleton
  Deliveries deliveries(
      Transactions tx,
      SecretBox secrets,
      Webhooks webhooks,
      HostPolicy hosts,
      @ConfigProperty(name = "omnireach.webhooks.initial-backoff", defaultValue = "PT10S")
          String initialBackoff,
      Clock clock) {
    RetryPolicy policy = RetryPolicy.WEBHOOK.withInitialBackoff(Duration.parse(initialBackoff));
    return new Deliveries(tx, secrets, webhooks, hosts, policy, clock);
  }

  @Produces
  @Singleton
  Audiences audiences(Transactions tx, SecretBox secrets, Clock clock) {
    Config config = ConfigProvider.getConfig();
    return new Audiences(
        tx,
        secrets,
        adapter ->
            config
                .getOptionalValue(
                    "omnireach.audiences." + adapter.toLowerCase(Locale.ROOT) + ".api-base",
                    String.class)
                .orElse(null),
        clock);
  }
}
