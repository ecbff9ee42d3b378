/**
 * Workflows: the list, the builder (the React Flow {@code <omni-workflow-canvas>} wrapped by {@link
 * io.omnireach.ui.workflow.WorkflowCanvas}, the step settings panel) over {@link
 * io.omnireach.ui.workflow.WorkflowBackend}.
 */
package io.omnireach.ui.workflow;
