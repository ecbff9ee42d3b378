package io.omnireach.common;

import java.util.Map;

/**
 * Writes the few flat JSON values core stores in jsonb columns (core carries no JSON library;
 * PostgreSQL reads them back for us).
 */
public final class Json {

  private Json() {}

  public static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A JSON object of string members; values already JSON when {@code raw} is true. */
  public static String object(Map<String, String> members, boolean raw) {
    StringBuilder b = new StringBuilder("{");
    members.forEach(
        (k, v) -> {
          if (b.length() > 1) {
            b.append(',');
          }
          b.append(quote(k)).append(':').append(raw ? v : quote(v));
        });
    return b.append('}').toString();
  }
}
