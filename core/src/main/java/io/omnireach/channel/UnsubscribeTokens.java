package io.omnireach.channel;

import io.omnireach.common.SecretBox;
import io.omnireach.tenant.TenantSchema;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unguessable one-click unsubscribe tokens: {@code <tenant>.<message id>.<HMAC-SHA256>}, the MAC
 * over tenant slug and message id under a key derived from the master key. A token only names a
 * message; whoever holds it can unsubscribe that message's recipient and nothing else.
 */
public final class UnsubscribeTokens {

  private static final String PURPOSE = "unsubscribe";
  private static final Pattern SHAPE =
      Pattern.compile("^([a-z][a-z0-9-]{1,29})\\.([1-9][0-9]{0,18})\\.([A-Za-z0-9_-]{43})$");

  private final SecretBox secrets;

  public UnsubscribeTokens(SecretBox secrets) {
    this.secrets = secrets;
  }

  /** Who a valid token is for. */
  public record Target(String tenantSlug, long messageId) {}

  public String token(String tenantSlug, long messageId) {
    return tenantSlug + "." + messageId + "." + secrets.sign(PURPOSE, data(tenantSlug, messageId));
  }

  /** The target of a genuine token; empty for anything forged, changed or malformed. */
  public Optional<Target> verify(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Matcher m = SHAPE.matcher(token);
    if (!m.matches()) {
      return Optional.empty();
    }
    String slug = m.group(1);
    long id;
    try {
      id = Long.parseLong(m.group(2));
      TenantSchema.requireValidSlug(slug);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return secrets.verify(PURPOSE, data(slug, id), m.group(3))
        ? Optional.of(new Target(slug, id))
        : Optional.empty();
  }

  private static String data(String slug, long messageId) {
    return slug + ":" + messageId;
  }
}
