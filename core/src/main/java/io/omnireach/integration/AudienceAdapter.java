package io.omnireach.integration;

import io.omnireach.retry.RetryPolicy;
import java.util.List;

/**
 * An ad platform an audience syncs to: one class per platform, listed in {@code
 * META-INF/services/io.omnireach.integration.AudienceAdapter}. It receives hashed identifiers only
 * and answers with what the platform accepted; a refusal is an {@link AdapterException} with a
 * {@link RetryPolicy.Failure}, so the sync knows whether trying again can help.
 */
public interface AudienceAdapter {

  /** The id stored with an audience, e.g. {@code meta}. */
  String id();

  /** The name people see, e.g. "Meta custom audience". */
  String label();

  /** At most this many members per call. */
  int batchSize();

  /** Adds members to the platform's audience. */
  Result add(Target target, List<Member> members);

  /** Removes members from the platform's audience. */
  Result remove(Target target, List<Member> members);

  /**
   * Where to sync: the platform's audience id and the credential (decrypted only for the call).
   *
   * @param apiBase the platform's API base URL (a local fake in tests)
   */
  record Target(String apiBase, String audienceId, String accessToken) {}

  /** One person as hashes; either may be null. */
  record Member(long leadId, String emailHash, String phoneHash) {}

  /** What the platform took. */
  record Result(int received, int invalid) {}

  /** The platform refused; {@code failure} says whether a later sync may succeed. */
  final class AdapterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final RetryPolicy.Failure failure;

    public AdapterException(RetryPolicy.Failure failure, String message) {
      super(message);
      this.failure = failure;
    }

    public RetryPolicy.Failure failure() {
      return failure;
    }
  }
}
