package io.omnireach.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Tells machine opens from human ones: an open pixel fetched by a privacy proxy (Gmail's image
 * proxy, Yahoo's, Apple Mail Privacy Protection) or a security scanner (Mimecast, Barracuda,
 * Proofpoint, …), or fetched within {@link #MIN_HUMAN_DELAY} of the send, is flagged. Flagged opens
 * stay recorded but are left out of open rates.
 */
public final class ProxyOpens {

  /** Opens sooner than this after the send are taken for scanners. */
  public static final Duration MIN_HUMAN_DELAY = Duration.ofSeconds(10);

  /** Lower-case fragments of user agents of known proxies and scanners. */
  static final List<String> AGENTS =
      List.of(
          "googleimageproxy",
          "ggpht.com",
          "yahoomailproxy",
          "yahoo! slurp",
          "apple mail privacy",
          "mailprivacy",
          "mimecast",
          "barracuda",
          "proofpoint",
          "ppops",
          "symantec",
          "messagelabs",
          "trend micro",
          "forcepoint",
          "sophos",
          "fortinet",
          "cisco ironport",
          "mcafee",
          "microsoft office/16.0 (microsoft outlook safelinks",
          "safelinks",
          "bingpreview",
          "python-requests",
          "curl/",
          "wget/",
          "go-http-client",
          "headlesschrome");

  private ProxyOpens() {}

  /** Why an open is flagged, or null when it looks human. */
  public static String reason(String userAgent, Instant sentAt, Instant openedAt) {
    if (userAgent != null) {
      String ua = userAgent.toLowerCase(Locale.ROOT);
      for (String agent : AGENTS) {
        if (ua.contains(agent)) {
          return "proxy user agent (" + agent + ")";
        }
      }
    }
    if (sentAt != null
        && openedAt != null
        && Duration.between(sentAt, openedAt).compareTo(MIN_HUMAN_DELAY) < 0) {
      return "opened " + Duration.between(sentAt, openedAt).toSeconds() + " s after the send";
    }
    return null;
  }

  public static boolean isProxy(String userAgent, Instant sentAt, Instant openedAt) {
    return reason(userAgent, sentAt, openedAt) != null;
  }
}
