package io.omnireach.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A workflow as the list returns it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Workflow(
    long id,
    String name,
    String description,
    Status status,
    int draftVersion,
    Integer publishedVersion,
    String updatedAt) {

  public enum Status {
    DRAFT,
    PUBLISHED,
    PAUSED,
    ARCHIVED;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Status of(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }

  /** A workflow id and version, as create and import answer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Ref(long id, int version) {}
}
