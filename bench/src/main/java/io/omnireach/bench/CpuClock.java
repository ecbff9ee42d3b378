package io.omnireach.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * CPU time used by this JVM and by the PostgreSQL backend serving the benchmark's connection (read
 * from /proc, so only when the server runs on this machine): tells whether a phase waits on the
 * database or on Java. Assumes the usual 100 clock ticks per second.
 */
final class CpuClock {

  /** CPU seconds so far; backend is negative when it cannot be read. */
  record Reading(double jvm, double backend) {
    Reading minus(Reading earlier) {
      return new Reading(
          jvm - earlier.jvm, backend < 0 || earlier.backend < 0 ? -1 : backend - earlier.backend);
    }
  }

  private static final double TICKS_PER_SECOND = 100;
  private final List<Long> backendPids = new ArrayList<>();

  CpuClock(DataSource pool) throws SQLException {
    this(pool, 1);
  }

  /** The backends of {@code connections} connections of the pool, borrowed all at once. */
  CpuClock(DataSource pool, int connections) throws SQLException {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        Connection c = pool.getConnection();
        held.add(c);
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
          rs.next();
          backendPids.add(rs.getLong(1));
        }
      }
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
  }

  Reading now() {
    double jvm =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1e9;
    return new Reading(jvm, backend());
  }

  private double backend() {
    double sum = 0;
    for (long pid : backendPids) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // fields after the command name, which is in parentheses and may hold spaces
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name
        sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
      } catch (Exception e) {
        return -1;
      }
    }
    return sum;
  }
}
