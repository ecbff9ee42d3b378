package io.omnireach.common;

/**
 * A failure a person can act on. The kind decides the HTTP status at the REST boundary and the
 * wording in the UI; {@code field} names the offending input when there is one.
 */
public class DomainException extends RuntimeException {

  /** What went wrong, independent of transport. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT,
    UNAUTHORIZED,
    FORBIDDEN,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    TOO_MANY_REQUESTS,
    /** Well-formed, but the rules forbid it now (e.g. an SMS to a lead without SMS consent). */
    UNPROCESSABLE
  }

  private final Kind kind;
  private final String field;

  public DomainException(Kind kind, String message) {
    this(kind, null, message);
  }

  public DomainException(Kind kind, String field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  public static DomainException invalid(String field, String message) {
    return new DomainException(Kind.INVALID, field, message);
  }

  public static DomainException notFound(String message) {
    return new DomainException(Kind.NOT_FOUND, message);
  }

  public static DomainException conflict(String field, String message) {
    return new DomainException(Kind.CONFLICT, field, message);
  }

  public static DomainException unprocessable(String field, String message) {
    return new DomainException(Kind.UNPROCESSABLE, field, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The input field at fault, or null. */
  public String field() {
    return field;
  }
}
