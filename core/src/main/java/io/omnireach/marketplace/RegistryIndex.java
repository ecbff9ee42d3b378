package io.omnireach.marketplace;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The static index a registry serves (like a Helm repository's {@code index.yaml}, in JSON): {@code
 * {"format":"omnireach-registry/1","name","generatedAt","blocks":[…]}}. Any static file host can
 * serve one; so does every OmniReach at {@code /registry/index.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryIndex(String format, String name, String generatedAt, List<Entry> blocks) {

  public static final String FORMAT = "omnireach-registry/1";

  public RegistryIndex {
    blocks = blocks == null ? List.of() : List.copyOf(blocks);
  }

  /**
   * One version of one block.
   *
   * @param url the block file: absolute, or relative to the index's URL
   * @param hash the block's {@code sha256:} hash; a downloaded file must carry the same
   * @param keyId the id of the key that signed it (null when unsigned)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(
      String id,
      String kind,
      String name,
      String version,
      String description,
      List<String> tags,
      String author,
      String keyId,
      String hash,
      String url) {
    public Entry {
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }
}
