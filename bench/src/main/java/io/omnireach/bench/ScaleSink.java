package io.omnireach.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMTP sink of the scale-out run: like {@link SmtpSink} it answers every command with success
 * and stores no mail, but it listens on the loopback addresses 127.0.0.1 … 127.0.0.N (one per
 * server, same port) and records, per message, its {@code X-OmniReach-Idempotency-Key}, the address
 * it arrived on (which names the server that sent it) and, for intros, the recipient and the
 * Message-ID (to reply to).
 */
final class ScaleSink implements AutoCloseable {

  private final List<ServerSocket> servers = new ArrayList<>();
  private final AtomicInteger messages = new AtomicInteger();
  private final Map<String, Integer> perKey = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
  private final Map<String, String> intros = new ConcurrentHashMap<>();

  ScaleSink() throws IOException {
    int addresses = Integer.getInteger("scale.servers", 3);
    ServerSocket first = new ServerSocket(0, 200, InetAddress.getByName("127.0.0.1"));
    servers.add(first);
    for (int i = 2; i <= addresses; i++) {
      servers.add(
          new ServerSocket(first.getLocalPort(), 200, InetAddress.getByName("127.0.0." + i)));
    }
    for (ServerSocket s : servers) {
      Thread t = new Thread(() -> accept(s), "scale-sink-" + s.getInetAddress());
      t.setDaemon(true);
      t.start();
    }
  }

  int port() {
    return servers.get(0).getLocalPort();
  }

  int messages() {
    return messages.get();
  }

  Map<String, Integer> perKey() {
    return new TreeMap<>(perKey);
  }

  Map<String, Integer> perAddress() {
    Map<String, Integer> m = new TreeMap<>();
    perAddress.forEach((a, n) -> m.put(a, n.get()));
    return m;
  }

  /** Up to {@code n} intro recipients with their Message-ID. */
  Map<String, String> intros(int n) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(intros).entrySet()) {
      if (m.size() == n) {
        break;
      }
      m.put(e.getKey(), e.getValue());
    }
    return m;
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> serve(s), "scale-sink-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    String address = socket.getLocalAddress().getHostAddress();
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
        OutputStream out = socket.getOutputStream()) {
      socket.setTcpNoDelay(true);
      write(out, "220 sink ESMTP\r\n");
      String line;
      while ((line = readLine(in)) != null) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
        switch (cmd) {
          case "EHLO" -> write(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n");
          case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> write(out, "250 OK\r\n");
          case "DATA" -> {
            write(out, "354 go ahead\r\n");
            Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            String l;
            boolean headers = true;
            while ((l = readLine(in)) != null && !l.equals(".")) {
              if (headers && l.isEmpty()) {
                headers = false;
              } else if (headers && l.indexOf(':') > 0 && !Character.isWhitespace(l.charAt(0))) {
                h.put(
                    l.substring(0, l.indexOf(':')).trim(), l.substring(l.indexOf(':') + 1).trim());
              }
            }
            String key = h.get("X-OmniReach-Idempotency-Key");
            if (key != null) {
              perKey.merge(key, 1, Integer::sum);
            }
            String subject = h.getOrDefault("Subject", "");
            String to = h.get("To");
            if (subject.startsWith("Scale test") && to != null && h.get("Message-ID") != null) {
              intros.putIfAbsent(to.replaceAll(".*<|>.*", ""), h.get("Message-ID"));
            }
            perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
            messages.incrementAndGet();
            write(out, "250 2.0.0 queued as " + messages.get() + "\r\n");
          }
          case "QUIT" -> {
            write(out, "221 bye\r\n");
            return;
          }
          default -> write(out, "250 OK\r\n");
        }
      }
    } catch (IOException e) {
      // client went away (or was killed)
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(128);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == '\r') {
          b.setLength(n - 1);
        }
        return b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    for (ServerSocket s : servers) {
      s.close();
    }
  }
}
