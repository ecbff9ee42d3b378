package io.omnireach.block;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Packs, signs, reads, writes and verifies block files. The hash and the signature cover the RFC
 * 8785 canonical bytes of {@code {"manifest":…, "content":…}}, so re-indenting or re-ordering the
 * file's keys keeps it valid while any change of a value breaks it.
 */
public final class Blocks {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final String SHA256 = "sha256:";

  private Blocks() {}

  /** An unsigned block of this manifest and content, hash included. */
  public static Block pack(BlockManifest manifest, JsonNode content) {
    manifest.validate();
    if (content == null || !content.isObject()) {
      throw new BlockFormatException("content must be a JSON object");
    }
    return new Block(Block.FORMAT, manifest, content, hash(manifest, content), null);
  }

  /** The block signed with the publisher's key pair (any earlier signature replaced). */
  public static Block sign(Block block, KeyPair publisher) {
    return sign(block, publisher.getPrivate(), publisher.getPublic());
  }

  public static Block sign(Block block, PrivateKey privateKey, PublicKey publicKey) {
    byte[] canonical = canonical(block.manifest(), block.content());
    try {
      Signature signer = Signature.getInstance(BlockSignature.ED25519);
      signer.initSign(privateKey);
      signer.update(canonical);
      String value = Base64.getEncoder().encodeToString(signer.sign());
      return new Block(
          Block.FORMAT,
          block.manifest(),
          block.content(),
          SHA256 + sha256Hex(canonical),
          new BlockSignature(BlockSignature.ED25519, PublisherKeys.publicBase64(publicKey), value));
    } catch (GeneralSecurityException e) {
      throw new BlockFormatException("cannot sign with this key: " + e.getMessage(), e);
    }
  }

  /**
   * Whether the content is what the hash names and what the signature's key signed. A block whose
   * hash fails is never {@code VALID}, whatever its signature says.
   */
  public static Verification verify(Block block) {
    byte[] canonical = canonical(block.manifest(), block.content());
    String expected = SHA256 + sha256Hex(canonical);
    if (!expected.equals(block.hash())) {
      return new Verification(
          Verification.Status.HASH_MISMATCH,
          "the block's content does not match its hash (changed after it was packed)",
          null);
    }
    BlockSignature signature = block.signature();
    if (signature == null) {
      return new Verification(Verification.Status.UNSIGNED, "the block is not signed", null);
    }
    if (!BlockSignature.ED25519.equals(signature.algorithm())) {
      return new Verification(
          Verification.Status.BAD_SIGNATURE,
          "unsupported signature algorithm '" + signature.algorithm() + "' (expected Ed25519)",
          null);
    }
    try {
      Signature verifier = Signature.getInstance(BlockSignature.ED25519);
      verifier.initVerify(PublisherKeys.readPublic(signature.publicKey()));
      verifier.update(canonical);
      if (verifier.verify(Base64.getDecoder().decode(signature.value()))) {
        return new Verification(
            Verification.Status.VALID, "signed by key " + signature.keyId(), signature.keyId());
      }
    } catch (GeneralSecurityException | IllegalArgumentException | BlockFormatException e) {
      return new Verification(
          Verification.Status.BAD_SIGNATURE,
          "the signature cannot be checked: " + e.getMessage(),
          null);
    }
    return new Verification(
        Verification.Status.BAD_SIGNATURE,
        "the signature does not match the block's content and key",
        null);
  }

  /**
   * Reads a block file.
   *
   * @throws BlockFormatException with a specific message for anything that is not a readable block
   */
  public static Block read(byte[] file) {
    JsonNode tree;
    try {
      tree = JSON.readTree(file);
    } catch (JsonProcessingException e) {
      throw new BlockFormatException("the block file is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BlockFormatException("the block file cannot be read: " + e.getMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new BlockFormatException("the block file must be a JSON object");
    }
    String format = tree.path("format").asText(null);
    if (!Block.FORMAT.equals(format)) {
      throw new BlockFormatException("format must be '" + Block.FORMAT + "', not '" + format + "'");
    }
    if (!tree.path("manifest").isObject()) {
      throw new BlockFormatException("manifest is required");
    }
    if (!tree.path("content").isObject()) {
      throw new BlockFormatException("content must be a JSON object");
    }
    if (!tree.path("hash").isTextual()) {
      throw new BlockFormatException("hash is required");
    }
    try {
      Block block = JSON.treeToValue(tree, Block.class);
      block.manifest().validate();
      return block;
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BlockFormatException bfe) {
        throw bfe;
      }
      throw new BlockFormatException("the block file is malformed: " + e.getOriginalMessage(), e);
    }
  }

  public static Block read(String file) {
    return read(file.getBytes(StandardCharsets.UTF_8));
  }

  /** The block file, indented JSON. */
  public static String write(Block block) {
    try {
      return JSON.writeValueAsString(block);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The hash a block of this manifest and content carries. */
  public static String hash(BlockManifest manifest, JsonNode content) {
    return SHA256 + sha256Hex(canonical(manifest, content));
  }

  static byte[] canonical(BlockManifest manifest, JsonNode content) {
    ObjectNode signed = JSON.createObjectNode();
    signed.set("manifest", JSON.valueToTree(manifest));
    signed.set("content", content);
    try {
      return new JsonCanonicalizer(JSON.writeValueAsString(signed)).getEncodedUTF8();
    } catch (IOException e) {
      throw new BlockFormatException("the block cannot be canonicalised: " + e.getMessage(), e);
    }
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
