/**
 * The workflow engine: enrolment of leads into a published version ({@link Enrollments}), the step
 * loop that claims due node runs with {@code FOR UPDATE SKIP LOCKED} and a lease, executes them and
 * schedules the next node in the same transaction ({@link WorkflowEngine}; the {@code
 * workflow-steps} batch job drives it chunk by chunk), each node type's executor (dispatched
 * through {@link io.omnireach.workflow.node.NodeTypes}), run and workflow control ({@link
 * RunControl}), manual tasks ({@link Tasks}) and the read side (runs, step log, analytics: {@link
 * Runs}). Time comes from an injected {@link java.time.Clock}.
 */
package io.omnireach.workflow.engine;
