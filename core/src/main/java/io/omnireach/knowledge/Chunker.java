package io.omnireach.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into passages of at most {@link #MAX_CHARS} characters (the model reads about 256
 * word pieces, ≈ 1000 characters): paragraphs are packed together, longer paragraphs split at
 * sentence ends, longer sentences at spaces. Deterministic, so a restarted job gets the same
 * chunks.
 */
public final class Chunker {

  public static final int MAX_CHARS = 800;

  public List<String> split(String text) {
    List<String> pieces = new ArrayList<>();
    for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
      String p = paragraph.replaceAll("[ \t\u00A0]+", " ").replaceAll(" ?\n ?", "\n").strip();
      if (p.isEmpty()) {
        continue;
      }
      if (p.length() <= MAX_CHARS) {
        pieces.add(p);
      } else {
        for (String sentence : p.split("(?<=[.!?])\\s+")) {
          pieces.addAll(hardSplit(sentence.strip()));
        }
      }
    }
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String piece : pieces) {
      if (current.length() > 0 && current.length() + 2 + piece.length() > MAX_CHARS) {
        chunks.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append("\n\n");
      }
      current.append(piece);
    }
    if (current.length() > 0) {
      chunks.add(current.toString());
    }
    return chunks;
  }

  private static List<String> hardSplit(String s) {
    List<String> out = new ArrayList<>();
    String rest = s;
    while (rest.length() > MAX_CHARS) {
      int cut = rest.lastIndexOf(' ', MAX_CHARS);
      if (cut < MAX_CHARS / 2) {
        cut = MAX_CHARS;
      }
      out.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      out.add(rest);
    }
    return out;
  }
}
