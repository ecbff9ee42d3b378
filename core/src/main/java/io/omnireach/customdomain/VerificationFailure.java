package io.omnireach.customdomain;

/** A check could not be made or found no proof; the message is shown to the tenant as is. */
public class VerificationFailure extends Exception {

  public VerificationFailure(String message) {
    super(message);
  }

  public VerificationFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
