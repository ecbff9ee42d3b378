package io.omnireach.workflow.engine;

import io.omnireach.lead.Lead;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.ParsedNode;
import io.omnireach.workflow.node.Step;
import io.omnireach.workflow.node.StepExecutor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Runs a step by its node type's executor; each type's executor is created once per engine. */
final class NodeDispatch {

  private final NodeServices services;
  private final Map<String, StepExecutor<?>> executors = new ConcurrentHashMap<>();

  NodeDispatch(NodeServices services) {
    this.services = services;
  }

  <C> StepOutcome execute(
      Connection c, TenantRef tenant, StepClaim claim, Lead lead, ParsedNode<C> node, Instant now)
      throws SQLException {
    NodeTypeFactory<C> type = node.type();
    @SuppressWarnings("unchecked") // keyed by the factory's id: the executor is the factory's own
    StepExecutor<C> executor =
        (StepExecutor<C>) executors.computeIfAbsent(type.id(), id -> type.executor(services));
    return executor.execute(new Step<>(c, tenant, claim, lead, node.config(), now));
  }
}
