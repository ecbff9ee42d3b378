package io.omnireach.app.security;

import io.omnireach.ai.KeyCipher;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The master key that seals tenants' AI API keys (AES-256-GCM). From {@code
 * omnireach.ai.master-key} (env {@code OMNIREACH_AI_MASTER_KEY}, 32 bytes base64) when set;
 * otherwise read from {@code ai-master.key} in the JWT key directory, generated there once (file
 * {@code 0600}) like the JWT keys. Replicas must share it; losing it means Admins re-enter their
 * tenants' API keys.
 */
public final class AiMasterKey {

  static final String FILE = "ai-master.key";

  private AiMasterKey() {}

  public static KeyCipher cipher(Optional<String> configured) {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return KeyCipher.fromBase64(configured.get());
    }
    return KeyCipher.fromBase64(loadOrCreate(JwtKeys.keyDirectory()));
  }

  static String loadOrCreate(Path dir) {
    return KeyFiles.loadOrCreate(
        dir.resolve(FILE),
        KeyCipher::newMasterKey,
        "AI master key",
        "omnireach.ai.master-key (OMNIREACH_AI_MASTER_KEY)");
  }
}
