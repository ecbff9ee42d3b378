package io.omnireach.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What installing or importing a block created in the workspace. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstallResult(
    String blockId, String version, String kind, String name, List<Created> created) {

  /**
   * One item the block created.
   *
   * @param type {@code persona}, {@code workflow} or {@code policy}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Created(String type, long id, String name) {}
}
