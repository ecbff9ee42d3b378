package io.omnireach.channel;

import io.omnireach.common.DomainException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * SSRF guard for hosts a tenant configures (SMTP servers today): refuses loopback, link-local,
 * private, carrier-grade NAT, unique-local, multicast and wildcard addresses (also when embedded in
 * an IPv6 address: mapped, compatible, NAT64, 6to4, Teredo) unless the operator allows private
 * hosts ({@code omnireach.channel.allow-private-hosts}, on in dev mode so a local mail catcher
 * works). Every address the name resolves to must pass.
 */
public final class HostPolicy {

  private static final Pattern HOST_NAME =
      Pattern.compile(
          "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$|^\\[?[0-9A-Fa-f:.]+]?$");

  private final boolean allowPrivate;

  public HostPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Whether loopback and private addresses pass (dev mode, tests). */
  public boolean allowsPrivate() {
    return allowPrivate;
  }

  /** Throws {@link DomainException} (invalid {@code field}) when the host may not be used. */
  public void check(String field, String host) {
    if (host == null || !HOST_NAME.matcher(host).matches()) {
      throw DomainException.invalid(field, "'" + host + "' is not a host name or IP address.");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host.replace("[", "").replace("]", ""));
    } catch (UnknownHostException e) {
      throw DomainException.invalid(field, "Host '" + host + "' cannot be resolved.");
    }
    if (allowPrivate) {
      return;
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        throw DomainException.invalid(
            field,
            "Host '"
                + host
                + "' resolves to an internal address ("
                + address.getHostAddress()
                + "); the operator does not allow private hosts.");
      }
    }
  }

  static boolean isInternal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return true; // unique local fc00::/7
      }
      if (word(b, 0) == 0x64 && word(b, 2) == 0xff9b && word(b, 4) == 1) {
        return true; // NAT64 local-use prefix 64:ff9b:1::/48 (RFC 8215): a private translator
      }
      byte[] embedded = embeddedV4(b);
      return embedded != null && isInternal(v4(embedded));
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 // "this network"
        || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
        || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
        || first >= 240; // reserved and broadcast
  }

  /**
   * The IPv4 address an IPv6 address carries, which the network may reach in the end: IPv4-mapped
   * {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, SIIT {@code ::ffff:0:a.b.c.d}, NAT64
   * {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:AABB:CCDD::/48} and Teredo (the client address,
   * inverted). Null for a plain IPv6 address.
   */
  private static byte[] embeddedV4(byte[] b) {
    boolean zero64 = word(b, 0) == 0 && word(b, 2) == 0 && word(b, 4) == 0 && word(b, 6) == 0;
    if (zero64 && word(b, 8) == 0 && (word(b, 10) == 0xffff || word(b, 10) == 0)) {
      return Arrays.copyOfRange(b, 12, 16); // mapped or compatible
    }
    if (zero64 && word(b, 8) == 0xffff && word(b, 10) == 0) {
      return Arrays.copyOfRange(b, 12, 16); // SIIT translated
    }
    if (word(b, 0) == 0x64 && word(b, 2) == 0xff9b && word(b, 4) == 0 && word(b, 6) == 0) {
      return Arrays.copyOfRange(b, 12, 16); // NAT64 well-known prefix 64:ff9b::/96
    }
    if (word(b, 0) == 0x2002) {
      return Arrays.copyOfRange(b, 2, 6); // 6to4
    }
    if (word(b, 0) == 0x2001 && word(b, 2) == 0) {
      byte[] client = Arrays.copyOfRange(b, 12, 16); // Teredo: client address XOR 0xff
      for (int i = 0; i < client.length; i++) {
        client[i] = (byte) ~client[i];
      }
      return client;
    }
    return null;
  }

  private static int word(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static InetAddress v4(byte[] address) {
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an IPv4 address
    }
  }
}
