package io.omnireach.workflow.engine;

import java.util.List;

/** A run with its step log, oldest step first. */
public record RunDetail(RunView run, List<NodeRunView> steps) {}
