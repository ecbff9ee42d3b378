package io.omnireach.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A master key kept in a file beside the JWT keys: read when it exists, else generated once ({@code
 * 0600}). Two replicas or threads racing to create it end up with the same key: the one that wrote
 * first.
 */
final class KeyFiles {

  private static final Logger LOG = Logger.getLogger(KeyFiles.class.getName());

  private KeyFiles() {}

  /**
   * @param what the key's name in log and error messages ("AI master key")
   * @param setting the configuration that replaces the file, named in the error
   */
  static synchronized String loadOrCreate(
      Path file, Supplier<String> newKey, String what, String setting) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
      }
      Files.createDirectories(file.getParent());
      String key = newKey.get();
      try {
        Files.writeString(
            file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException e) {
        return Files.readString(file, StandardCharsets.US_ASCII).strip(); // another replica won
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system; rely on the directory's permissions
      }
      LOG.info("Generated a new " + what + " in " + file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read or write the "
              + what
              + " "
              + file
              + ": set "
              + setting
              + " to 32 random bytes in base64, the same on every instance",
          e);
    }
  }
}
