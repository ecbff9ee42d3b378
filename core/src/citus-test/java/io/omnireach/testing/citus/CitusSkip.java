package io.omnireach.testing.citus;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test of the {@code citus} profile (extension auto-detection): disables the
 * test classes when {@link CitusSession} found no Docker engine, so none of their set-up runs.
 */
public final class CitusSkip implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = System.getProperty("omnireach.test.skip");
    return reason == null
        ? ConditionEvaluationResult.enabled("Citus cluster running")
        : ConditionEvaluationResult.disabled(reason);
  }
}
