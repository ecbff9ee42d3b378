package io.omnireach.app;

import io.omnireach.app.startup.StartupState;
import io.omnireach.auth.LoginThrottle;
import io.omnireach.auth.PasswordResets;
import io.omnireach.auth.Sessions;
import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandResolver;
import io.omnireach.brand.EffectiveBrand;
import io.omnireach.channel.OutboundMessage;
import io.omnireach.channel.SendResult;
import io.omnireach.channel.SmtpChannel;
import io.omnireach.channel.SmtpSettings;
import io.omnireach.db.Transactions;
import io.omnireach.mail.MailBrand;
import io.omnireach.mail.SystemMail;
import io.omnireach.mail.SystemMailRelay;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * System email (invitations, password resets, alerts): the outbox, its relay on the managed
 * scheduled executor (every {@code omnireach.system-mail.sweep-seconds}, default 5) and the SMTP
 * server from {@code OMNIREACH_SMTP_HOST}, {@code _PORT} (587), {@code _USERNAME}, {@code
 * _PASSWORD}, {@code _FROM} ({@code "Name <address>"} or an address) and {@code _STARTTLS} (true).
 *
 * <p>Without a host, production logs a warning at start and keeps the mails queued until one is
 * configured; dev mode writes each mail (with its links) to the server log instead of sending it.
 */
@ApplicationScoped
public class SystemMailServices {

  private static final Logger LOG = Logger.getLogger(SystemMailServices.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Produces
  @Singleton
  SystemMail systemMail(
      Clock clock,
      BrandResolver brands,
      @ConfigProperty(name = "omnireach.public-url", defaultValue = "http://localhost:9080")
          String publicUrl) {
    return new SystemMail(
        clock, publicUrl, tenant -> mailBrand(brands.forTenant(tenant.id()), publicUrl));
  }

  /** The tenant's effective brand (reseller's, with the tenant's allowed overrides) for a mail. */
  static MailBrand mailBrand(EffectiveBrand effective, String publicUrl) {
    Brand brand = effective.brand();
    String logo = brand.logoUrl();
    if (logo != null && logo.startsWith("/")) {
      logo = publicUrl.replaceAll("/+$", "") + logo; // mail clients need absolute addresses
    }
    return new MailBrand(
        brand.productName(),
        brand.primaryColor(),
        logo,
        brand.supportEmail(),
        effective.showPoweredBy());
  }

  @Produces
  @Singleton
  SystemMailRelay systemMailRelay(
      Transactions tx,
      Clock clock,
      @ConfigProperty(name = "omnireach.smtp.host") Optional<String> host,
      @ConfigProperty(name = "omnireach.smtp.port", defaultValue = "587") int port,
      @ConfigProperty(name = "omnireach.smtp.username") Optional<String> username,
      @ConfigProperty(name = "omnireach.smtp.password") Optional<String> password,
      @ConfigProperty(name = "omnireach.smtp.from") Optional<String> from,
      @ConfigProperty(name = "omnireach.smtp.starttls", defaultValue = "true") boolean starttls,
      @ConfigProperty(name = "omnireach.dev-mode", defaultValue = "false") boolean devMode) {
    if (host.filter(h -> !h.isBlank()).isEmpty()) {
      if (devMode) {
        return new SystemMailRelay(
            tx, SystemMailServices::writeToLog, "no-reply@localhost", clock, options());
      }
      LOG.warning(
          "System email is not configured (OMNIREACH_SMTP_HOST is not set): invitation and"
              + " password reset emails stay queued until it is.");
      return new SystemMailRelay(tx, null, null, clock, options());
    }
    InternetAddress sender;
    try {
      sender = new InternetAddress(from.orElse(""), true);
    } catch (AddressException e) {
      LOG.warning(
          "System email is not configured: OMNIREACH_SMTP_FROM ("
              + from.orElse("not set")
              + ") is not an email address. Invitation and password reset emails stay queued.");
      return new SystemMailRelay(tx, null, null, clock, options());
    }
    SmtpSettings settings =
        new SmtpSettings(
            host.get(),
            port,
            starttls,
            username.orElse(null),
            password.orElse(null),
            sender.getAddress(),
            sender.getPersonal());
    LOG.info("System email goes out through " + settings);
    return new SystemMailRelay(
        tx, SmtpChannel.reusing(settings), sender.getAddress(), clock, options());
  }

  private static SystemMailRelay.Options options() {
    return SystemMailRelay.Options.DEFAULTS;
  }

  /** Dev mode without an SMTP server: the mail, links included, goes to the server log. */
  private static SendResult writeToLog(OutboundMessage m) {
    LOG.info(
        "Dev mode, no OMNIREACH_SMTP_HOST: system mail to "
            + m.to()
            + " (not sent)\nSubject: "
            + m.subject()
            + "\n\n"
            + m.text());
    return SendResult.accepted("dev mode: written to the server log");
  }

  @Produces
  @Singleton
  PasswordResets passwordResets(Transactions tx, SystemMail mail, Clock clock, Sessions sessions) {
    return new PasswordResets(
        tx, mail, LoginThrottle.standard(clock), clock, onPasswordChanged(sessions));
  }

  /**
   * Runs after a password reset committed, with the user's id: every session of the user (API
   * tokens, refresh tokens, UI sessions) ends on its next request.
   */
  static LongConsumer onPasswordChanged(Sessions sessions) {
    return userId -> {
      sessions.revokeUser(userId);
      LOG.info("Password of user " + userId + " was reset; the user's sessions were revoked");
    };
  }

  void onStart(
      @Observes @Initialized(ApplicationScoped.class) Object event,
      SystemMailRelay relay,
      StartupState startup,
      @ConfigProperty(name = "omnireach.system-mail.sweep-seconds", defaultValue = "5")
          long sweepSeconds) {
    scheduler.scheduleWithFixedDelay(
        () -> {
          if (!startup.isReady()) {
            return;
          }
          try {
            relay.relayDue(500);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "System mail sweep failed; the next one retries", e);
          }
        },
        sweepSeconds,
        sweepSeconds,
        TimeUnit.SECONDS);
  }
}
