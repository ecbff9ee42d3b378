package io.omnireach.channel;

import io.omnireach.common.DomainException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DKIM (RFC 6376) for outgoing SMTP mail: {@code rsa-sha256}, relaxed/relaxed canonicalisation,
 * signing the headers a receiver looks at (From, To, Subject, Date, Message-ID, the thread and
 * unsubscribe headers, MIME). Works on the serialised message, so what is signed is byte for byte
 * what goes on the wire.
 *
 * <p>Our own, not simple-java-mail's utils-mail-dkim: that one's {@code DkimMessage} extends Angus'
 * {@code SMTPMessage}, and Liberty's mail-2.1 feature exports only the {@code jakarta.mail} API to
 * applications, so it cannot load on the server.
 */
final class DkimSigner {

  static final Set<String> SIGNED =
      Set.of(
          "from",
          "to",
          "subject",
          "date",
          "message-id",
          "in-reply-to",
          "references",
          "list-unsubscribe",
          "list-unsubscribe-post",
          "mime-version",
          "content-type");

  private final String domain;
  private final String selector;
  private final PrivateKey key;

  DkimSigner(String domain, String selector, String privateKeyPem) {
    this.domain = domain;
    this.selector = selector;
    this.key = privateKey(privateKeyPem);
  }

  /**
   * The message with a DKIM-Signature header in front and CRLF line ends throughout. A 7bit part
   * keeps the bare LFs of its text when Jakarta Mail serialises it, and SMTP turns them into CRLF
   * on the wire; so they become CRLF here, before hashing (RFC 6376 5.3), and the returned bytes
   * are what is sent.
   */
  byte[] sign(byte[] serialised, Instant now) {
    byte[] message = crlf(serialised);
    String raw = new String(message, StandardCharsets.ISO_8859_1);
    int split = raw.indexOf("\r\n\r\n");
    String head = split < 0 ? raw : raw.substring(0, split + 2);
    String body = split < 0 ? "" : raw.substring(split + 4);
    List<String[]> headers = headers(head);
    Map<String, String[]> lastByName = new LinkedHashMap<>();
    for (String[] h : headers) {
      String name = h[0].toLowerCase(Locale.ROOT);
      if (SIGNED.contains(name)) {
        lastByName.put(name, h); // RFC 6376 5.4.2: the last instance is signed first
      }
    }
    try {
      String bodyHash =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256")
                      .digest(relaxedBody(body).getBytes(StandardCharsets.ISO_8859_1)));
      String value =
          "v=1; a=rsa-sha256; c=relaxed/relaxed; d="
              + domain
              + "; s="
              + selector
              + "; t="
              + now.getEpochSecond()
              + "; h="
              + String.join(":", lastByName.keySet())
              + "; bh="
              + bodyHash
              + "; b=";
      StringBuilder signed = new StringBuilder();
      for (String[] h : lastByName.values()) {
        signed.append(relaxedHeader(h[0], h[1])).append("\r\n");
      }
      signed.append(relaxedHeader("DKIM-Signature", value));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
      String b = Base64.getEncoder().encodeToString(rsa.sign());
      String header = "DKIM-Signature: " + value.replace("; h=", ";\r\n\th=") + b + "\r\n";
      ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + header.length());
      out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(message);
      return out.toByteArray();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("DKIM signing failed: " + e.getMessage(), e);
    }
  }

  /** Every bare CR or LF as CRLF, as SMTP's DATA stream writes it. */
  static byte[] crlf(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 32);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '\r') {
        out.write('\r');
        out.write('\n');
        if (i + 1 < in.length && in[i + 1] == '\n') {
          i++;
        }
      } else if (b == '\n') {
        out.write('\r');
        out.write('\n');
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** Header fields as [name, raw value (folded, without the final CRLF)]. */
  static List<String[]> headers(String head) {
    List<String[]> result = new ArrayList<>();
    StringBuilder current = null;
    for (String line : head.split("\r\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
        current.append("\r\n").append(line);
      } else {
        if (current != null) {
          result.add(field(current.toString()));
        }
        current = new StringBuilder(line);
      }
    }
    if (current != null) {
      result.add(field(current.toString()));
    }
    return result;
  }

  private static String[] field(String line) {
    int colon = line.indexOf(':');
    return colon < 0
        ? new String[] {line, ""}
        : new String[] {line.substring(0, colon), line.substring(colon + 1)};
  }

  /** RFC 6376 3.4.2: lower-case name, unfolded value, runs of WSP to one space, trimmed. */
  static String relaxedHeader(String name, String value) {
    String v = value.replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
    return name.strip().toLowerCase(Locale.ROOT) + ":" + v;
  }

  /** RFC 6376 3.4.4: WSP runs to one space, none at line ends, no empty lines at the end. */
  static String relaxedBody(String body) {
    String[] lines = body.split("\r\n", -1);
    StringBuilder b = new StringBuilder();
    int last = lines.length - 1;
    while (last >= 0 && lines[last].replaceAll("[ \t]+", "").isEmpty()) {
      last--;
    }
    for (int i = 0; i <= last; i++) {
      b.append(lines[i].replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
    }
    return b.toString();
  }

  /** An RSA private key from PEM: PKCS#8 ("PRIVATE KEY") or PKCS#1 ("RSA PRIVATE KEY"). */
  static PrivateKey privateKey(String pem) {
    String p = pem == null ? "" : pem.strip();
    boolean pkcs1 = p.contains("BEGIN RSA PRIVATE KEY");
    String base64 = p.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      if (pkcs1) {
        der = pkcs8(der);
      }
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw DomainException.invalid(
          "dkimPrivateKey", "The DKIM key is not an RSA private key in PEM (PKCS#8 or PKCS#1).");
    }
  }

  /** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo. */
  private static byte[] pkcs8(byte[] pkcs1) {
    byte[] algorithm = {
      0x02,
      0x01,
      0x00, // version 0
      0x30,
      0x0d,
      0x06,
      0x09,
      0x2a,
      (byte) 0x86,
      0x48,
      (byte) 0x86,
      (byte) 0xf7,
      0x0d,
      0x01,
      0x01,
      0x01,
      0x05,
      0x00 // rsaEncryption, NULL
    };
    byte[] octets = der(0x04, pkcs1);
    byte[] inner = new byte[algorithm.length + octets.length];
    System.arraycopy(algorithm, 0, inner, 0, algorithm.length);
    System.arraycopy(octets, 0, inner, algorithm.length, octets.length);
    return der(0x30, inner);
  }

  private static byte[] der(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else if (n < 0x10000) {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n);
    } else {
      out.write(0x83);
      out.write(n >> 16);
      out.write(n >> 8);
      out.write(n);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
