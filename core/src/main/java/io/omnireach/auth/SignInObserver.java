package io.omnireach.auth;

/** Told of every sign-in attempt's outcome (the app counts them as a metric). */
@FunctionalInterface
public interface SignInObserver {

  /**
   * @param outcome one of {@code success}, {@code bad_credentials}, {@code throttled}, {@code
   *     refused} (valid password, but no usable tenant)
   */
  void attempted(String outcome);

  SignInObserver NONE = outcome -> {};
}
