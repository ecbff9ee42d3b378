package io.omnireach.user;

import com.password4j.Password;
import io.omnireach.common.DomainException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Salted Argon2id password hashes (password4j), encoded with their parameters. */
public final class PasswordHasher {

  public static final int MIN_LENGTH = 10;
  private static final int MIN_DISTINCT_CHARACTERS = 5;
  private static final Set<String> COMMON = loadCommon();

  private PasswordHasher() {}

  public static String hash(String password) {
    requireStrong(password);
    return Password.hash(password).addRandomSalt(16).withArgon2().getResult();
  }

  public static boolean matches(String password, String hash) {
    if (password == null || hash == null) {
      return false;
    }
    return Password.check(password, hash).withArgon2();
  }

  /**
   * Length (NIST SP 800-63B: at least 10 here), not a breached classic, not one character repeated;
   * no composition rules, which push people to "Password1!".
   */
  public static void requireStrong(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw DomainException.invalid(
          "password", "Password must have at least " + MIN_LENGTH + " characters.");
    }
    if (password.length() > 200) {
      throw DomainException.invalid("password", "Password must have at most 200 characters.");
    }
    if (password.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
      throw DomainException.invalid(
          "password",
          "Password is too repetitive: use at least "
              + MIN_DISTINCT_CHARACTERS
              + " different characters.");
    }
    if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
      throw DomainException.invalid(
          "password", "This password is on lists of common passwords: choose another one.");
    }
  }

  private static Set<String> loadCommon() {
    try (InputStream in = PasswordHasher.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the classpath");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
