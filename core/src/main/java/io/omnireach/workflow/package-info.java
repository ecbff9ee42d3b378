/**
 * Durable workflows, definitions side: the canvas graph ({@link WorkflowGraph}), the node types (an
 * SPI: {@code io.omnireach.workflow.node}, built-ins in {@code io.omnireach.workflow.nodes}), the
 * {@link WorkflowValidator} that guards publishing, and the {@link Workflows} store (drafts that
 * autosave, immutable published versions, export/import in the marketplace format, templates). The
 * engine that runs published versions lives in {@code io.omnireach.workflow.engine}.
 */
package io.omnireach.workflow;
