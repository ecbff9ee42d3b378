package io.omnireach.app;

import io.omnireach.db.Transactions;
import io.omnireach.jobs.privacy.PrivacyJobs;
import io.omnireach.privacy.PrivacyRequests;
import io.omnireach.privacy.PrivacyRetention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires GDPR exports, erasures (run by the privacy-request batch job) and retention into CDI. */
@ApplicationScoped
public class PrivacyServices {

  @Produces
  @Singleton
  PrivacyRequests privacyRequests(Transactions tx, Clock clock, PrivacyJobs jobs) {
    return new PrivacyRequests(tx, clock, jobs);
  }

  @Produces
  @Singleton
  PrivacyRetention privacyRetention(Transactions tx, Clock clock) {
    return new PrivacyRetention(tx, clock);
  }
}
