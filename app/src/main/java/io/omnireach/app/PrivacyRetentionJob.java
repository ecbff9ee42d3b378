package io.omnireach.app;

import io.omnireach.privacy.PrivacyRetention;
import io.omnireach.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies each active tenant's retention settings every {@code omnireach.privacy.retention-minutes}
 * (default 60; 0 turns it off): message and reply bodies past their months are blanked, cached AI
 * texts and consumed lead signals past their days deleted; what went is audited ({@link
 * PrivacyRetention#apply}).
 */
@ApplicationScoped
public class PrivacyRetentionJob implements TenantJob {

  private static final Logger LOG = Logger.getLogger(PrivacyRetentionJob.class.getName());

  @Inject PrivacyRetention retention;

  @Inject
  @ConfigProperty(name = "omnireach.privacy.retention-minutes", defaultValue = "60")
  long minutes;

  @Override
  public String name() {
    return "privacy-retention";
  }

  @Override
  public Duration every() {
    return Duration.ofMinutes(minutes);
  }

  @Override
  public void run(Tenant t) {
    Map<String, Integer> purged = retention.apply(t.ref());
    if (!purged.isEmpty()) {
      LOG.info("Retention purged in " + t.slug() + ": " + purged);
    }
  }
}
