package io.omnireach.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool of a few physical connections, each lent to one borrower at a time (a borrower waits for a
 * free one), as the server's pool lends them: for the relay, which claims on one connection while
 * it records on another.
 */
final class SmallPool implements DataSource, AutoCloseable {

  private final List<Connection> physical = new ArrayList<>();
  private final BlockingQueue<Connection> free;

  SmallPool(DataSource target, int size) throws SQLException {
    free = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      Connection c = target.getConnection();
      physical.add(c);
      free.add(c);
    }
  }

  int size() {
    return physical.size();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection real;
    try {
      real = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection", e);
    }
    boolean[] returned = {false};
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                if (!returned[0]) {
                  returned[0] = true;
                  free.add(real);
                }
                return null;
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
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
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("Not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
