package io.omnireach.customdomain;

import io.omnireach.channel.HostPolicy;
import io.omnireach.common.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fetches {@code http://<host>/<path>} for the HTTP verification method. The host is resolved
 * through the {@link DnsResolver} and every address must pass the {@link HostPolicy} (no loopback
 * or private address unless the operator allows them) before one is connected to — by address, so
 * DNS cannot answer differently between the check and the connection. No redirects are followed;
 * the answer is read up to 4 KB.
 */
public final class HttpTokenProbe {

  private static final int MAX_BYTES = 4096;
  private static final int TIMEOUT_MILLIS = 5000;

  private final DnsResolver dns;
  private final HostPolicy hosts;
  private final int port;

  /** {@code port}: 80 in production; tests point it at their own server. */
  public HttpTokenProbe(DnsResolver dns, HostPolicy hosts, int port) {
    this.dns = dns;
    this.hosts = hosts;
    this.port = port;
  }

  /** The body of a 200 answer; any other outcome is a {@link VerificationFailure}. */
  public String fetch(String host, String path) throws VerificationFailure {
    String url = "http://" + host + path;
    List<InetAddress> addresses = dns.addresses(host);
    if (addresses.isEmpty()) {
      throw new VerificationFailure(host + " has no address in DNS yet (A, AAAA or CNAME).");
    }
    for (InetAddress address : addresses) {
      try {
        hosts.check("host", address.getHostAddress());
      } catch (DomainException e) {
        throw new VerificationFailure(
            host + " points to an address this platform may not call (" + address + ").");
      }
    }
    InetAddress target = addresses.get(0);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(target, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      // HTTP/1.0: the answer is never chunked and ends when the server closes
      String request =
          "GET "
              + path
              + " HTTP/1.0\r\nHost: "
              + host
              + "\r\nUser-Agent: OmniReach-domain-check"
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String answer = read(socket.getInputStream());
      int headerEnd = answer.indexOf("\r\n\r\n");
      String statusLine = answer.lines().findFirst().orElse("");
      String[] status = statusLine.split(" ", 3);
      if (headerEnd < 0 || status.length < 2 || !status[0].startsWith("HTTP/")) {
        throw new VerificationFailure(url + " did not answer with HTTP.");
      }
      if (!status[1].equals("200")) {
        throw new VerificationFailure(url + " answered HTTP " + status[1] + ", not 200.");
      }
      return answer.substring(headerEnd + 4);
    } catch (IOException e) {
      throw new VerificationFailure(
          url + " could not be fetched: " + e.getClass().getSimpleName() + ".", e);
    }
  }

  private static String read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
