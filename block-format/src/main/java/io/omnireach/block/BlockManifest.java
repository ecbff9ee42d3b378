package io.omnireach.block;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.regex.Pattern;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * What a block is: identity ({@code id} + semver {@code version}), who made it, what it needs and
 * with which OmniReach versions it works ({@code compatibility}, an npm-style range such as {@code
 * ">=0.1.0 <2.0.0"}; null = any).
 *
 * @param icon an https URL or a {@code data:image/...} URI, or null
 * @param screenshots https URLs or data URIs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlockManifest(
    String id,
    BlockKind kind,
    String name,
    String version,
    String author,
    String license,
    String description,
    List<String> tags,
    String icon,
    List<String> screenshots,
    Requirements requires,
    String compatibility) {

  /** Reverse-DNS-like, lower case: {@code acme.welcome-sequence}. */
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");

  /** What the block needs from the instance that installs it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Requirements(List<String> nodeTypes, List<String> channels) {
    public Requirements {
      nodeTypes = nodeTypes == null ? List.of() : List.copyOf(nodeTypes);
      channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public static Requirements none() {
      return new Requirements(List.of(), List.of());
    }
  }

  public BlockManifest {
    tags = tags == null ? List.of() : List.copyOf(tags);
    screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
    requires = requires == null ? Requirements.none() : requires;
  }

  /**
   * Checks the fields a catalogue relies on.
   *
   * @throws BlockFormatException naming the first wrong field
   */
  public BlockManifest validate() {
    if (id == null || !ID.matcher(id).matches()) {
      throw new BlockFormatException(
          "manifest.id must be 2-100 lower-case letters, digits, '.', '_' or '-' (e.g."
              + " acme.welcome-sequence), not '"
              + id
              + "'");
    }
    if (kind == null) {
      throw new BlockFormatException("manifest.kind is required");
    }
    if (name == null || name.isBlank() || name.length() > 120) {
      throw new BlockFormatException("manifest.name is required (at most 120 characters)");
    }
    if (version == null || Semver.parse(version) == null) {
      throw new BlockFormatException(
          "manifest.version must be a semantic version such as 1.2.0, not '" + version + "'");
    }
    if (author == null || author.isBlank()) {
      throw new BlockFormatException("manifest.author is required");
    }
    if (license == null || license.isBlank()) {
      throw new BlockFormatException("manifest.license is required (an SPDX id such as MIT)");
    }
    // semver4j reads what it cannot parse as an empty range list instead of failing
    if (compatibility != null && RangesListFactory.create(compatibility).get().isEmpty()) {
      throw new BlockFormatException(
          "manifest.compatibility must be a version range such as '>=0.1.0 <2.0.0', not '"
              + compatibility
              + "'");
    }
    return this;
  }

  /** The parsed version; {@link #validate()} first. */
  public Semver semver() {
    return Semver.parse(version);
  }

  /** Whether an instance of {@code platformVersion} may install this block. */
  public boolean compatibleWith(String platformVersion) {
    if (compatibility == null || compatibility.isBlank()) {
      return true;
    }
    Semver platform = Semver.coerce(platformVersion);
    // a development build (0.1.0-SNAPSHOT) counts as its release: ranges skip pre-releases
    return platform != null
        && Semver.of(platform.getMajor(), platform.getMinor(), platform.getPatch())
            .satisfies(compatibility);
  }
}
