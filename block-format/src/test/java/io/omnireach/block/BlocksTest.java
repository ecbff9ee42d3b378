package io.omnireach.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlocksTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final KeyPair publisher = PublisherKeys.generate();

  private static BlockManifest manifest(String version) {
    return new BlockManifest(
        "acme.welcome-sequence",
        BlockKind.WORKFLOW,
        "Welcome sequence",
        version,
        "Acme Labs",
        "MIT",
        "Three emails over a week",
        List.of("onboarding", "email"),
        null,
        List.of(),
        new BlockManifest.Requirements(List.of("send_email", "wait"), List.of("email")),
        ">=0.1.0 <2.0.0");
  }

  private static ObjectNode content() {
    ObjectNode content = JSON.createObjectNode();
    content.put("name", "Welcome");
    content.putArray("nodes").addObject().put("type", "send_email").put("delayDays", 2);
    return content;
  }

  @Test
  void aSignedBlockVerifiesAfterAWriteAndReadRoundTrip() {
    Block signed = Blocks.sign(Blocks.pack(manifest("1.2.0"), content()), publisher);

    Block read = Blocks.read(Blocks.write(signed));

    Verification verification = Blocks.verify(read);
    assertThat(verification.status()).isEqualTo(Verification.Status.VALID);
    assertThat(verification.keyId())
        .isEqualTo(PublisherKeys.keyId(PublisherKeys.publicBase64(publisher.getPublic())))
        .hasSize(16);
    assertThat(read.manifest().kind()).isEqualTo(BlockKind.WORKFLOW);
    assertThat(read.hash()).startsWith("sha256:").hasSize(7 + 64);
  }

  @Test
  void reorderingKeysAndWhitespaceKeepsTheHashButAChangedValueBreaksIt() throws Exception {
    Block signed = Blocks.sign(Blocks.pack(manifest("1.0.0"), content()), publisher);
    ObjectNode tree = (ObjectNode) JSON.readTree(Blocks.write(signed));
    ObjectNode reordered = JSON.createObjectNode();
    reordered.set("signature", tree.get("signature"));
    reordered.set("hash", tree.get("hash"));
    reordered.set("content", tree.get("content"));
    reordered.set("manifest", tree.get("manifest"));
    reordered.set("format", tree.get("format"));
    assertThat(Blocks.verify(Blocks.read(JSON.writeValueAsString(reordered))).valid()).isTrue();

    ((ObjectNode) reordered.get("content").get("nodes").get(0)).put("delayDays", 0);
    assertThat(Blocks.verify(Blocks.read(JSON.writeValueAsString(reordered))).status())
        .isEqualTo(Verification.Status.HASH_MISMATCH);
  }

  @Test
  void aBlockReHashedBySomeoneElseFailsTheSignature() throws Exception {
    Block signed = Blocks.sign(Blocks.pack(manifest("1.0.0"), content()), publisher);
    ObjectNode tampered = content().put("name", "Send all leads to evil.example");
    Block forged =
        new Block(
            Block.FORMAT,
            signed.manifest(),
            tampered,
            Blocks.hash(signed.manifest(), tampered),
            signed.signature());

    assertThat(Blocks.verify(forged).status()).isEqualTo(Verification.Status.BAD_SIGNATURE);
  }

  @Test
  void anUnsignedBlockIsReportedAsSuch() {
    assertThat(Blocks.verify(Blocks.pack(manifest("1.0.0"), content())).status())
        .isEqualTo(Verification.Status.UNSIGNED);
  }

  @Test
  void keysRoundTripThroughPem() {
    KeyPair other = PublisherKeys.generate();
    Block signed =
        Blocks.sign(
            Blocks.pack(manifest("1.0.0"), content()),
            PublisherKeys.readPrivate(PublisherKeys.privatePem(other.getPrivate())),
            PublisherKeys.readPublic(PublisherKeys.publicPem(other.getPublic())));
    assertThat(Blocks.verify(signed).valid()).isTrue();
  }

  @Test
  void badFilesGetSpecificMessages() {
    assertThatThrownBy(() -> Blocks.read("not json"))
        .isInstanceOf(BlockFormatException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> Blocks.read("{\"format\":\"zip\"}"))
        .hasMessageContaining("format must be 'omnireach-block/1'");
    String badVersion =
        Blocks.write(Blocks.pack(manifest("1.0.0"), content())).replace("\"1.0.0\"", "\"one\"");
    assertThatThrownBy(() -> Blocks.read(badVersion))
        .isInstanceOf(BlockFormatException.class)
        .hasMessageContaining("manifest.version");
    String badKind =
        Blocks.write(Blocks.pack(manifest("1.0.0"), content()))
            .replace("\"workflow\"", "\"virus\"");
    assertThatThrownBy(() -> Blocks.read(badKind)).hasMessageContaining("kind must be one of");
  }

  @Test
  void compatibilityIsAVersionRange() {
    assertThat(manifest("1.0.0").compatibleWith("0.1.0-SNAPSHOT")).isTrue();
    assertThat(manifest("1.0.0").compatibleWith("2.3.0")).isFalse();
    assertThatThrownBy(
            () ->
                new BlockManifest(
                        "a.b",
                        BlockKind.PERSONA,
                        "P",
                        "1.0.0",
                        "me",
                        "MIT",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "whenever")
                    .validate())
        .hasMessageContaining("manifest.compatibility");
  }
}
