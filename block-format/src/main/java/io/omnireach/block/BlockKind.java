package io.omnireach.block;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a block creates when it is installed. */
public enum BlockKind {
  WORKFLOW,
  PERSONA,
  POLICY_SET,
  PROMPT_TEMPLATE,
  INTEGRATION;

  /** The wire name: {@code workflow}, {@code policy_set}, … */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static BlockKind of(String code) {
    if (code != null) {
      for (BlockKind kind : values()) {
        if (kind.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
          return kind;
        }
      }
    }
    throw new BlockFormatException(
        "kind must be one of "
            + Arrays.stream(values()).map(BlockKind::code).collect(Collectors.joining(", "))
            + ", not '"
            + code
            + "'");
  }
}
