package io.omnireach.app.startup;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether start-up finished, for the readiness check. */
@ApplicationScoped
public class StartupState {

  private volatile boolean ready;
  private volatile String failure;

  void markReady() {
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

  /** Why start-up failed, or null. */
  public String failure() {
    return failure;
  }
}
