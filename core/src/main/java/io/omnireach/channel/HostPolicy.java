package io.omnireach.channel;

import io.omnireach.common.DomainException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * SSRF guard for hosts a tenant configures (SMTP servers today): refuses loopback, link-local,
 * private, carrier-grade NAT, unique-local, multicast and wildcard addresses unless the operator
 * allows private hosts ({@code omnireach.channel.allow-private-hosts}, on in dev mode so a local
 * mail catcher works). Every address the name resolves to must pass.
 */
public final class HostPolicy {

  private static final Pattern HOST_NAME =
      Pattern.compile(
          "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$|^\\[?[0-9A-Fa-f:.]+]?$");

  private final boolean allowPrivate;

  public HostPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
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
      boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7
      boolean mappedV4 = isV4Mapped(b);
      if (mappedV4) {
        try {
          return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
          return true;
        }
      }
      return uniqueLocal;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 // "this network"
        || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
        || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
        || first >= 240; // reserved and broadcast
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
