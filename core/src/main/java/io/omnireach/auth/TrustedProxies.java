package io.omnireach.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The real client address behind the documented ingress. {@code X-Forwarded-For} is believed only
 * when the peer is a trusted proxy (CIDRs from {@code OMNIREACH_TRUSTED_PROXIES}); the header is
 * then read from the right, skipping further trusted proxies, and the first other address is the
 * client. With no trusted proxies (the default) the peer address is the client.
 */
public final class TrustedProxies {

  /** Address literals only: never resolve a host name taken from a header. */
  private static final Pattern IP_LITERAL =
      Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private record Cidr(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<Cidr> ranges;

  private TrustedProxies(List<Cidr> ranges) {
    this.ranges = ranges;
  }

  /**
   * Parses a comma-separated list of CIDRs or single addresses, e.g. {@code 10.0.0.0/8,
   * 2001:db8::/32, 192.168.1.7}; blank means none.
   *
   * @throws IllegalArgumentException for an entry that is not an address literal or CIDR
   */
  public static TrustedProxies parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return NONE;
    }
    List<Cidr> ranges = new ArrayList<>();
    for (String entry : spec.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      int slash = e.indexOf('/');
      byte[] network = bytes(slash < 0 ? e : e.substring(0, slash));
      if (network == null) {
        throw new IllegalArgumentException("Not an IP address or CIDR: " + e);
      }
      int prefix;
      try {
        prefix = slash < 0 ? network.length * 8 : Integer.parseInt(e.substring(slash + 1));
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("Not an IP address or CIDR: " + e);
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("Prefix out of range: " + e);
      }
      ranges.add(new Cidr(network, prefix));
    }
    return new TrustedProxies(List.copyOf(ranges));
  }

  public boolean isTrusted(String address) {
    byte[] bytes = bytes(address);
    return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
  }

  /**
   * @param peer the address of the TCP peer ({@code getRemoteAddr()})
   * @param forwardedFor every {@code X-Forwarded-For} header value in order (may be empty)
   */
  public String clientAddress(String peer, List<String> forwardedFor) {
    if (ranges.isEmpty() || !isTrusted(peer) || forwardedFor == null) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (bytes(hop) == null) {
        return client; // garbage from further left is not believed
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  /** The same, reading the headers of a servlet-style request. */
  public String clientAddress(String peer, Enumeration<String> forwardedFor) {
    List<String> values = new ArrayList<>();
    while (forwardedFor != null && forwardedFor.hasMoreElements()) {
      values.add(forwardedFor.nextElement());
    }
    return clientAddress(peer, values);
  }

  private static byte[] bytes(String address) {
    if (address == null) {
      return null;
    }
    String a = address.trim();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    if (!IP_LITERAL.matcher(a).matches()) {
      return null;
    }
    try {
      byte[] bytes = InetAddress.getByName(a).getAddress();
      if (bytes.length == 16 && isV4Mapped(bytes)) {
        byte[] v4 = new byte[4];
        System.arraycopy(bytes, 12, v4, 0, 4);
        return v4;
      }
      return bytes;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
