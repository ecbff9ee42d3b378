package io.omnireach.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What importing a block would do, before anything is written ({@code POST
 * /api/v1/blocks/import?dryRun=true}).
 *
 * @param verification {@code VALID}, {@code UNSIGNED}, {@code HASH_MISMATCH} or {@code
 *     BAD_SIGNATURE}
 * @param publisher {@code verified}, {@code unknown key} or {@code unsigned}
 * @param installedVersion the version already installed here, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockPlan(
    JsonNode manifest,
    String verification,
    String keyId,
    String publisher,
    Plan plan,
    String installedVersion) {

  /**
   * @param creates one line per item it creates
   * @param needs what the workspace lacks for it to run (e.g. an SMS channel)
   * @param mappings its persona and mailbox references and what they map to here
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Plan(List<String> creates, List<String> needs, List<Mapping> mappings) {}

  /** A reference by name and the workspace's item it maps to (null: none). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Mapping(String type, String name, Long mappedTo) {}
}
