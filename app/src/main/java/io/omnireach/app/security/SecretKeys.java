package io.omnireach.app.security;

import io.omnireach.common.SecretBox;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The master key behind {@link SecretBox} (mailbox passwords, unsubscribe tokens): {@code
 * omnireach.secrets.master-key} (base64 of 32 bytes) when set, else {@code master.key} beside the
 * JWT keys, generated there once ({@code 0600}). Replicas must share it, like the JWT keys; losing
 * it makes stored mailbox passwords unreadable and old unsubscribe links invalid.
 */
public final class SecretKeys {

  private SecretKeys() {}

  public static SecretBox box(Optional<String> configured) {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return SecretBox.fromBase64(configured.get());
    }
    return SecretBox.fromBase64(loadOrCreate(JwtKeys.keyDirectory().resolve("master.key")));
  }

  static String loadOrCreate(Path file) {
    return KeyFiles.loadOrCreate(
        file,
        SecretBox::newKey,
        "secrets master key",
        "omnireach.secrets.master-key (OMNIREACH_SECRETS_MASTER_KEY)");
  }
}
