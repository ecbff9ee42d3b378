package io.omnireach.app;

import io.omnireach.brand.BrandResolver;
import io.omnireach.brand.Brands;
import io.omnireach.db.Transactions;
import io.omnireach.provisioning.Resellers;
import io.omnireach.reseller.ResellerDirectory;
import io.omnireach.tenant.TenantOverviews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires resellers, brands and the operator's tenant overview into CDI. */
@ApplicationScoped
public class BrandServices {

  @Produces
  @Singleton
  ResellerDirectory resellerDirectory(Transactions tx) {
    return new ResellerDirectory(tx);
  }

  @Produces
  @Singleton
  Resellers resellers(Transactions tx) {
    return new Resellers(tx);
  }

  @Produces
  @Singleton
  Brands brands(Transactions tx) {
    return new Brands(tx);
  }

  @Produces
  @Singleton
  BrandResolver brandResolver(Brands brands) {
    return new BrandResolver(brands);
  }

  @Produces
  @Singleton
  TenantOverviews tenantOverviews(Transactions tx, Clock clock) {
    return new TenantOverviews(tx, clock);
  }
}
