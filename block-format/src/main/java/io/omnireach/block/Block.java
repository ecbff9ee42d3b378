package io.omnireach.block;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A block file as it travels (JSON): {@code {"format":"omnireach-block/1", "manifest":{…},
 * "content":{…}, "hash":"sha256:…", "signature":{…}}}. Build, sign and check one with {@link
 * Blocks}.
 *
 * @param content what the block creates, in the shape its {@link BlockKind} expects
 * @param hash {@code sha256:} + hex of the canonical bytes of manifest and content
 * @param signature null for an unsigned block
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Block(
    String format,
    BlockManifest manifest,
    JsonNode content,
    String hash,
    BlockSignature signature) {

  /** The only format this version reads and writes. */
  public static final String FORMAT = "omnireach-block/1";

  public boolean signed() {
    return signature != null;
  }
}
