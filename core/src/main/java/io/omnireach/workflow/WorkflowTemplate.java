package io.omnireach.workflow;

/** A ready-made workflow a tenant can start from; {@code id} is a stable slug. */
public record WorkflowTemplate(String id, String name, String description) {}
