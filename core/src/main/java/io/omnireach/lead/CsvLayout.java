package io.omnireach.lead;

import io.omnireach.common.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a CSV file is written: its encoding (UTF-8 with or without BOM, else Latin-1) and delimiter
 * (comma, semicolon, tab or pipe), guessed from its first 64 KB.
 */
public record CsvLayout(Charset charset, int bomBytes, char delimiter) {

  private static final int SAMPLE = 64 * 1024;
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};

  public static CsvLayout detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SAMPLE);
    }
    if (head.length == 0) {
      throw DomainException.invalid("file", "The file is empty.");
    }
    if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)) {
      throw DomainException.invalid(
          "file", "The file is UTF-16; save it as UTF-8 CSV (Excel: 'CSV UTF-8') and try again.");
    }
    int bom = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    boolean wholeFile = head.length < SAMPLE;
    Charset charset =
        isUtf8(Arrays.copyOfRange(head, bom, head.length), wholeFile)
            ? StandardCharsets.UTF_8
            : StandardCharsets.ISO_8859_1;
    String text = new String(head, bom, head.length - bom, charset);
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    return new CsvLayout(charset, bom, delimiterOf(header));
  }

  /** The name shown to people, e.g. "UTF-8 (BOM)". */
  public String encodingName() {
    return charset == StandardCharsets.UTF_8 ? (bomBytes > 0 ? "UTF-8 (BOM)" : "UTF-8") : "Latin-1";
  }

  public String delimiterName() {
    return switch (delimiter) {
      case ';' -> "semicolon";
      case '\t' -> "tab";
      case '|' -> "pipe";
      default -> "comma";
    };
  }

  /** The delimiter that splits the header line into the most fields (outside quotes). */
  static char delimiterOf(String header) {
    char best = ',';
    int bestCount = 0;
    for (char d : DELIMITERS) {
      int count = 0;
      boolean quoted = false;
      for (char ch : header.toCharArray()) {
        if (ch == '"') {
          quoted = !quoted;
        } else if (ch == d && !quoted) {
          count++;
        }
      }
      if (count > bestCount) {
        best = d;
        bestCount = count;
      }
    }
    return best;
  }

  /** Strict UTF-8 check; a sample may end inside a character, so up to 3 bytes may be cut. */
  static boolean isUtf8(byte[] bytes, boolean wholeFile) {
    int maxCut = wholeFile ? 0 : 3;
    for (int cut = 0; cut <= maxCut && cut <= bytes.length; cut++) {
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, 0, bytes.length - cut));
        return true;
      } catch (CharacterCodingException e) {
        // try again without a possibly cut last character
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] data, int... prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((data[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Splits a header line with this layout's delimiter (quotes respected). */
  public List<String> splitHeader(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (ch == delimiter && !quoted) {
        out.add(cell.toString().trim());
        cell.setLength(0);
      } else if (ch != '\r') {
        cell.append(ch);
      }
    }
    out.add(cell.toString().trim());
    return out;
  }
}
