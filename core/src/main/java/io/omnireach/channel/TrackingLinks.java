package io.omnireach.channel;

import io.omnireach.common.SecretBox;
import io.omnireach.tenant.TenantRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signed open-pixel and click tokens. A click token names a message and the position of a link in
 * that message's body ({@code <tenant>.<message>.<index>.<mac>}); the redirect target is read from
 * the stored body, so a click can only lead to a URL that was in the message. The MAC covers the
 * tenant's immutable id, so a tenant re-created with a deleted one's slug refuses the old links.
 */
public final class TrackingLinks {

  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");
  private static final Pattern OPEN =
      Pattern.compile("^([a-z][a-z0-9-]{1,29})\\.([1-9][0-9]{0,18})\\.([A-Za-z0-9_-]{43})$");
  private static final Pattern CLICK =
      Pattern.compile(
          "^([a-z][a-z0-9-]{1,29})\\.([1-9][0-9]{0,18})\\.([0-9]{1,3})\\.([A-Za-z0-9_-]{43})$");

  private final SecretBox secrets;

  public TrackingLinks(SecretBox secrets) {
    this.secrets = secrets;
  }

  /** A genuine token's target; {@code link} is -1 for the open pixel. */
  public record Target(long messageId, int link) {}

  public String openToken(TenantRef tenant, long messageId) {
    return tenant.slug()
        + "."
        + messageId
        + "."
        + secrets.sign("open", data(tenant) + ":" + messageId);
  }

  public String clickToken(TenantRef tenant, long messageId, int link) {
    String data = data(tenant) + ":" + messageId + ":" + link;
    return tenant.slug() + "." + messageId + "." + link + "." + secrets.sign("click", data);
  }

  /**
   * The tenant slug a well-formed open or click token names (not verified: only to look the tenant
   * up); empty for anything else, so garbage costs no database lookup.
   */
  public static Optional<String> slug(String token) {
    if (token == null) {
      return Optional.empty();
    }
    for (Pattern shape : new Pattern[] {OPEN, CLICK}) {
      Matcher m = shape.matcher(token);
      if (m.matches()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  /** The target of a genuine open token of {@code tenant}; empty otherwise. */
  public Optional<Target> verifyOpen(String token, TenantRef tenant) {
    Matcher m = token == null ? null : OPEN.matcher(token);
    if (m == null || !m.matches() || !m.group(1).equals(tenant.slug())) {
      return Optional.empty();
    }
    String data = data(tenant) + ":" + m.group(2);
    return secrets.verify("open", data, m.group(3))
        ? Optional.of(new Target(Long.parseLong(m.group(2)), -1))
        : Optional.empty();
  }

  /** The target of a genuine click token of {@code tenant}; empty otherwise. */
  public Optional<Target> verifyClick(String token, TenantRef tenant) {
    Matcher m = token == null ? null : CLICK.matcher(token);
    if (m == null || !m.matches() || !m.group(1).equals(tenant.slug())) {
      return Optional.empty();
    }
    String data = data(tenant) + ":" + m.group(2) + ":" + m.group(3);
    return secrets.verify("click", data, m.group(4))
        ? Optional.of(new Target(Long.parseLong(m.group(2)), Integer.parseInt(m.group(3))))
        : Optional.empty();
  }

  /**
   * The MAC covers the tenant's immutable id: a later tenant with the same slug cannot reuse it.
   */
  private static String data(TenantRef tenant) {
    return tenant.id() + ":" + tenant.slug();
  }

  /** The http(s) URLs of a plain-text body, in order, without trailing punctuation. */
  static List<String> urls(String text) {
    List<String> urls = new ArrayList<>();
    Matcher m = URL.matcher(text);
    while (m.find()) {
      urls.add(trim(m.group()));
    }
    return urls;
  }

  /** Splits text into alternating plain and URL segments (URL segments start with "http"). */
  static List<String> segments(String text) {
    List<String> parts = new ArrayList<>();
    Matcher m = URL.matcher(text);
    int at = 0;
    while (m.find()) {
      String url = trim(m.group());
      parts.add(text.substring(at, m.start()));
      parts.add(url);
      at = m.start() + url.length();
    }
    parts.add(text.substring(at));
    return parts;
  }

  private static String trim(String url) {
    int end = url.length();
    while (end > 0 && ".,;:!?)]".indexOf(url.charAt(end - 1)) >= 0) {
      end--;
    }
    return url.substring(0, end);
  }
}
