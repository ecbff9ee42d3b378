package io.omnireach.block;

/**
 * The outcome of checking a block file: whether its content is what its publisher signed.
 *
 * @param keyId the signing key's id when the signature is valid, else null
 */
public record Verification(Status status, String message, String keyId) {

  public enum Status {
    /** Hash and signature match the content. */
    VALID,
    /** The hash matches but nobody signed it. */
    UNSIGNED,
    /** The content or manifest was changed after the hash was made. */
    HASH_MISMATCH,
    /** The signature does not belong to this content and key. */
    BAD_SIGNATURE
  }

  public boolean valid() {
    return status == Status.VALID;
  }
}
