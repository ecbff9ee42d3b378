package io.omnireach.app.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.block.BlockManifest;
import io.omnireach.marketplace.BlockCatalogue;
import io.omnireach.marketplace.BlockDetail;
import io.omnireach.marketplace.CatalogueEntry;
import io.omnireach.marketplace.InstallPlan;
import io.omnireach.marketplace.InstalledBlocks;
import io.omnireach.marketplace.Preview;
import io.omnireach.marketplace.PublisherKeyring;
import io.omnireach.marketplace.Registries;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Bodies of {@code /blocks} and {@code /marketplace}. */
public final class MarketplaceDtos {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MarketplaceDtos() {}

  /** The manifest as the block file spells it (kind in lower case, nulls left out). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> manifestOf(BlockManifest m) {
    return JSON.convertValue(m, Map.class);
  }

  public record PreviewDto(
      Map<String, Object> manifest,
      String verification,
      String keyId,
      String publisher,
      InstallPlan plan,
      String installedVersion) {
    static PreviewDto of(Preview p) {
      return new PreviewDto(
          manifestOf(p.manifest()),
          p.verification(),
          p.keyId(),
          p.publisher(),
          p.plan(),
          p.installedVersion());
    }
  }

  public record DetailDto(
      CatalogueEntry block, Map<String, Object> manifest, List<BlockCatalogue.Review> reviews) {
    static DetailDto of(BlockDetail d) {
      return new DetailDto(d.entry(), manifestOf(d.manifest()), d.reviews());
    }
  }

  public record RatingRequest(Integer stars, String text) {}

  public record InstalledDto(
      String blockId,
      String version,
      String kind,
      String name,
      String source,
      String keyId,
      List<io.omnireach.marketplace.CreatedItem> created,
      String installedBy,
      Instant installedAt,
      String latestVersion,
      boolean updateAvailable) {
    static InstalledDto of(InstalledBlocks.Installed i, String latestVersion) {
      return new InstalledDto(
          i.blockId(),
          i.version(),
          i.kind(),
          i.name(),
          i.source(),
          i.keyId(),
          i.created(),
          i.installedBy(),
          i.installedAt(),
          latestVersion,
          latestVersion != null
              && org.semver4j.Semver.parse(latestVersion) != null
              && org.semver4j.Semver.parse(latestVersion)
                  .isGreaterThan(org.semver4j.Semver.parse(i.version())));
    }
  }

  public record RegistryRequest(String name, String url, String publicKey) {}

  public record RegistryDto(
      long id, String name, String url, int blocks, Instant fetchedAt, String lastError) {
    static RegistryDto of(Registries.Registry r) {
      return new RegistryDto(
          r.id(),
          r.name(),
          r.url(),
          r.index() == null ? 0 : r.index().blocks().size(),
          r.fetchedAt(),
          r.lastError());
    }
  }

  public record TrustRequest(String name, String publicKey) {}

  public record TrustedKeyDto(long id, String keyId, String name, boolean global) {
    static TrustedKeyDto of(PublisherKeyring.TrustedKey k) {
      return new TrustedKeyDto(k.id(), k.keyId(), k.name(), k.global());
    }
  }
}
