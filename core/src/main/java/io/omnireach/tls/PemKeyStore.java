package io.omnireach.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEM certificate chain and private key as a PKCS#12 keystore — Liberty reads only keystores.
 * Keys: PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA or EC) and PKCS#1 RSA ({@code BEGIN RSA PRIVATE
 * KEY}, cert-manager's default). JDK only, so that it runs from the core jar alone before Liberty
 * starts ({@code ./omnireach}, the container's entrypoint).
 */
public final class PemKeyStore {

  public static final String ALIAS = "omnireach";
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----");

  private PemKeyStore() {}

  /** Usage: {@code PemKeyStore CERT_FILE KEY_FILE OUT.p12}; the password from the environment. */
  public static void main(String[] args) {
    String password = System.getenv("OMNIREACH_TLS_KEYSTORE_PASSWORD");
    if (args.length != 3 || password == null || password.isEmpty()) {
      System.err.println(
          "usage: OMNIREACH_TLS_KEYSTORE_PASSWORD=… PemKeyStore CERT.pem KEY.pem OUT.p12");
      System.exit(2);
    }
    try {
      write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), password.toCharArray());
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      System.err.println("error: cannot make a TLS keystore of " + args[0] + " and " + args[1]);
      System.err.println("       " + e.getMessage());
      System.exit(1);
    }
  }

  /** Writes the keystore (atomically: Liberty may be polling the file for changes). */
  public static void write(Path certFile, Path keyFile, Path out, char[] password)
      throws IOException, GeneralSecurityException {
    List<Certificate> chain = certificates(Files.readString(certFile, StandardCharsets.US_ASCII));
    PrivateKey key = privateKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
    if (!chain.get(0).getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
      throw new IllegalArgumentException(
          "the key is "
              + key.getAlgorithm()
              + " but the certificate's is "
              + chain.get(0).getPublicKey().getAlgorithm());
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".omnireach-tls", ".p12");
    try (OutputStream os = Files.newOutputStream(tmp)) {
      store.store(os, password);
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static List<Certificate> certificates(String pem) throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<Certificate> chain = new ArrayList<>();
    for (Block b : blocks(pem)) {
      if (b.type().equals("CERTIFICATE")) {
        chain.add(factory.generateCertificate(new java.io.ByteArrayInputStream(b.der())));
      }
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("no BEGIN CERTIFICATE block in the certificate file");
    }
    return chain; // the server's certificate first, then its intermediates, as PEM bundles have it
  }

  static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    for (Block b : blocks(pem)) {
      switch (b.type()) {
        case "PRIVATE KEY":
          return pkcs8(b.der());
        case "RSA PRIVATE KEY":
          return KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(rsaPkcs1AsPkcs8(b.der())));
        case "EC PRIVATE KEY":
          throw new IllegalArgumentException(
              "SEC1 EC keys are not read; convert it: openssl pkcs8 -topk8 -nocrypt -in KEY");
        case "ENCRYPTED PRIVATE KEY":
          throw new IllegalArgumentException("the private key is encrypted; give it unencrypted");
        default:
          // another block (e.g. EC PARAMETERS): look further
      }
    }
    throw new IllegalArgumentException("no BEGIN PRIVATE KEY block in the key file");
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException notThisOne) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("the private key is neither RSA, EC nor Ed25519");
  }

  /** PKCS#8 around a PKCS#1 RSA key: {version 0, {rsaEncryption, NULL}, OCTET STRING pkcs1}. */
  static byte[] rsaPkcs1AsPkcs8(byte[] pkcs1) {
    byte[] algorithm = {
      0x02,
      0x01,
      0x00,
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
      0x00
    };
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(algorithm);
    body.writeBytes(tlv(0x04, pkcs1));
    return tlv(0x30, body.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = value.length;
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
    out.writeBytes(value);
    return out.toByteArray();
  }

  private record Block(String type, byte[] der) {}

  private static List<Block> blocks(String pem) {
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
    }
    return blocks;
  }
}
