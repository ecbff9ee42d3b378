package io.omnireach.seed;

import io.omnireach.common.DomainException;
import io.omnireach.db.DatabaseBootstrap;
import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.user.OwnerBootstrap;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code ./omnireach create-owner EMAIL [--name NAME]}: creates the platform Owner of a fresh
 * install. The password is asked twice on a terminal, otherwise read from the first line of stdin
 * (never from the command line, where {@code ps} and shell history would show it).
 *
 * <p>Exit codes: 0 created, 1 an Owner exists already (nothing changed), 2 bad input (weak
 * password, invalid email, wrong usage), 3 the database could not be reached.
 */
public final class CreateOwnerCommand {

  static final int CREATED = 0;
  static final int OWNER_EXISTS = 1;
  static final int BAD_INPUT = 2;
  static final int DATABASE_ERROR = 3;

  private CreateOwnerCommand() {}

  public static void main(String[] args) {
    quietLogs();
    String url = env("OMNIREACH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/omnireach");
    String user = env("OMNIREACH_DB_USER", "postgres");
    String password = env("OMNIREACH_DB_PASSWORD", "");
    Transactions tx;
    try {
      DatabaseBootstrap.ensureDatabase(url, user, password);
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(url);
      ds.setUser(user);
      ds.setPassword(password);
      tx = new Transactions(ds);
      Migrations.migratePlatform(ds);
    } catch (java.sql.SQLException | RuntimeException e) {
      System.err.println("error: cannot use the database " + url + ": " + e.getMessage());
      System.exit(DATABASE_ERROR);
      return;
    }
    System.exit(run(args, tx, System.console(), System.in, System.out, System.err));
  }

  /** The command without the process around it, for tests. */
  static int run(
      String[] args,
      Transactions tx,
      Console console,
      java.io.InputStream stdin,
      PrintStream out,
      PrintStream err) {
    String email = null;
    String name = null;
    for (int i = 0; i < args.length; i++) {
      if ("--name".equals(args[i]) && i + 1 < args.length) {
        name = args[++i];
      } else if (email == null && !args[i].startsWith("--")) {
        email = args[i];
      } else {
        err.println("usage: ./omnireach create-owner EMAIL [--name NAME]  (password on stdin)");
        return BAD_INPUT;
      }
    }
    if (email == null) {
      err.println("usage: ./omnireach create-owner EMAIL [--name NAME]  (password on stdin)");
      return BAD_INPUT;
    }
    OwnerBootstrap bootstrap = new OwnerBootstrap(tx);
    var existing = bootstrap.existingOwner();
    if (existing.isPresent()) {
      err.println(
          "error: the platform already has an Owner ("
              + existing.get()
              + "); nothing changed. Sign in as that Owner to add operators.");
      return OWNER_EXISTS;
    }
    String secret;
    try {
      secret = readPassword(console, stdin, out);
    } catch (IOException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return BAD_INPUT;
    }
    try {
      OwnerBootstrap.Outcome outcome =
          bootstrap.createFirstOwner(email, name, secret, "create-owner command");
      if (!outcome.created()) {
        err.println(
            "error: the platform already has an Owner ("
                + outcome.ownerEmail()
                + "); nothing changed.");
        return OWNER_EXISTS;
      }
      out.println("Created the platform Owner " + outcome.ownerEmail() + ". Sign in at /login.");
      return CREATED;
    } catch (DomainException e) {
      err.println("error: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  private static String readPassword(Console console, java.io.InputStream stdin, PrintStream out)
      throws IOException {
    if (console != null) {
      char[] first = console.readPassword("Password for the Owner: ");
      char[] again = console.readPassword("Repeat the password: ");
      if (first == null || again == null || !Arrays.equals(first, again)) {
        throw new IllegalArgumentException("The two passwords differ.");
      }
      return new String(first);
    }
    String line =
        new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
    if (line == null || line.isEmpty()) {
      throw new IllegalArgumentException(
          "No password on stdin: pipe it in, e.g. `./omnireach create-owner EMAIL < password.txt`.");
    }
    return line;
  }

  /** Flyway and the driver log at INFO through java.util.logging: only warnings matter here. */
  private static void quietLogs() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler handler : root.getHandlers()) {
      handler.setLevel(java.util.logging.Level.WARNING);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
