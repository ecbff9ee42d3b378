package io.omnireach.jobs.leadimport;

import java.io.Serializable;

/** The last row of the file whose chunk committed (1 = header). */
public record ImportCheckpoint(long row) implements Serializable {}
