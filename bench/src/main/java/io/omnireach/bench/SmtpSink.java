package io.omnireach.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on loopback for the send benchmark: answers EHLO/HELO, MAIL, RCPT, DATA,
 * RSET, NOOP and QUIT with success, reads each message to its end and counts it, and counts
 * repeated {@code X-OmniReach-Idempotency-Key} values (duplicates). It stores nothing, so both
 * paths of the benchmark pay the same small, constant price per message — unlike GreenMail, which
 * keeps a mailbox per recipient and gets slower as they pile up.
 */
final class SmtpSink implements AutoCloseable {

  private final ServerSocket server;
  private final AtomicInteger messages = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final Set<String> keys = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  SmtpSink() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  int messages() {
    return messages.get();
  }

  int duplicates() {
    return duplicates.get();
  }

  void reset() {
    messages.set(0);
    duplicates.set(0);
    keys.clear();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> serve(s), "smtp-sink-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
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
            String key = null;
            String l;
            boolean headers = true;
            while ((l = readLine(in)) != null && !l.equals(".")) {
              if (headers && l.isEmpty()) {
                headers = false;
              } else if (headers
                  && l.regionMatches(true, 0, "X-OmniReach-Idempotency-Key:", 0, 28)) {
                key = l.substring(28).trim();
              }
            }
            messages.incrementAndGet();
            if (key != null && !keys.add(key)) {
              duplicates.incrementAndGet();
            }
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
      // client went away
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
    server.close();
  }
}
