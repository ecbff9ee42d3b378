package io.omnireach.app.security;

import io.omnireach.common.SecretBox;
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
 * The master key behind {@link SecretBox} (mailbox passwords, unsubscribe tokens): {@code
 * omnireach.secrets.master-key} (base64 of 32 bytes) when set, else {@code master.key} beside the
 * JWT keys, generated there once ({@code 0600}). Replicas must share it, like the JWT keys; losing
 * it makes stored mailbox passwords unreadable and old unsubscribe links invalid.
 */
public final class SecretKeys {

  private static final Logger LOG = Logger.getLogger(SecretKeys.class.getName());

  private SecretKeys() {}

  public static SecretBox box(Optional<String> configured) {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return SecretBox.fromBase64(configured.get());
    }
    return SecretBox.fromBase64(loadOrCreate(JwtKeys.keyDirectory().resolve("master.key")));
  }

  static synchronized String loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
      }
      Files.createDirectories(file.getParent());
      String key = SecretBox.newKey();
      try {
        Files.writeString(
            file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException e) {
        return Files.readString(file, StandardCharsets.US_ASCII).trim(); // another replica won
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system; rely on the directory's permissions
      }
      LOG.info("Generated a new secrets master key in " + file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read or write the secrets master key "
              + file
              + ": set omnireach.secrets.master-key (OMNIREACH_SECRETS_MASTER_KEY) to 32 random"
              + " bytes in base64, the same on every instance",
          e);
    }
  }
}
