package io.omnireach.marketplace;

import java.util.List;

/**
 * What installing a block would do, shown before anything is written.
 *
 * @param creates one line per item, e.g. "workflow \"Cold outreach\" (draft, 4 steps)"
 * @param needs what the tenant lacks for the block to work, e.g. "an SMS channel (Settings → SMS)";
 *     installing is still allowed, the items just cannot run until it is set up
 * @param mappings how the block's references resolve in this tenant
 */
public record InstallPlan(List<String> creates, List<String> needs, List<Mapping> mappings) {

  public InstallPlan {
    creates = List.copyOf(creates);
    needs = List.copyOf(needs);
    mappings = List.copyOf(mappings);
  }

  /**
   * A reference of the block (a persona or mailbox by name) and what it maps to here.
   *
   * @param type {@code persona} or {@code mailbox}
   * @param mappedTo the tenant's item with that name, or null when there is none (left empty for
   *     the user to pick after install; a mailbox falls back to rotation)
   */
  public record Mapping(String type, String name, Long mappedTo) {}
}
