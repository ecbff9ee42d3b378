package io.omnireach.seed;

import io.omnireach.db.DatabaseBootstrap;
import io.omnireach.db.Transactions;
import java.time.Clock;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/** {@code ./omnireach seed}: (re)loads demo data into the database named by OMNIREACH_DB_URL. */
public final class SeedCommand {

  private SeedCommand() {}

  public static void main(String[] args) throws Exception {
    String url = env("OMNIREACH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/omnireach");
    String user = env("OMNIREACH_DB_USER", "postgres");
    String password = env("OMNIREACH_DB_PASSWORD", "");
    DatabaseBootstrap.ensureDatabase(url, user, password);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    List<String> log = new DemoSeed(new Transactions(ds), Clock.systemUTC()).load();
    log.forEach(line -> System.out.println("  " + line));
    System.out.println("Demo data loaded. Sign in with admin@acme.demo / " + DemoSeed.PASSWORD);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
