package io.omnireach.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.block.Block;
import io.omnireach.block.BlockFormatException;
import io.omnireach.block.BlockKind;
import io.omnireach.block.BlockManifest;
import io.omnireach.block.Blocks;
import io.omnireach.block.Verification;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.semver4j.Semver;

/**
 * The marketplace of one instance: checks block files (hash, signature, compatibility), plans and
 * runs installs through the {@link BlockInstaller} of each kind, and lists the catalogue a tenant
 * sees — built-in blocks, blocks published in the tenant, and blocks of the remote registries.
 *
 * <p>Rules: a block whose hash or signature fails is refused before anything is written; an
 * unsigned block is refused unless the caller explicitly allows it (file imports by an Admin); a
 * signed block from a key the tenant does not trust installs, shown as "unknown key".
 */
public final class Marketplace {

  /** The version compatibility ranges are checked against. */
  public static final String PLATFORM_VERSION = "0.1.0";

  static final String VERIFIED = "verified";
  static final String UNKNOWN_KEY = "unknown key";
  static final String UNSIGNED = "unsigned";

  private final Map<BlockKind, BlockInstaller> installers = new EnumMap<>(BlockKind.class);
  private final BlockCatalogue catalogue;
  private final Registries registries;
  private final InstalledBlocks installed;
  private final PublisherKeyring keys;

  public Marketplace(
      Collection<BlockInstaller> installers,
      BlockCatalogue catalogue,
      Registries registries,
      InstalledBlocks installed,
      PublisherKeyring keys) {
    for (BlockInstaller i : installers) {
      if (this.installers.put(i.kind(), i) != null) {
        throw new IllegalStateException("Two installers for block kind " + i.kind().code());
      }
    }
    this.catalogue = catalogue;
    this.registries = registries;
    this.installed = installed;
    this.keys = keys;
  }

  /** The kinds this server installs. */
  public List<BlockKind> kinds() {
    return List.copyOf(installers.keySet());
  }

  // ---- export ---------------------------------------------------------------------------------

  /**
   * One of the tenant's items as a block signed with the tenant's publisher key.
   *
   * @param version the block's semver, default 1.0.0
   */
  public Block export(TenantRef tenant, BlockKind kind, long ref, String version) {
    return sign(tenant, kind, installer(kind).export(tenant, ref), version);
  }

  /** An exported item as a block signed with the tenant's key, its workspace as author. */
  public Block sign(TenantRef tenant, BlockKind kind, BlockInstaller.Exported e, String version) {
    String author = catalogue.tenantName(tenant.id());
    String slug = slug(e.name());
    String id =
        tenant.slug()
            + "."
            + (kind == BlockKind.POLICY_SET ? "policy-set" : kind.code() + "-" + slug);
    BlockManifest manifest;
    try {
      manifest =
          new BlockManifest(
                  id,
                  kind,
                  e.name(),
                  version == null || version.isBlank() ? "1.0.0" : version.strip(),
                  author,
                  "UNLICENSED",
                  e.description(),
                  e.tags(),
                  null,
                  List.of(),
                  e.requires(),
                  ">=" + PLATFORM_VERSION)
              .validate();
    } catch (BlockFormatException ex) {
      throw DomainException.invalid("version", ex.getMessage());
    }
    PublisherKeyring.Signer signer = keys.tenant(tenant);
    return Blocks.sign(Blocks.pack(manifest, e.content()), signer.privateKey(), signer.publicKey());
  }

  // ---- import of a file -----------------------------------------------------------------------

  /** Checks a block file and says what installing it would do; writes nothing. */
  public Preview preview(TenantRef tenant, byte[] file, boolean allowUnsigned) {
    Checked c = check(tenant, file, allowUnsigned);
    return c.preview(
        installer(c.block.manifest().kind()).plan(tenant, c.block.manifest(), c.block.content()),
        installed.find(tenant, c.block.manifest().id()).map(InstalledBlocks.Installed::version));
  }

  /** Checks and installs a block file; CONFLICT when that block is already installed. */
  public InstallResult importFile(
      TenantRef tenant, byte[] file, boolean allowUnsigned, String actor) {
    return install(tenant, check(tenant, file, allowUnsigned), "file", actor);
  }

  /**
   * The content of a block of {@code kind}, after the same checks as an import (for the persona and
   * workflow import endpoints, which also take a block file).
   */
  public JsonNode checkedContent(TenantRef tenant, byte[] file, BlockKind kind) {
    Checked c = check(tenant, file, false);
    if (c.block.manifest().kind() != kind) {
      throw DomainException.invalid(
          "manifest.kind",
          "This is a " + c.block.manifest().kind().code() + " block, not a " + kind.code() + ".");
    }
    return c.block.content();
  }

  /** Whether a JSON text is a block file (rather than the bare content of one). */
  public static boolean isBlockFile(String json) {
    try {
      JsonNode tree = Json.MAPPER.readTree(json);
      return tree != null && Block.FORMAT.equals(tree.path("format").asText(null));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
  }

  // ---- the catalogue --------------------------------------------------------------------------

  /**
   * The blocks the tenant may install, newest version of each; q, kind and tag filter (null = all).
   */
  public List<CatalogueEntry> catalogue(TenantRef tenant, String q, String kind, String tag) {
    Map<String, InstalledBlocks.Installed> mine = new LinkedHashMap<>();
    installed.list(tenant).forEach(i -> mine.put(i.blockId(), i));
    Map<String, BlockCatalogue.Score> scores = catalogue.scores();
    String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    List<CatalogueEntry> entries = new ArrayList<>();
    for (List<Offer> versions : offers(tenant).values()) {
      CatalogueEntry e = entry(tenant, versions, mine.get(versions.get(0).id), scores);
      boolean matches =
          (kind == null || kind.isBlank() || e.kind().equalsIgnoreCase(kind.strip()))
              && (tag == null
                  || tag.isBlank()
                  || e.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag.strip())))
              && (needle.isEmpty()
                  || (e.id()
                          + " "
                          + e.name()
                          + " "
                          + e.description()
                          + " "
                          + e.author()
                          + " "
                          + String.join(" ", e.tags()))
                      .toLowerCase(Locale.ROOT)
                      .contains(needle));
      if (matches) {
        entries.add(e);
      }
    }
    entries.sort(Comparator.comparing(CatalogueEntry::name, String.CASE_INSENSITIVE_ORDER));
    return entries;
  }

  public BlockDetail detail(TenantRef tenant, String id) {
    List<Offer> versions = versions(tenant, id);
    Block newest = Blocks.read(versions.get(0).file.get());
    return new BlockDetail(
        entry(tenant, versions, installed.find(tenant, id).orElse(null), catalogue.scores()),
        newest.manifest(),
        catalogue.reviews(tenant, id));
  }

  /** What installing a catalogue block (newest version unless given) would do. */
  public Preview planInstall(TenantRef tenant, String id, String version) {
    return preview(tenant, offer(tenant, id, version).file.get(), false);
  }

  public InstallResult install(TenantRef tenant, String id, String version, String actor) {
    Offer o = offer(tenant, id, version);
    return install(tenant, check(tenant, o.file.get(), false), o.source, actor);
  }

  /** Moves an installed block to the catalogue's newest version. */
  public InstallResult update(TenantRef tenant, String id, String actor) {
    InstalledBlocks.Installed current =
        installed
            .find(tenant, id)
            .orElseThrow(() -> DomainException.notFound("The block " + id + " is not installed."));
    Offer newest = offer(tenant, id, null);
    if (!Semver.parse(newest.version).isGreaterThan(Semver.parse(current.version()))) {
      throw DomainException.conflict(
          "version", id + " " + current.version() + " is already the newest version.");
    }
    Checked c = check(tenant, newest.file.get(), false);
    BlockInstaller installer = installer(c.block.manifest().kind());
    installer.plan(tenant, c.block.manifest(), c.block.content()); // validates first
    List<CreatedItem> created =
        installer.update(tenant, current.created(), c.block.content(), actor);
    installed.record(tenant, c.installed(newest.source, created), true, actor);
    return c.result(created);
  }

  public void uninstall(TenantRef tenant, String id, String actor) {
    InstalledBlocks.Installed current =
        installed
            .find(tenant, id)
            .orElseThrow(() -> DomainException.notFound("The block " + id + " is not installed."));
    installer(BlockKind.of(current.kind())).uninstall(tenant, current.created(), actor);
    installed.remove(tenant, id, actor);
  }

  public List<InstalledBlocks.Installed> installed(TenantRef tenant) {
    return installed.list(tenant);
  }

  /** Rates a block the tenant can see (one rating per tenant, replaced by the next). */
  public BlockCatalogue.Review rate(
      TenantRef tenant, String id, Integer stars, String text, String actor) {
    versions(tenant, id); // NOT_FOUND for a block this tenant cannot see
    if (stars == null) {
      throw DomainException.invalid("stars", "stars must be a whole number from 1 to 5.");
    }
    return catalogue.rate(tenant, id, stars, text, actor);
  }

  /**
   * Publishes a signed block in the tenant's catalogue; {@code listed} also lists it in this
   * instance's public registry index.
   */
  public CatalogueEntry publish(TenantRef tenant, byte[] file, boolean listed, String actor) {
    Block block = read(file);
    Verification v = Blocks.verify(block);
    refuseTampered(v);
    if (v.status() == Verification.Status.UNSIGNED) {
      throw DomainException.unprocessable(
          "signature",
          "Only signed blocks can be published: sign it first (omnireach-cli blocks sign).");
    }
    catalogue.store(block, tenant, listed, v.keyId(), actor);
    return detail(tenant, block.manifest().id()).entry();
  }

  /**
   * Publishes a signed block for every tenant of a reseller: it shows in their catalogues with
   * source {@code reseller}; tenants of other resellers do not see it.
   */
  public ResellerBlock publishForReseller(long resellerId, byte[] file, String actor) {
    Block block = read(file);
    Verification v = Blocks.verify(block);
    refuseTampered(v);
    if (v.status() == Verification.Status.UNSIGNED) {
      throw DomainException.unprocessable(
          "signature",
          "Only signed blocks can be published: sign it first (omnireach-cli blocks sign).");
    }
    if (!block.manifest().compatibleWith(PLATFORM_VERSION)) {
      throw DomainException.unprocessable(
          "manifest.compatibility",
          "The block needs OmniReach " + block.manifest().compatibility() + ".");
    }
    installer(block.manifest().kind());
    catalogue.storeForReseller(block, resellerId, v.keyId(), actor);
    return resellerBlocks(resellerId).stream()
        .filter(r -> r.id().equals(block.manifest().id()))
        .findFirst()
        .orElseThrow();
  }

  /** The blocks a reseller published, one entry per block id (its newest version first). */
  public List<ResellerBlock> resellerBlocks(long resellerId) {
    Map<String, List<StoredBlock>> byId = new LinkedHashMap<>();
    for (StoredBlock s : catalogue.ofReseller(resellerId)) {
      byId.computeIfAbsent(s.block().manifest().id(), k -> new ArrayList<>()).add(s);
    }
    List<ResellerBlock> result = new ArrayList<>();
    for (List<StoredBlock> versions : byId.values()) {
      versions.sort(
          (a, b) ->
              Semver.parse(b.block().manifest().version())
                  .compareTo(Semver.parse(a.block().manifest().version())));
      StoredBlock newest = versions.get(0);
      Block b = newest.block();
      BlockManifest m = b.manifest();
      result.add(
          new ResellerBlock(
              m.id(),
              m.name(),
              m.kind().code(),
              m.version(),
              m.description(),
              m.author(),
              b.signed() ? b.signature().keyId() : null,
              versions.stream().map(s -> s.block().manifest().version()).toList(),
              newest.publishedAt(),
              newest.publishedBy()));
    }
    result.sort(Comparator.comparing(ResellerBlock::name, String.CASE_INSENSITIVE_ORDER));
    return result;
  }

  /** A block a reseller published for its tenants, as its console lists it. */
  public record ResellerBlock(
      String id,
      String name,
      String kind,
      String version,
      String description,
      String author,
      String keyId,
      List<String> versions,
      java.time.Instant publishedAt,
      String publishedBy) {}

  // ---- this instance as a registry ------------------------------------------------------------

  /** The index of the built-in and listed blocks, with file URLs relative to the index. */
  public RegistryIndex index(String name, String generatedAt) {
    List<RegistryIndex.Entry> entries = new ArrayList<>();
    for (StoredBlock s : catalogue.listed()) {
      Block b = s.block();
      BlockManifest m = b.manifest();
      entries.add(
          new RegistryIndex.Entry(
              m.id(),
              m.kind().code(),
              m.name(),
              m.version(),
              m.description(),
              m.tags(),
              m.author(),
              b.signed() ? b.signature().keyId() : null,
              b.hash(),
              "blocks/" + m.id() + "/" + m.version() + ".json"));
    }
    return new RegistryIndex(RegistryIndex.FORMAT, name, generatedAt, entries);
  }

  /** A listed block file, as the index links it; NOT_FOUND otherwise. */
  public String registryFile(String id, String version) {
    return catalogue.listed().stream()
        .filter(s -> s.block().manifest().id().equals(id))
        .filter(s -> s.block().manifest().version().equals(version))
        .findFirst()
        .map(StoredBlock::file)
        .orElseThrow(() -> DomainException.notFound("No listed block " + id + " " + version + "."));
  }

  // ---- internals ------------------------------------------------------------------------------

  private InstallResult install(TenantRef tenant, Checked c, String source, String actor) {
    BlockManifest m = c.block.manifest();
    installed
        .find(tenant, m.id())
        .ifPresent(
            i -> {
              throw DomainException.conflict(
                  "manifest.id",
                  m.id()
                      + " "
                      + i.version()
                      + " is already installed; update or uninstall it in the marketplace.");
            });
    BlockInstaller installer = installer(m.kind());
    installer.plan(tenant, m, c.block.content()); // validates everything before the first write
    List<CreatedItem> created = installer.install(tenant, c.block.content(), actor);
    installed.record(tenant, c.installed(source, created), false, actor);
    return c.result(created);
  }

  private BlockInstaller installer(BlockKind kind) {
    BlockInstaller i = installers.get(kind);
    if (i == null) {
      throw DomainException.unprocessable(
          "manifest.kind",
          "This server cannot install "
              + kind.code()
              + " blocks (it installs "
              + String.join(", ", installers.keySet().stream().map(BlockKind::code).toList())
              + ").");
    }
    return i;
  }

  private static Block read(byte[] file) {
    if (file == null || file.length == 0) {
      throw DomainException.invalid(null, "Send the block file as the request body.");
    }
    try {
      return Blocks.read(file);
    } catch (BlockFormatException e) {
      throw DomainException.invalid(null, e.getMessage());
    }
  }

  private static void refuseTampered(Verification v) {
    if (v.status() == Verification.Status.HASH_MISMATCH) {
      throw DomainException.unprocessable("hash", v.message());
    }
    if (v.status() == Verification.Status.BAD_SIGNATURE) {
      throw DomainException.unprocessable("signature", v.message());
    }
  }

  private Checked check(TenantRef tenant, byte[] file, boolean allowUnsigned) {
    Block block = read(file);
    Verification v = Blocks.verify(block);
    refuseTampered(v);
    if (v.status() == Verification.Status.UNSIGNED && !allowUnsigned) {
      throw DomainException.unprocessable(
          "signature",
          "The block is not signed. Sign it (omnireach-cli blocks sign), or import it with"
              + " allowUnsigned=true as an Admin if you trust where it came from.");
    }
    if (!block.manifest().compatibleWith(PLATFORM_VERSION)) {
      throw DomainException.unprocessable(
          "manifest.compatibility",
          "The block needs OmniReach "
              + block.manifest().compatibility()
              + "; this server is "
              + PLATFORM_VERSION
              + ".");
    }
    installer(block.manifest().kind());
    String publisher =
        v.valid() ? (keys.trusted(tenant, v.keyId()) ? VERIFIED : UNKNOWN_KEY) : UNSIGNED;
    return new Checked(block, v, publisher);
  }

  /** A block that passed {@link #check}. */
  private record Checked(Block block, Verification verification, String publisher) {

    Preview preview(InstallPlan plan, Optional<String> installedVersion) {
      return new Preview(
          block.manifest(),
          verification.status().name(),
          verification.keyId(),
          publisher,
          plan,
          installedVersion.orElse(null));
    }

    InstalledBlocks.Installed installed(String source, List<CreatedItem> created) {
      BlockManifest m = block.manifest();
      return new InstalledBlocks.Installed(
          m.id(),
          m.version(),
          m.kind().code(),
          m.name(),
          source,
          verification.keyId(),
          created,
          null,
          null);
    }

    InstallResult result(List<CreatedItem> created) {
      BlockManifest m = block.manifest();
      return new InstallResult(m.id(), m.version(), m.kind().code(), m.name(), created);
    }
  }

  /** One version of one block on offer to a tenant, wherever it comes from. */
  private record Offer(
      String id,
      String kind,
      String name,
      String version,
      String description,
      List<String> tags,
      String author,
      String keyId,
      String source,
      String icon,
      Supplier<byte[]> file) {}

  /**
   * Every block on offer by id, versions newest first; local blocks hide registry ones of the same
   * id.
   */
  private Map<String, List<Offer>> offers(TenantRef tenant) {
    Map<String, List<Offer>> byId = new LinkedHashMap<>();
    for (StoredBlock s : catalogue.visible(tenant)) {
      Block b = s.block();
      BlockManifest m = b.manifest();
      byte[] bytes = s.file().getBytes(StandardCharsets.UTF_8);
      byId.computeIfAbsent(m.id(), k -> new ArrayList<>())
          .add(
              new Offer(
                  m.id(),
                  m.kind().code(),
                  m.name(),
                  m.version(),
                  m.description(),
                  m.tags(),
                  m.author(),
                  b.signed() ? b.signature().keyId() : null,
                  s.source(),
                  m.icon(),
                  () -> bytes));
    }
    Map<String, List<Offer>> remote = new LinkedHashMap<>();
    for (Registries.Registry r : registries.list()) {
      if (r.index() == null) {
        continue;
      }
      for (RegistryIndex.Entry e : r.index().blocks()) {
        if (e.id() == null
            || e.kind() == null
            || e.name() == null
            || e.version() == null
            || Semver.parse(e.version()) == null
            || byId.containsKey(e.id())) {
          continue; // unusable entries and ids this instance has itself are skipped
        }
        remote
            .computeIfAbsent(e.id(), k -> new ArrayList<>())
            .add(
                new Offer(
                    e.id(),
                    e.kind(),
                    e.name(),
                    e.version(),
                    e.description(),
                    e.tags(),
                    e.author(),
                    e.keyId(),
                    "registry:" + r.name(),
                    null,
                    () -> downloaded(r, e)));
      }
    }
    byId.putAll(remote);
    byId.values()
        .forEach(
            list ->
                list.sort((a, b) -> Semver.parse(b.version).compareTo(Semver.parse(a.version))));
    return byId;
  }

  private byte[] downloaded(Registries.Registry r, RegistryIndex.Entry e) {
    byte[] file = registries.download(r, e);
    Block b = read(file);
    if (e.hash() != null && !e.hash().equals(b.hash())) {
      throw DomainException.unprocessable(
          "hash", "The file the registry sent is not the block its index lists (hash differs).");
    }
    return file;
  }

  private List<Offer> versions(TenantRef tenant, String id) {
    List<Offer> versions = offers(tenant).get(id);
    if (versions == null) {
      throw DomainException.notFound("No block " + id + " in this workspace's marketplace.");
    }
    return versions;
  }

  private Offer offer(TenantRef tenant, String id, String version) {
    List<Offer> versions = versions(tenant, id);
    if (version == null || version.isBlank()) {
      return versions.get(0);
    }
    return versions.stream()
        .filter(o -> o.version.equals(version.strip()))
        .findFirst()
        .orElseThrow(() -> DomainException.notFound("No version " + version + " of " + id + "."));
  }

  private CatalogueEntry entry(
      TenantRef tenant,
      List<Offer> versions,
      InstalledBlocks.Installed mine,
      Map<String, BlockCatalogue.Score> scores) {
    Offer o = versions.get(0);
    BlockCatalogue.Score score = scores.getOrDefault(o.id, BlockCatalogue.Score.NONE);
    String publisher =
        o.keyId == null ? UNSIGNED : keys.trusted(tenant, o.keyId) ? VERIFIED : UNKNOWN_KEY;
    boolean update =
        mine != null && Semver.parse(o.version).isGreaterThan(Semver.parse(mine.version()));
    return new CatalogueEntry(
        o.id,
        o.name,
        o.kind,
        o.version,
        o.description,
        o.tags,
        o.author,
        o.source,
        o.keyId,
        publisher,
        score.average(),
        score.count(),
        mine != null,
        mine == null ? null : mine.version(),
        update,
        o.icon,
        versions.stream().map(Offer::version).toList());
  }

  static String slug(String name) {
    String s =
        name == null
            ? ""
            : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "item" : s;
  }
}
