package io.omnireach.workflow.engine;

import java.util.List;
import java.util.Map;

/** A page of runs (newest first), the cursor of the next, and counts by status of the filter. */
public record RunPage(List<RunView> items, String nextCursor, Map<String, Integer> counts) {}
