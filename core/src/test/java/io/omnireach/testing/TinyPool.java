package io.omnireach.testing;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool of exactly two physical connections handed out at random and never reset on return, like a
 * real pool: whatever a borrower leaves on a connection, the next borrower gets.
 */
public final class TinyPool implements DataSource, AutoCloseable {

  private final List<Connection> physical = new ArrayList<>();
  private final Random random = new Random(42);

  public TinyPool(DataSource target) throws SQLException {
    physical.add(target.getConnection());
    physical.add(target.getConnection());
  }

  /** The physical connections, to inspect what borrowers left behind. */
  public List<Connection> physicalConnections() {
    return physical;
  }

  @Override
  public synchronized Connection getConnection() {
    Connection real = physical.get(random.nextInt(physical.size()));
    // close() returns it to the pool instead of closing it
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) ->
                method.getName().equals("close") ? null : method.invoke(real, args));
  }

  @Override
  public Connection getConnection(String username, String password) {
    return getConnection();
  }

  @Override
  public void close() throws SQLException {
    for (Connection c : physical) {
      c.close();
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
