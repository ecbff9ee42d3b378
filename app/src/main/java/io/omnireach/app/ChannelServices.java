package io.omnireach.app;

import io.omnireach.app.security.MasterKey;
import io.omnireach.channel.ChannelAdapters;
import io.omnireach.channel.ComplianceSettings;
import io.omnireach.channel.HostPolicy;
import io.omnireach.channel.Mailboxes;
import io.omnireach.channel.MessageRelay;
import io.omnireach.channel.Messages;
import io.omnireach.channel.SmsAccounts;
import io.omnireach.channel.Tracking;
import io.omnireach.channel.TrackingLinks;
import io.omnireach.channel.TwilioSmsChannel;
import io.omnireach.channel.TwilioVoiceChannel;
import io.omnireach.channel.UnsubscribeTokens;
import io.omnireach.channel.Unsubscribes;
import io.omnireach.channel.analytics.ChannelAnalytics;
import io.omnireach.channel.analytics.EmailAnalytics;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.usage.SendingGate;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires the channel feature of core (mailboxes, outbox, relay, unsubscribe, tracking) into CDI.
 *
 * <p>Configuration: {@code omnireach.master-key} (see {@link MasterKey}), {@code
 * omnireach.public-url} (base of unsubscribe links), {@code omnireach.channel.allow-private-hosts}
 * (default: on in dev mode only), and the outbox relay's {@code omnireach.outbox.max-attempts}
 * (default 5), {@code omnireach.outbox.retry-backoff-seconds} (30, doubled per attempt, at most an
 * hour), {@code omnireach.outbox.lease-seconds} (120: a SENDING row older than this is recovered)
 * and {@code omnireach.outbox.batch-size} (50 rows per claim); {@code omnireach.twilio.api-base}
 * ({@code OMNIREACH_TWILIO_API_BASE}: where the Twilio client sends SMS instead of api.twilio.com,
 * e.g. a local fake in tests).
 */
@ApplicationScoped
public class ChannelServices {

  /** Where the outbox sweep records its replies while it sends. */
  @Resource ManagedExecutorService executor;

  @Produces
  @Singleton
  SecretBox secrets() {
    return MasterKey.secretBox();
  }

  @Produces
  @Singleton
  HostPolicy hostPolicy(
      @ConfigProperty(name = "omnireach.channel.allow-private-hosts") Optional<Boolean> allow,
      @ConfigProperty(name = "omnireach.dev-mode", defaultValue = "false") boolean devMode) {
    return new HostPolicy(allow.orElse(devMode));
  }

  @Produces
  @Singleton
  Mailboxes mailboxes(Transactions tx, SecretBox secrets, HostPolicy hosts) {
    return new Mailboxes(tx, secrets, hosts);
  }

  @Produces
  @Singleton
  Messages messages(Transactions tx, Clock clock) {
    return new Messages(tx, clock);
  }

  @Produces
  @Singleton
  SmsAccounts smsAccounts(Transactions tx, SecretBox secrets, Clock clock) {
    return new SmsAccounts(tx, secrets, clock);
  }

  @Produces
  @Singleton
  ComplianceSettings compliance(Transactions tx) {
    return new ComplianceSettings(tx);
  }

  @Produces
  @Singleton
  UnsubscribeTokens unsubscribeTokens(SecretBox secrets) {
    return new UnsubscribeTokens(secrets);
  }

  @Produces
  @Singleton
  Unsubscribes unsubscribes(
      Transactions tx, TenantDirectory tenants, UnsubscribeTokens tokens, Clock clock) {
    return new Unsubscribes(tx, tenants, tokens, clock);
  }

  @Produces
  @Singleton
  TrackingLinks trackingLinks(SecretBox secrets) {
    return new TrackingLinks(secrets);
  }

  @Produces
  @Singleton
  Tracking tracking(Transactions tx, TenantDirectory tenants, TrackingLinks links, Clock clock) {
    return new Tracking(tx, tenants, links, clock);
  }

  /** SMTP connections kept open per mailbox, SendGrid clients; closed at shutdown. */
  @Produces
  @Singleton
  ChannelAdapters adapters() {
    return new ChannelAdapters();
  }

  void closeAdapters(@Disposes ChannelAdapters adapters) {
    adapters.close();
  }

  @Produces
  @Singleton
  MessageRelay relay(
      Transactions tx,
      Mailboxes mailboxes,
      UnsubscribeTokens tokens,
      TrackingLinks tracking,
      HostPolicy hosts,
      ChannelAdapters adapters,
      @ConfigProperty(name = "omnireach.public-url", defaultValue = "http://localhost:9080")
          String publicUrl,
      @ConfigProperty(name = "omnireach.outbox.max-attempts", defaultValue = "5") int maxAttempts,
      @ConfigProperty(name = "omnireach.outbox.retry-backoff-seconds", defaultValue = "30")
          long backoffSeconds,
      @ConfigProperty(name = "omnireach.outbox.lease-seconds", defaultValue = "120")
          long leaseSeconds,
      @ConfigProperty(name = "omnireach.outbox.batch-size", defaultValue = "50") int batchSize,
      @ConfigProperty(name = "omnireach.twilio.api-base") Optional<String> twilioApiBase,
      SmsAccounts sms,
      Clock clock,
      SendingGate gate,
      io.omnireach.common.Telemetry telemetry) {
    return new MessageRelay(
            tx,
            mailboxes,
            tokens,
            tracking,
            hosts,
            adapters,
            publicUrl,
            clock,
            new MessageRelay.Options(
                RetryPolicy.OUTBOX
                    .withMaxAttempts(maxAttempts)
                    .withInitialBackoff(Duration.ofSeconds(backoffSeconds)),
                Duration.ofSeconds(leaseSeconds),
                batchSize),
            executor)
        .gatedBy(gate)
        .withSms(sms, TwilioSmsChannel.factory(twilioApiBase.orElse(null)))
        .withVoice(TwilioVoiceChannel.factory(twilioApiBase.orElse(null), publicUrl))
        .observedBy(telemetry);
  }

  @Produces
  @Singleton
  EmailAnalytics emailAnalytics(Transactions tx, Clock clock) {
    return new EmailAnalytics(tx, clock);
  }

  @Produces
  @Singleton
  ChannelAnalytics channelAnalytics(Transactions tx, Clock clock) {
    return new ChannelAnalytics(tx, clock);
  }
}
