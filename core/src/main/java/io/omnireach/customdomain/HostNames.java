package io.omnireach.customdomain;

import io.omnireach.common.DomainException;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Host names: custom domains as tenants type them, and hosts as requests carry them. */
public final class HostNames {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern REQUEST_HOST = Pattern.compile("[a-z0-9.-]{1,253}");
  private static final int MAX_LENGTH = 253;

  private HostNames() {}

  /**
   * A custom domain in canonical form (lower case, ASCII/punycode, no trailing dot), or {@link
   * DomainException} naming {@code field}: a DNS name of at least two labels, no IP literal, no
   * port, no wildcard, nothing under {@code localhost}.
   */
  public static String customDomain(String field, String input) {
    if (input == null || input.isBlank()) {
      throw DomainException.invalid(field, "Enter a host name such as app.example.com.");
    }
    String host = input.strip();
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.contains(":") || host.contains("/") || host.contains("[")) {
      throw DomainException.invalid(
          field, "Enter only the host name (app.example.com), without scheme, port or path.");
    }
    try {
      host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(field, "'" + input.strip() + "' is not a valid host name.");
    }
    String[] labels = host.split("\\.", -1);
    if (host.isEmpty() || host.length() > MAX_LENGTH || labels.length < 2) {
      throw DomainException.invalid(
          field, "'" + host + "' is not a full host name: use one like app.example.com.");
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw DomainException.invalid(field, "'" + host + "' is not a valid host name.");
      }
    }
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      throw DomainException.invalid(field, "IP addresses cannot be custom domains: use a name.");
    }
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      throw DomainException.invalid(field, "Names under localhost cannot be custom domains.");
    }
    return host;
  }

  /**
   * The host of a request's {@code Host} header in lower case, without port and trailing dot; null
   * when the header is missing, an IP literal in brackets, or not a plain host name.
   */
  public static String fromHeader(String header) {
    if (header == null) {
      return null;
    }
    String host = header.strip().toLowerCase(Locale.ROOT);
    int colon = host.indexOf(':');
    if (colon >= 0) {
      if (host.lastIndexOf(':') != colon) {
        return null; // an IPv6 literal, bracketed or not
      }
      host = host.substring(0, colon);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return REQUEST_HOST.matcher(host).matches() ? host : null;
  }
}
