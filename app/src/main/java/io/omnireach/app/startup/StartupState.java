package io.omnireach.app.startup;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether start-up finished, for the readiness check. */
@ApplicationScoped
public class StartupState {

  private volatile boolean ready;
  private volatile String failure;
  private volatile int pendingMigrations = -1;

  /**
   * @param pending platform migrations Flyway still saw after migrating; the scripts ship with the
   *     code, so this cannot change while the server runs
   */
  void markReady(int pending) {
    pendingMigrations = pending;
    ready = true;
    failure = null;
  }

  void markFailed(Exception e) {
    ready = false;
    failure = e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  public boolean isReady() {
    return ready;
  }

  /** Platform migrations not applied at start-up (-1 before start-up finished). */
  public int pendingMigrations() {
    return pendingMigrations;
  }

  /** Why start-up failed, or null. */
  public String failure() {
    return failure;
  }
}
