package io.omnireach.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Violations as JSON: the detail of a message's BLOCKED (and POLICY_WARN / POLICY_LOG) event, so
 * the lead page and the step log can show the rule and highlight the text later.
 */
public final class Violations {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Violations() {}

  /** The wire form of one violation (also the API's). */
  public static Map<String, Object> map(Violation v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("policyId", v.policyId());
    m.put("policyName", v.policyName());
    m.put("kind", v.kind().wire());
    m.put("severity", v.severity().wire());
    m.put("explanation", v.explanation());
    m.put("excerpt", v.excerpt());
    m.put("field", v.field());
    m.put("start", v.start());
    m.put("end", v.end());
    return m;
  }

  public static String toJson(List<Violation> violations) {
    try {
      return JSON.writeValueAsString(violations.stream().map(Violations::map).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Violations written by {@link #toJson}; anything else (an older event's text) gives none. */
  public static List<Violation> fromJson(String json) {
    if (json == null || !json.startsWith("[")) {
      return List.of();
    }
    try {
      List<Map<String, Object>> raw = JSON.readValue(json, new TypeReference<>() {});
      List<Violation> out = new ArrayList<>();
      for (Map<String, Object> m : raw) {
        out.add(
            new Violation(
                ((Number) m.get("policyId")).longValue(),
                (String) m.get("policyName"),
                PolicyKind.fromWire((String) m.get("kind")),
                Severity.fromWire((String) m.get("severity")),
                (String) m.get("explanation"),
                (String) m.get("excerpt"),
                (String) m.get("field"),
                ((Number) m.get("start")).intValue(),
                ((Number) m.get("end")).intValue()));
      }
      return out;
    } catch (JsonProcessingException | RuntimeException e) {
      return List.of();
    }
  }
}
