package io.omnireach.app.security;

import io.omnireach.ai.KeyCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The master key that seals tenants' AI API keys (AES-256-GCM). From {@code
 * omnireach.ai.master-key} (env {@code OMNIREACH_AI_MASTER_KEY}, 32 bytes base64) when set;
 * otherwise read from {@code ai-master.key} in the JWT key directory, generated there once (file
 * {@code 0600}) like the JWT keys. Replicas must share it; losing it means Admins re-enter their
 * tenants' API keys.
 */
public final class AiMasterKey {

  private static final Logger LOG = Logger.getLogger(AiMasterKey.class.getName());
  static final String FILE = "ai-master.key";

  private AiMasterKey() {}

  public static KeyCipher cipher(Optional<String> configured) {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return KeyCipher.fromBase64(configured.get());
    }
    return KeyCipher.fromBase64(loadOrCreate(JwtKeys.keyDirectory()));
  }

  static synchronized String loadOrCreate(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dir);
        try {
          Files.writeString(
              file,
              KeyCipher.newMasterKey() + "\n",
              StandardCharsets.US_ASCII,
              StandardOpenOption.CREATE_NEW);
          try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
          } catch (UnsupportedOperationException e) {
            // not a POSIX file system; rely on the directory's permissions
          }
          LOG.info("Generated a new AI master key in " + file);
        } catch (FileAlreadyExistsException e) {
          // another replica or thread wrote it first: use theirs
        }
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the AI master key in " + dir, e);
    }
  }
}
