package io.omnireach.app.security;

import io.omnireach.ai.KeyCipher;
import io.omnireach.common.SecretBox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one master key of an install (32 random bytes, base64): it seals mailbox passwords and
 * tenants' AI API keys, and signs unsubscribe and tracking links. From {@code omnireach.master-key}
 * ({@code OMNIREACH_MASTER_KEY}, e.g. a Kubernetes Secret) when set; otherwise {@code master.key}
 * in the key directory ({@code OMNIREACH_JWT_KEY_DIR}), generated there once when the directory is
 * writable. All replicas must share it. A key that can be neither read nor generated stops the
 * start-up with a message that says what to set.
 *
 * <p>Installs from before the single key may have an {@code ai-master.key} file: it stays readable
 * as a previous key for AI keys sealed with it (new ones are sealed with the master key).
 */
public final class MasterKey {

  static final String FILE = "master.key";
  static final String LEGACY_AI_FILE = "ai-master.key";
  static final String SETTING = "omnireach.master-key (OMNIREACH_MASTER_KEY)";

  private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());

  private MasterKey() {}

  public static SecretBox secretBox() {
    return SecretBox.fromBase64(base64(configured(), JwtKeys.keyDirectory()));
  }

  public static KeyCipher aiKeyCipher() {
    Path dir = JwtKeys.keyDirectory();
    KeyCipher current = KeyCipher.fromBase64(base64(configured(), dir));
    Path legacy = dir.resolve(LEGACY_AI_FILE);
    if (!Files.isReadable(legacy)) {
      return current;
    }
    try {
      LOG.info("Reading AI keys sealed with the former " + legacy + " as well (read only).");
      return current.withPreviousKey(
          Base64.getDecoder().decode(Files.readString(legacy, StandardCharsets.US_ASCII).strip()));
    } catch (java.io.IOException | IllegalArgumentException e) {
      LOG.warning("Ignoring unreadable " + legacy + ": " + e.getMessage());
      return current;
    }
  }

  /**
   * {@code omnireach.master-key}; the former name {@code omnireach.secrets.master-key} (Helm charts
   * before the single key) still counts, so an upgrade keeps reading its mailbox passwords.
   */
  static Optional<String> configured() {
    Config config = ConfigProvider.getConfig();
    return config
        .getOptionalValue("omnireach.master-key", String.class)
        .or(() -> config.getOptionalValue("omnireach.secrets.master-key", String.class));
  }

  /** The configured key (checked), or the key file's, generated once. */
  static String base64(Optional<String> configured, Path dir) {
    if (configured.isPresent() && !configured.get().isBlank()) {
      String key = configured.get().strip();
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(key);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(SETTING + " is not base64: " + e.getMessage(), e);
      }
      if (bytes.length != 32) {
        throw new IllegalStateException(
            SETTING
                + " must be 32 random bytes in base64 (openssl rand -base64 32), got "
                + bytes.length
                + " bytes.");
      }
      return key;
    }
    return KeyFiles.loadOrCreate(dir.resolve(FILE), SecretBox::newKey, "master key", SETTING);
  }
}
