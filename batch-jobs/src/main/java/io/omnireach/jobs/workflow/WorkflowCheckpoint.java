package io.omnireach.jobs.workflow;

import java.io.Serializable;

/**
 * Progress of one execution: steps claimed so far. The work list itself is the database (due node
 * runs), so a restart simply claims what is still due; this records how far the execution got.
 */
public record WorkflowCheckpoint(long claimed) implements Serializable {}
