package io.omnireach.app.startup;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.user.OwnerBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code OMNIREACH_BOOTSTRAP_OWNER_EMAIL} + {@code _PASSWORD} (+ optional {@code _NAME}): the first
 * Owner of a production install, created at start while no Owner exists and ignored afterwards
 * (like Keycloak's {@code KC_BOOTSTRAP_ADMIN_*}). A weak password or a missing half stops the
 * start-up with the reason, rather than leaving an install nobody can sign in to.
 */
@ApplicationScoped
public class OwnerFromEnvironment {

  private static final Logger LOG = Logger.getLogger(OwnerFromEnvironment.class.getName());

  @Inject Transactions tx;

  @Inject
  @ConfigProperty(name = "omnireach.bootstrap.owner.email")
  Optional<String> email;

  @Inject
  @ConfigProperty(name = "omnireach.bootstrap.owner.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "omnireach.bootstrap.owner.name")
  Optional<String> name;

  void apply() {
    OwnerBootstrap bootstrap = new OwnerBootstrap(tx);
    boolean configured = email.filter(e -> !e.isBlank()).isPresent();
    if (!configured) {
      if (bootstrap.existingOwner().isEmpty()) {
        LOG.warning(
            "No platform Owner exists yet: set OMNIREACH_BOOTSTRAP_OWNER_EMAIL and"
                + " OMNIREACH_BOOTSTRAP_OWNER_PASSWORD and restart, or run"
                + " ./omnireach create-owner EMAIL.");
      }
      return;
    }
    if (password.filter(p -> !p.isEmpty()).isEmpty()) {
      Optional<String> existing = bootstrap.existingOwner();
      if (existing.isPresent()) {
        return; // done before; the password may have been removed from the environment since
      }
      throw new IllegalStateException(
          "OMNIREACH_BOOTSTRAP_OWNER_EMAIL is set but OMNIREACH_BOOTSTRAP_OWNER_PASSWORD is not.");
    }
    try {
      OwnerBootstrap.Outcome outcome =
          bootstrap.createFirstOwner(
              email.get(), name.orElse(null), password.get(), "OMNIREACH_BOOTSTRAP_OWNER");
      if (outcome.created()) {
        LOG.info("Created the platform Owner " + outcome.ownerEmail() + " from the environment.");
      } else {
        LOG.info(
            "OMNIREACH_BOOTSTRAP_OWNER_* ignored: the platform already has an Owner ("
                + outcome.ownerEmail()
                + "). You may remove these variables.");
      }
    } catch (DomainException e) {
      throw new IllegalStateException("OMNIREACH_BOOTSTRAP_OWNER_* refused: " + e.getMessage(), e);
    }
  }
}
