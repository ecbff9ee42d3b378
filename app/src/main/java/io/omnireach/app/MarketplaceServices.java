package io.omnireach.app;

import io.omnireach.channel.HostPolicy;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.integration.Webhooks;
import io.omnireach.marketplace.BlockCatalogue;
import io.omnireach.marketplace.BlockInstaller;
import io.omnireach.marketplace.InstalledBlocks;
import io.omnireach.marketplace.IntegrationInstaller;
import io.omnireach.marketplace.Marketplace;
import io.omnireach.marketplace.PersonaInstaller;
import io.omnireach.marketplace.PolicySetInstaller;
import io.omnireach.marketplace.PublisherKeyring;
import io.omnireach.marketplace.Registries;
import io.omnireach.marketplace.TenantChannels;
import io.omnireach.marketplace.WorkflowInstaller;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.policy.Policies;
import io.omnireach.workflow.Workflows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Wires the marketplace into CDI. Block installers are beans: the marketplace takes every bean of
 * type {@link BlockInstaller}, so a new block kind is one installer class plus its producer here.
 */
@ApplicationScoped
public class MarketplaceServices {

  @Produces
  @Singleton
  PersonaInstaller personaInstaller(PersonaRepository personas) {
    return new PersonaInstaller(personas);
  }

  @Produces
  @Singleton
  WorkflowInstaller workflowInstaller(Workflows workflows, Transactions tx) {
    return new WorkflowInstaller(workflows, new TenantChannels(tx));
  }

  @Produces
  @Singleton
  PolicySetInstaller policySetInstaller(Policies policies) {
    return new PolicySetInstaller(policies);
  }

  @Produces
  @Singleton
  IntegrationInstaller integrationInstaller(Webhooks webhooks) {
    return new IntegrationInstaller(webhooks);
  }

  @Produces
  @Singleton
  PublisherKeyring publisherKeys(Transactions tx, SecretBox secrets, Clock clock) {
    return new PublisherKeyring(tx, secrets, clock);
  }

  @Produces
  @Singleton
  BlockCatalogue blockCatalogue(Transactions tx, Clock clock) {
    return new BlockCatalogue(tx, clock);
  }

  @Produces
  @Singleton
  Registries registries(Transactions tx, HostPolicy hosts, Clock clock) {
    return new Registries(tx, hosts, clock);
  }

  @Produces
  @Singleton
  Marketplace marketplace(
      @Any Instance<BlockInstaller> installers,
      BlockCatalogue catalogue,
      Registries registries,
      PublisherKeyring keys,
      Transactions tx,
      Clock clock) {
    List<BlockInstaller> all = installers.stream().toList();
    return new Marketplace(all, catalogue, registries, new InstalledBlocks(tx, clock), keys);
  }
}
