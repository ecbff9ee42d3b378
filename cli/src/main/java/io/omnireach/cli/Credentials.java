package io.omnireach.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * What {@code login} keeps: server, email and tokens, in {@code <config dir>/credentials} readable
 * by its owner only (0600, directory 0700) since the refresh token is as good as a password.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Credentials(String server, String email, String accessToken, String refreshToken) {

  static final String FILE = "credentials";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /** {@code $XDG_CONFIG_HOME/omnireach}, else {@code ~/.config/omnireach}. */
  static Path defaultDir() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("omnireach");
  }

  /** The stored credentials, or null when there are none. */
  static Credentials load(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return JSON.readValue(file.toFile(), Credentials.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          file + " is not readable (run login again): " + e.getMessage(), e);
    }
  }

  /** Writes atomically: a private temporary file moved over the old one. */
  void save(Path dir) {
    try {
      if (POSIX) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
      Path tmp =
          POSIX
              ? Files.createTempFile(
                  dir,
                  FILE,
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(dir, FILE, ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
      Files.move(
          tmp,
          dir.resolve(FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }
}
