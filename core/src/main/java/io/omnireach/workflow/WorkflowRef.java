package io.omnireach.workflow;

/**
 * The answer to a create or publish: the workflow's id and a version number (after create, the
 * number the draft will get; after publish, the version just frozen).
 */
public record WorkflowRef(long id, int version) {}
