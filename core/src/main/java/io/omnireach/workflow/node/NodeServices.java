package io.omnireach.workflow.node;

import io.omnireach.workflow.engine.StepGenerator;

/** What the engine hands to node types when it creates their executors. */
public record NodeServices(StepGenerator generator) {}
