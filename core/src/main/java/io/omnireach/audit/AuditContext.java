package io.omnireach.audit;

/**
 * Where the current request came from — client address and request id — for the audit entries it
 * writes. The web layer opens it around each request; background work has none (nulls).
 */
public record AuditContext(String ip, String requestId) {

  private static final ThreadLocal<AuditContext> CURRENT = new ThreadLocal<>();
  private static final AuditContext NONE = new AuditContext(null, null);

  /** The context of the running request, or one with nulls. */
  public static AuditContext current() {
    AuditContext c = CURRENT.get();
    return c == null ? NONE : c;
  }

  /** Binds a context to this thread until the returned scope is closed. */
  public static Scope open(String ip, String requestId) {
    AuditContext previous = CURRENT.get();
    CURRENT.set(new AuditContext(ip, requestId));
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** Ends a context opened with {@link #open}. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
