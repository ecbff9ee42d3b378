package io.omnireach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.block.Block;
import io.omnireach.block.Blocks;
import io.omnireach.block.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The block commands that work without a server: pack, keygen, sign, verify. */
class BlockCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path blockSource() throws Exception {
    Path src = Files.createDirectories(dir.resolve("persona"));
    Files.writeString(
        src.resolve("manifest.json"),
        "{\"id\":\"acme.friendly-closer\",\"kind\":\"persona\",\"name\":\"Friendly closer\","
            + "\"version\":\"1.2.0\",\"author\":\"Acme\",\"license\":\"MIT\","
            + "\"tags\":[\"sales\"],\"requires\":{\"channels\":[\"email\"]}}");
    Files.writeString(src.resolve("content.json"), "{\"name\":\"Friendly closer\"}");
    return src;
  }

  @Test
  void a_packed_block_signed_with_a_generated_key_verifies() throws Exception {
    Path block = dir.resolve("out/closer.block.json");
    CliRun pack =
        CliRun.run(dir, "blocks", "pack", blockSource().toString(), "-o", block.toString());
    assertThat(pack.exitCode()).as(pack.err()).isZero();
    assertThat(pack.out()).contains("acme.friendly-closer", "sha256:");
    assertThat(Blocks.verify(Blocks.read(Files.readAllBytes(block))).status())
        .isEqualTo(Verification.Status.UNSIGNED);

    Path key = dir.resolve("keys/publisher.pem");
    CliRun keygen = CliRun.run(dir, "--output", "json", "blocks", "keygen", "-o", key.toString());
    assertThat(keygen.exitCode()).as(keygen.err()).isZero();
    String keyId = JSON.readTree(keygen.out()).get("keyId").asText();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(dir.resolve("keys/publisher.pub.pem")))
        .startsWith("-----BEGIN PUBLIC KEY-----")
        .doesNotContain("PRIVATE");

    CliRun sign = CliRun.run(dir, "blocks", "sign", block.toString(), "--key", key.toString());
    assertThat(sign.exitCode()).as(sign.err()).isZero();

    CliRun verify = CliRun.run(dir, "blocks", "verify", block.toString(), "--output", "json");
    assertThat(verify.exitCode()).isZero();
    JsonNode result = JSON.readTree(verify.out());
    assertThat(result.get("status").asText()).isEqualTo("VALID");
    assertThat(result.get("keyId").asText()).isEqualTo(keyId);
    Block signed = Blocks.read(Files.readAllBytes(block));
    assertThat(signed.manifest().requires().channels()).containsExactly("email");
  }

  @Test
  void a_block_changed_after_signing_fails_verification_with_exit_code_1() throws Exception {
    Path block = dir.resolve("b.block.json");
    Path key = dir.resolve("k.pem");
    CliRun.run(dir, "blocks", "pack", blockSource().toString(), "-o", block.toString());
    CliRun.run(dir, "blocks", "keygen", "-o", key.toString());
    CliRun.run(dir, "blocks", "sign", block.toString(), "--key", key.toString());
    Files.writeString(
        block, Files.readString(block).replace("\"Friendly closer\"", "\"Pushy closer\""));

    CliRun verify = CliRun.run(dir, "blocks", "verify", block.toString());

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out()).contains("HASH_MISMATCH");
  }

  @Test
  void signing_with_a_private_key_alone_asks_for_its_public_key() throws Exception {
    Path block = dir.resolve("b.block.json");
    Path key = dir.resolve("k.pem");
    CliRun.run(dir, "blocks", "pack", blockSource().toString(), "-o", block.toString());
    CliRun.run(dir, "blocks", "keygen", "-o", key.toString());
    String both = Files.readString(key);
    Path privateOnly = dir.resolve("private-only.pem");
    Files.writeString(privateOnly, both.substring(0, both.indexOf("-----BEGIN PUBLIC KEY-----")));
    Path otherKey = dir.resolve("other.pem");
    CliRun.run(dir, "blocks", "keygen", "-o", otherKey.toString());

    CliRun missing =
        CliRun.run(dir, "blocks", "sign", block.toString(), "--key", privateOnly.toString());
    CliRun wrong =
        CliRun.run(
            dir,
            "blocks",
            "sign",
            block.toString(),
            "--key",
            privateOnly.toString(),
            "--public-key",
            dir.resolve("other.pub.pem").toString());
    CliRun right =
        CliRun.run(
            dir,
            "blocks",
            "sign",
            block.toString(),
            "--key",
            privateOnly.toString(),
            "--public-key",
            dir.resolve("k.pub.pem").toString());

    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("holds no public key", "--public-key");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("does not belong to the private key");
    assertThat(right.exitCode()).as(right.err()).isZero();
  }

  @Test
  void a_manifest_with_a_wrong_field_is_refused_with_the_file_and_field_named() throws Exception {
    Path src = blockSource();
    Files.writeString(
        src.resolve("manifest.json"),
        Files.readString(src.resolve("manifest.json")).replace("1.2.0", "one"));

    CliRun pack = CliRun.run(dir, "blocks", "pack", src.toString(), "-o", "x.json");

    assertThat(pack.exitCode()).isEqualTo(1);
    assertThat(pack.err()).contains("manifest.json", "manifest.version");
  }

  @Test
  void keygen_does_not_overwrite_a_key() throws Exception {
    Path key = dir.resolve("k.pem");
    CliRun.run(dir, "blocks", "keygen", "-o", key.toString());
    String before = Files.readString(key);

    CliRun again = CliRun.run(dir, "blocks", "keygen", "-o", key.toString());

    assertThat(again.exitCode()).isNotZero();
    assertThat(again.err()).contains("exists already");
    assertThat(Files.readString(key)).isEqualTo(before);
  }
}
