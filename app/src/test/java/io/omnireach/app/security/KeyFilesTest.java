package io.omnireach.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.common.SecretBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

  @TempDir Path dir;

  @Test
  void a_key_is_generated_once_private_to_the_owner_and_then_read_back() throws Exception {
    Path file = dir.resolve("keys/master.key");
    String first = KeyFiles.loadOrCreate(file, SecretBox::newKey, "test key", "omnireach.test");
    String again =
        KeyFiles.loadOrCreate(
            file,
            () -> {
              throw new AssertionError("an existing key is never replaced");
            },
            "test key",
            "omnireach.test");

    assertThat(again).isEqualTo(first);
    assertThat(SecretBox.fromBase64(first).decrypt(SecretBox.fromBase64(again).encrypt("pw")))
        .isEqualTo("pw");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
