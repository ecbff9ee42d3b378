package io.omnireach.user;

import com.password4j.Password;
import io.omnireach.common.DomainException;

/** Salted Argon2id password hashes (password4j), encoded with their parameters. */
public final class PasswordHasher {

  public static final int MIN_LENGTH = 10;

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

  public static void requireStrong(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw DomainException.invalid(
          "password", "Password must have at least " + MIN_LENGTH + " characters.");
    }
    if (password.length() > 200) {
      throw DomainException.invalid("password", "Password must have at most 200 characters.");
    }
  }
}
