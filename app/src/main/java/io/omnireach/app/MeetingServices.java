package io.omnireach.app;

import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.meeting.CalendlyAccounts;
import io.omnireach.meeting.CalendlyClient;
import io.omnireach.meeting.CalendlyWebhooks;
import io.omnireach.meeting.Meetings;
import io.omnireach.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires Calendly meetings of core into CDI. Configuration: {@code omnireach.calendly.api-base}
 * ({@code OMNIREACH_CALENDLY_API_BASE}, default https://api.calendly.com; a local fake in tests)
 * and {@code omnireach.public-url} ({@code OMNIREACH_PUBLIC_URL}: the webhook subscribed at
 * Calendly is that + /webhooks/calendly).
 */
@ApplicationScoped
public class MeetingServices {

  @Produces
  @Singleton
  CalendlyAccounts calendlyAccounts(
      Transactions tx,
      SecretBox secrets,
      @ConfigProperty(name = "omnireach.calendly.api-base") Optional<String> apiBase,
      @ConfigProperty(name = "omnireach.public-url", defaultValue = "http://localhost:9080")
          String publicUrl,
      Clock clock) {
    return new CalendlyAccounts(
        tx, secrets, new CalendlyClient(apiBase.orElse(null)), publicUrl, clock);
  }

  @Produces
  @Singleton
  CalendlyWebhooks calendlyWebhooks(
      Transactions tx, TenantDirectory tenants, CalendlyAccounts accounts, Clock clock) {
    return new CalendlyWebhooks(tx, tenants, accounts, clock);
  }

  @Produces
  @Singleton
  Meetings meetings(Transactions tx) {
    return new Meetings(tx);
  }
}
