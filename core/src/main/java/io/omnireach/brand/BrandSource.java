package io.omnireach.brand;

/** Which layer an effective brand field came from. */
public enum BrandSource {
  PLATFORM,
  RESELLER,
  TENANT
}
