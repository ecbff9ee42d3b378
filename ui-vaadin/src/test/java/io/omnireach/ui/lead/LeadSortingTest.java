package io.omnireach.ui.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import io.omnireach.common.DomainException;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadSortingTest {

  private final LeadQuery filters = LeadQuery.all().withText("ada").withStage(Stage.WON);

  @Test
  void without_a_sort_order_the_newest_leads_come_first() {
    LeadQuery q = LeadSorting.apply(filters, List.of());
    assertThat(q.sort()).isEqualTo(LeadQuery.Sort.CREATED);
    assertThat(q.ascending()).isFalse();
    assertThat(q.text()).isEqualTo("ada");
    assertThat(q.stage()).isEqualTo(Stage.WON);
  }

  @Test
  void a_column_sort_becomes_the_repository_sort_in_its_direction() {
    assertThat(
            LeadSorting.apply(
                filters, List.of(new QuerySortOrder("score", SortDirection.DESCENDING))))
        .extracting(LeadQuery::sort, LeadQuery::ascending)
        .containsExactly(LeadQuery.Sort.SCORE, false);
    assertThat(
            LeadSorting.apply(
                filters, List.of(new QuerySortOrder("lastName", SortDirection.ASCENDING))))
        .extracting(LeadQuery::sort, LeadQuery::ascending)
        .containsExactly(LeadQuery.Sort.LAST_NAME, true);
  }

  @Test
  void a_property_the_repository_cannot_sort_is_refused() {
    assertThatThrownBy(
            () ->
                LeadSorting.apply(
                    filters, List.of(new QuerySortOrder("stage", SortDirection.ASCENDING))))
        .isInstanceOf(DomainException.class);
  }
}
