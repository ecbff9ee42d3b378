package io.omnireach.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.workflow.engine.RunPage;
import io.omnireach.workflow.engine.RunView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The grid's offsets over keyset pages: read in order, once, with the counts of the first. */
class RunFeedTest {

  final List<String> asked = new ArrayList<>();

  /** 250 runs with ids 250 … 1, newest first, served like core's Runs.list. */
  RunPage page(String cursor, int limit) {
    asked.add(cursor + "/" + limit);
    long after = cursor == null ? Long.MAX_VALUE : Long.parseLong(cursor);
    List<RunView> items = new ArrayList<>();
    for (long id = Math.min(250, after - 1); id >= 1 && items.size() < limit; id--) {
      items.add(run(id));
    }
    boolean more = !items.isEmpty() && items.get(items.size() - 1).id() > 1;
    String next = more ? Long.toString(items.get(items.size() - 1).id()) : null;
    return new RunPage(items, next, Map.of("running", 200, "failed", 50 + asked.size()));
  }

  static RunView run(long id) {
    Instant t = Instant.EPOCH;
    return new RunView(
        id, 1, "W", 1, id, "Lead " + id, null, "running", "start", null, null, t, t, null);
  }

  @Test
  void offsets_map_onto_cursor_pages_read_once_and_in_order() {
    RunFeed feed = new RunFeed(this::page);
    assertThat(feed.slice(0, 50)).extracting(RunView::id).startsWith(250L, 249L).hasSize(50);
    assertThat(feed.slice(50, 50).get(0).id()).isEqualTo(200L);
    assertThat(asked).containsExactly("null/100");
    assertThat(feed.slice(150, 50)).extracting(RunView::id).startsWith(100L).hasSize(50);
    assertThat(asked).containsExactly("null/100", "151/100");
    assertThat(feed.slice(0, 10).get(0).id()).isEqualTo(250L);
    assertThat(asked).hasSize(2);
  }

  @Test
  void the_end_gives_fewer_rows_and_stops_asking() {
    RunFeed feed = new RunFeed(this::page);
    assertThat(feed.slice(240, 50))
        .extracting(RunView::id)
        .containsExactly(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    int calls = asked.size();
    assertThat(feed.slice(300, 50)).isEmpty();
    assertThat(asked).hasSize(calls);
  }

  @Test
  void counts_come_from_the_first_page_only() {
    RunFeed feed = new RunFeed(this::page);
    assertThat(feed.counts()).containsEntry("failed", 51);
    feed.slice(0, 250);
    assertThat(feed.counts()).containsEntry("failed", 51);
  }
}
