package io.omnireach.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks a DKIM signature the way a receiving server does (for tests in core and app). */
public final class Dkim {

  private Dkim() {}

  /**
   * A verifier written from RFC 6376 for this test (relaxed/relaxed, rsa-sha256), independent of
   * the signer's code: the body hash, then the signature over the signed headers.
   */
  public static void verify(byte[] message, PublicKey key) throws Exception {
    String raw = new String(message, StandardCharsets.ISO_8859_1);
    int split = raw.indexOf("\r\n\r\n");
    String head = raw.substring(0, split + 2);
    String body = raw.substring(split + 4);
    List<String> fields = new ArrayList<>();
    for (String line : head.split("\r\n")) {
      if (!line.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
        fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
      } else if (!line.isEmpty()) {
        fields.add(line);
      }
    }
    String signature =
        fields.stream()
            .filter(f -> f.toLowerCase(Locale.ROOT).startsWith("dkim-signature:"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no DKIM-Signature"));
    Map<String, String> tags = new LinkedHashMap<>();
    for (String tag : signature.substring(signature.indexOf(':') + 1).split(";")) {
      String t = tag.replaceAll("\\s", "");
      if (!t.isEmpty()) {
        tags.put(t.substring(0, t.indexOf('=')), t.substring(t.indexOf('=') + 1));
      }
    }
    assertThat(tags)
        .containsEntry("a", "rsa-sha256")
        .containsEntry("c", "relaxed/relaxed")
        .containsEntry("d", "acme.example");
    assertThat(tags.get("h").split(":"))
        .contains(
            "from", "to", "subject", "message-id", "list-unsubscribe", "list-unsubscribe-post");
    // body: collapse WSP, strip line-end WSP, drop trailing empty lines
    List<String> lines = new ArrayList<>(Arrays.asList(body.split("\r\n", -1)));
    for (int i = 0; i < lines.size(); i++) {
      lines.set(i, lines.get(i).replaceAll("[ \t]+", " ").replaceAll(" +$", ""));
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    String canonicalBody = lines.isEmpty() ? "" : String.join("\r\n", lines) + "\r\n";
    String bh =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(canonicalBody.getBytes(StandardCharsets.ISO_8859_1)));
    if (!bh.equals(tags.get("bh"))) {
      throw new AssertionError("body hash differs");
    }
    StringBuilder data = new StringBuilder();
    List<String> remaining = new ArrayList<>(fields);
    for (String name : tags.get("h").split(":")) {
      for (int i = remaining.size() - 1; i >= 0; i--) { // bottom-up, each instance once
        String f = remaining.get(i);
        if (f.substring(0, f.indexOf(':')).trim().equalsIgnoreCase(name)) {
          data.append(relaxed(f)).append("\r\n");
          remaining.remove(i);
          break;
        }
      }
    }
    String unsigned = signature.replaceAll("b=[^;]*$", "b=");
    data.append(relaxed(unsigned));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!rsa.verify(Base64.getDecoder().decode(tags.get("b")))) {
      throw new AssertionError("signature does not verify");
    }
  }

  static String relaxed(String field) {
    int colon = field.indexOf(':');
    return field.substring(0, colon).trim().toLowerCase(Locale.ROOT)
        + ":"
        + field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").trim();
  }
}
