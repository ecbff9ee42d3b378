package io.omnireach.workflow.node;

/**
 * A node's typed config with its factory and its step's retry budget ({@code maxAttempts}, which
 * every type takes).
 */
public record ParsedNode<C>(NodeTypeFactory<C> type, C config, int maxAttempts) {}
