package io.omnireach.seed;

import io.omnireach.audit.AuditLog;
import io.omnireach.audit.AuditVerification;
import io.omnireach.db.Transactions;
import java.io.PrintStream;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code ./omnireach audit-verify [TENANT]}: recomputes the audit log's hash chains — one tenant's,
 * or every tenant's and the platform's own — and names the first entry that does not fit.
 *
 * <p>Exit codes: 0 intact, 1 a chain is broken, 3 the database could not be reached.
 */
public final class AuditVerifyCommand {

  static final int INTACT = 0;
  static final int BROKEN = 1;
  static final int DATABASE_ERROR = 3;

  private AuditVerifyCommand() {}

  public static void main(String[] args) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    String url = env("OMNIREACH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/omnireach");
    ds.setUrl(url);
    ds.setUser(env("OMNIREACH_DB_USER", "postgres"));
    ds.setPassword(env("OMNIREACH_DB_PASSWORD", ""));
    int code;
    try {
      code = run(args, new AuditLog(new Transactions(ds)), System.out);
    } catch (RuntimeException e) {
      System.err.println("error: cannot read the audit log at " + url + ": " + e.getMessage());
      code = DATABASE_ERROR;
    }
    System.exit(code);
  }

  /** The command without the process around it, for tests. */
  static int run(String[] args, AuditLog audit, PrintStream out) {
    List<String> chains = args.length > 0 ? List.of(args[0]) : audit.chains();
    boolean ok = true;
    for (String tenant : chains) {
      AuditVerification v = audit.verify(tenant);
      String name = tenant == null ? "(platform)" : tenant;
      if (v.ok()) {
        out.println("ok      " + name + ": " + v.rows() + " entries");
      } else {
        ok = false;
        out.println(
            "BROKEN  "
                + name
                + ": entry id "
                + v.brokenId()
                + " (#"
                + v.brokenSeq()
                + ") "
                + v.problem()
                + "; "
                + v.rows()
                + " entries before it are intact");
      }
    }
    return ok ? INTACT : BROKEN;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
