package io.omnireach.workflow.node;

import io.omnireach.workflow.engine.StepOutcome;
import java.sql.SQLException;

/**
 * What a node type does when its step runs, inside the chunk's transaction on the chunk's
 * connection. Throw {@link io.omnireach.workflow.engine.StepFailure} for a readable failure
 * (permanent or retried by the engine).
 */
@FunctionalInterface
public interface StepExecutor<C> {
  StepOutcome execute(Step<C> step) throws SQLException;
}
