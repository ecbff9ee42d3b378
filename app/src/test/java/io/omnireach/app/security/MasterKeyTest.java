package io.omnireach.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.SecretBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

  @TempDir Path dir;

  @Test
  void a_configured_key_wins_over_the_key_file_and_nothing_is_written() {
    String configured = SecretBox.newKey();

    assertThat(MasterKey.base64(Optional.of(configured), dir)).isEqualTo(configured);
    assertThat(dir.resolve(MasterKey.FILE)).doesNotExist();
  }

  @Test
  void without_a_configured_key_one_is_generated_once_into_the_key_directory() {
    String first = MasterKey.base64(Optional.empty(), dir);

    assertThat(MasterKey.base64(Optional.of(" "), dir)).isEqualTo(first);
    assertThat(dir.resolve(MasterKey.FILE)).exists();
  }

  @Test
  void a_configured_key_of_the_wrong_size_is_refused_with_the_setting_named() {
    assertThatThrownBy(() -> MasterKey.base64(Optional.of("c2hvcnQ="), dir))
        .hasMessageContaining("OMNIREACH_MASTER_KEY")
        .hasMessageContaining("32 random bytes")
        .hasMessageContaining("got 5 bytes");
    assertThatThrownBy(() -> MasterKey.base64(Optional.of("not base64!"), dir))
        .hasMessageContaining("not base64");
  }

  @Test
  void a_key_directory_that_cannot_be_written_says_what_to_set() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("read-only-mount"), "a file");

    assertThatThrownBy(() -> MasterKey.base64(Optional.empty(), notADirectory.resolve("keys")))
        .hasMessageContaining("Cannot read or write the master key")
        .hasMessageContaining("OMNIREACH_MASTER_KEY");
  }
}
