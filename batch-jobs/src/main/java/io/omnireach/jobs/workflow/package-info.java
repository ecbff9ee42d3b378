/**
 * The {@code workflow-steps} chunk job, one per tenant: the reader claims due node runs (FOR UPDATE
 * SKIP LOCKED + lease) inside the chunk's transaction, the writer executes them and persists
 * results, outbox rows and the next steps in that same transaction; outbox rows are handed to the
 * relay only after the chunk committed. {@link WorkflowJobs} starts jobs and restarts the ones a
 * crash cut off.
 */
package io.omnireach.jobs.workflow;
