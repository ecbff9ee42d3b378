package io.omnireach.workflow;

import java.util.Arrays;
import java.util.Optional;

/** The node types of the canvas, by the names the JSON uses. */
public enum NodeType {
  START("start"),
  AI_GENERATE("ai_generate"),
  SEND_EMAIL("send_email"),
  WAIT("wait"),
  DECISION("decision"),
  UPDATE_LEAD("update_lead"),
  TASK("task"),
  END("end");

  private final String json;

  NodeType(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  public static Optional<NodeType> forJson(String name) {
    return Arrays.stream(values()).filter(t -> t.json.equals(name)).findFirst();
  }
}
