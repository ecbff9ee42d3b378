package io.omnireach.ui.run;

import io.omnireach.workflow.engine.RunPage;
import io.omnireach.workflow.engine.RunView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Offsets for a lazy grid over the engine's keyset pages ({@code id < cursor}, newest first): pages
 * are read in order and kept, so scrolling back costs nothing and scrolling on reads the next page
 * only. A new feed per filter or refresh; the status counts come with the first page.
 */
final class RunFeed {

  /** One page of runs after a cursor (null = the first page). */
  @FunctionalInterface
  interface Source {
    RunPage page(String cursor, int limit);
  }

  static final int PAGE = 100;

  private final Source source;
  private final List<RunView> loaded = new ArrayList<>();
  private String next;
  private boolean done;
  private Map<String, Integer> counts;

  RunFeed(Source source) {
    this.source = source;
  }

  /** Rows offset … offset + limit (fewer at the end). */
  List<RunView> slice(int offset, int limit) {
    while (!done && loaded.size() < offset + limit) {
      RunPage page = source.page(next, Math.max(limit, PAGE));
      if (counts == null) {
        counts = page.counts();
      }
      loaded.addAll(page.items());
      next = page.nextCursor();
      done = next == null || page.items().isEmpty();
    }
    int from = Math.min(offset, loaded.size());
    return List.copyOf(loaded.subList(from, Math.min(offset + limit, loaded.size())));
  }

  /** Runs per status for the filter (without the status filter), as of the first page. */
  Map<String, Integer> counts() {
    if (counts == null) {
      slice(0, 1);
    }
    return counts == null ? Map.of() : counts;
  }

  /** The rows read so far (the bulk actions' "select all loaded"). */
  List<RunView> loaded() {
    return List.copyOf(loaded);
  }
}
