package io.omnireach.lead;

import java.util.List;

/** One page of leads and the cursor of the next page (null on the last page). */
public record LeadPage(List<Lead> items, String nextCursor) {}
