package io.omnireach.ui.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeadGridTest {

  @Test
  void tags_show_as_pills_while_they_fit_and_at_least_one_always_shows() {
    assertThat(LeadGrid.shownTags(List.of())).isZero();
    assertThat(LeadGrid.shownTags(List.of("webinar", "q3"))).isEqualTo(2);
    assertThat(LeadGrid.shownTags(List.of("priority", "demo-requested", "q3"))).isEqualTo(1);
    assertThat(LeadGrid.shownTags(List.of("a-very-long-tag-name-indeed", "q3"))).isEqualTo(1);
    assertThat(LeadGrid.shownTags(List.of("a", "b", "c", "d"))).isEqualTo(2);
  }
}
