package io.omnireach.channel;

import io.omnireach.common.SecretBox;
import io.omnireach.tenant.TenantRef;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unguessable one-click unsubscribe tokens: {@code <tenant slug>.<message id>.<HMAC-SHA256>}, the
 * MAC over the tenant's immutable id, its slug and the message id under a key derived from the
 * master key. A token only names a message; whoever holds it can unsubscribe that message's
 * recipient and nothing else. The slug only routes: a tenant created later with the slug of a
 * deleted one has another id, so the old tenant's tokens are refused.
 */
public final class UnsubscribeTokens {

  private static final String PURPOSE = "unsubscribe";
  private static final Pattern SHAPE =
      Pattern.compile("^([a-z][a-z0-9-]{1,29})\\.([1-9][0-9]{0,18})\\.([A-Za-z0-9_-]{43})$");

  private final SecretBox secrets;

  public UnsubscribeTokens(SecretBox secrets) {
    this.secrets = secrets;
  }

  public String token(TenantRef tenant, long messageId) {
    return tenant.slug() + "." + messageId + "." + secrets.sign(PURPOSE, data(tenant, messageId));
  }

  /** The tenant slug a well-formed token names (not verified: only to look the tenant up). */
  public static Optional<String> slug(String token) {
    Matcher m = token == null ? null : SHAPE.matcher(token);
    return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The message a genuine token of {@code tenant} names; empty for anything forged, changed,
   * malformed or made for another tenant (also a deleted one with the same slug).
   */
  public Optional<Long> verify(String token, TenantRef tenant) {
    Matcher m = token == null ? null : SHAPE.matcher(token);
    if (m == null || !m.matches() || !m.group(1).equals(tenant.slug())) {
      return Optional.empty();
    }
    long id;
    try {
      id = Long.parseLong(m.group(2));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return secrets.verify(PURPOSE, data(tenant, id), m.group(3))
        ? Optional.of(id)
        : Optional.empty();
  }

  private static String data(TenantRef tenant, long messageId) {
    return tenant.id() + ":" + tenant.slug() + ":" + messageId;
  }
}
