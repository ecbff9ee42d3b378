package io.omnireach.sdk;

/**
 * The server answered with an error: the fields of its problem+json body (RFC 9457), or the status
 * and body text when the answer was not problem+json.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final String detail;
  private final String type;
  private final String field;

  public ApiException(int status, String title, String detail, String type, String field) {
    super(status + " " + title + (detail == null || detail.isBlank() ? "" : ": " + detail));
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = type;
    this.field = field;
  }

  /** The HTTP status, e.g. 422 for a tampered block. */
  public int status() {
    return status;
  }

  /** Short, e.g. {@code Unprocessable Content}. */
  public String title() {
    return title;
  }

  /** What went wrong, readable by a person; may be null. */
  public String detail() {
    return detail;
  }

  /** The problem type URI, {@code about:blank} when the server names none. */
  public String type() {
    return type;
  }

  /** The request field the problem is about, when the server names one; else null. */
  public String field() {
    return field;
  }
}
