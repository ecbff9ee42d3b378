package io.omnireach.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email address normalisation and a pragmatic syntax check (the mailbox decides the rest). */
public final class Emails {

  private static final Pattern SHAPE =
      Pattern.compile(
          "^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");

  private Emails() {}

  /** Trimmed, lower-cased address; throws {@link DomainException} naming {@code field}. */
  public static String normalise(String field, String email) {
    if (email == null || email.isBlank()) {
      throw DomainException.invalid(field, "Email is required.");
    }
    String trimmed = email.trim().toLowerCase(Locale.ROOT);
    if (trimmed.length() > 254 || !SHAPE.matcher(trimmed).matches()) {
      throw DomainException.invalid(field, "'" + email.trim() + "' is not a valid email address.");
    }
    return trimmed;
  }
}
