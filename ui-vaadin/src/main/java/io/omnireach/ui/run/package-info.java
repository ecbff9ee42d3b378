/**
 * Workflow runs in the UI: the runs list with filters, counts and bulk control ({@link
 * io.omnireach.ui.run.RunsView}), a run's page with its graph and step log ({@link
 * io.omnireach.ui.run.RunDetailView}) and a workflow's per-step results with enrolment ({@link
 * io.omnireach.ui.run.WorkflowResultsView}), all over core's {@code workflow.engine} services.
 */
package io.omnireach.ui.run;
