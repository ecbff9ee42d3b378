package io.omnireach.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny authoritative DNS server on loopback UDP (A, AAAA, CNAME and TXT records), so the real
 * JNDI DNS client of the domain verifier asks a zone the test controls. Answers NXDOMAIN for names
 * without records and every record of a name for type ANY (JNDI asks ANY for several types).
 */
public final class FakeDnsZone implements AutoCloseable {

  private static final int A = 1;
  private static final int CNAME = 5;
  private static final int TXT = 16;
  private static final int AAAA = 28;
  private static final int ANY = 255;

  private record Entry(int type, byte[] data) {}

  private final Map<String, List<Entry>> zone = new ConcurrentHashMap<>();
  private final DatagramSocket socket;
  private final Thread server;

  /** Listens on 127.0.0.1:{@code port} (0: any free port). */
  public FakeDnsZone(int port) throws SocketException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    server = new Thread(this::serve, "fake-dns");
    server.setDaemon(true);
    server.start();
  }

  /** {@code 127.0.0.1:port}, as the resolver setting takes it. */
  public String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  public FakeDnsZone txt(String name, String value) {
    byte[] text = value.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (int i = 0; i < text.length || i == 0; i += 255) {
      int length = Math.min(255, text.length - i);
      data.write(length);
      data.write(text, i, length);
    }
    return add(name, TXT, data.toByteArray());
  }

  public FakeDnsZone address(String name, InetAddress address) {
    return add(name, address.getAddress().length == 4 ? A : AAAA, address.getAddress());
  }

  public FakeDnsZone cname(String name, String target) {
    return add(name, CNAME, encodeName(target));
  }

  /** Forgets every record of {@code name}. */
  public void remove(String name) {
    zone.remove(key(name));
  }

  private FakeDnsZone add(String name, int type, byte[] data) {
    zone.computeIfAbsent(key(name), k -> new CopyOnWriteArrayList<>()).add(new Entry(type, data));
    return this;
  }

  private static String key(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private void serve() {
    byte[] buffer = new byte[512];
    while (!socket.isClosed()) {
      try {
        DatagramPacket query = new DatagramPacket(buffer, buffer.length);
        socket.receive(query);
        byte[] answer = answer(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
        socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
      } catch (IOException | RuntimeException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private byte[] answer(ByteBuffer in) {
    int id = in.getShort() & 0xffff;
    int flags = in.getShort() & 0xffff;
    in.position(12);
    int questionStart = in.position();
    StringBuilder name = new StringBuilder();
    for (int length = in.get() & 0xff; length > 0; length = in.get() & 0xff) {
      byte[] label = new byte[length];
      in.get(label);
      name.append(name.length() == 0 ? "" : ".")
          .append(new String(label, StandardCharsets.US_ASCII));
    }
    int type = in.getShort() & 0xffff;
    in.getShort(); // class IN
    byte[] question = new byte[in.position() - questionStart];
    in.position(questionStart);
    in.get(question);

    List<Entry> entries = zone.get(key(name.toString()));
    List<Entry> matching =
        entries == null
            ? List.of()
            : entries.stream()
                .filter(e -> type == ANY || e.type() == type || e.type() == CNAME)
                .toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = ByteBuffer.allocate(12);
    header.putShort((short) id);
    // response, authoritative, recursion desired copied, recursion available; NXDOMAIN if unknown
    header.putShort((short) (0x8400 | (flags & 0x0100) | 0x0080 | (entries == null ? 3 : 0)));
    header.putShort((short) 1).putShort((short) matching.size()).putShort((short) 0);
    header.putShort((short) 0);
    out.writeBytes(header.array());
    out.writeBytes(question);
    for (Entry e : matching) {
      ByteBuffer rr = ByteBuffer.allocate(12 + e.data().length);
      rr.putShort((short) 0xc00c); // the name: a pointer to the question's
      rr.putShort((short) e.type()).putShort((short) 1).putInt(60);
      rr.putShort((short) e.data().length).put(e.data());
      out.writeBytes(rr.array());
    }
    return out.toByteArray();
  }

  private static byte[] encodeName(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String label : key(name).split("\\.")) {
      out.write(label.length());
      out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
    }
    out.write(0);
    return out.toByteArray();
  }

  @Override
  public void close() {
    socket.close();
  }
}
