package io.omnireach.jobs.usage;

import java.io.Serializable;

/**
 * How far a step got: events grouped, or reports handled. The work list is the database (events
 * without a report, PENDING reports), so a restart simply takes what is still there.
 */
public record UsageReportCheckpoint(long done) implements Serializable {}
