package io.omnireach.jobs.usage;

import java.io.Serializable;

/**
 * How far a step got: events grouped or reports handled, and (sending) the id of the last report
 * handed out, so a chunk never claims its own rows twice. The work list is the database (events
 * without a report, PENDING reports), so a restart simply takes what is still there.
 */
public record UsageReportCheckpoint(long done, long lastId) implements Serializable {}
