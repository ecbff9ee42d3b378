package io.omnireach.ui.lead;

import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import io.omnireach.lead.LeadQuery;
import java.util.List;

/**
 * Maps the grid's sort order to the repository's: a column's sort property is the name of a {@link
 * LeadQuery.Sort} ("lastName", "createdAt", …), so only columns the repository can sort are
 * sortable. No sort means newest first.
 */
final class LeadSorting {

  private LeadSorting() {}

  static LeadQuery apply(LeadQuery filters, List<QuerySortOrder> orders) {
    if (orders == null || orders.isEmpty()) {
      return filters.sortedBy(LeadQuery.Sort.CREATED, false);
    }
    QuerySortOrder first = orders.get(0);
    return filters.sortedBy(
        LeadQuery.Sort.parse(first.getSorted()), first.getDirection() == SortDirection.ASCENDING);
  }
}
