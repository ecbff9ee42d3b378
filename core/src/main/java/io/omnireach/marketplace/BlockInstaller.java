package io.omnireach.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.block.BlockKind;
import io.omnireach.block.BlockManifest;
import io.omnireach.tenant.TenantRef;
import java.util.List;

/**
 * The extension point of the marketplace: what installing a block of one {@link BlockKind} creates
 * in a tenant. Adding a kind is one implementation of this interface, registered as a CDI bean (the
 * app collects every bean of this type).
 */
public interface BlockInstaller {

  BlockKind kind();

  /**
   * One of the tenant's items as block content, with what it needs; {@code ref} is the item's id (a
   * kind with one item per tenant, such as the policy set, ignores it).
   */
  Exported export(TenantRef tenant, long ref);

  /**
   * Checks the content (INVALID names the field at fault) and says what {@link #install} would
   * create, what the tenant lacks for it and how references map to the tenant's own items. Writes
   * nothing.
   */
  InstallPlan plan(TenantRef tenant, BlockManifest manifest, JsonNode content);

  /** Creates the items; returns them so that {@link #uninstall} can remove them later. */
  List<CreatedItem> install(TenantRef tenant, JsonNode content, String actor);

  /** Removes what {@link #install} created; items already gone are skipped. */
  void uninstall(TenantRef tenant, List<CreatedItem> created, String actor);

  /**
   * Replaces an installed version by a newer one. By default the new items are created first and
   * the old ones removed after, so a failing install leaves the old version in place.
   */
  default List<CreatedItem> update(
      TenantRef tenant, List<CreatedItem> installed, JsonNode content, String actor) {
    List<CreatedItem> created = install(tenant, content, actor);
    uninstall(tenant, installed, actor);
    return created;
  }

  /** An item as block content plus the manifest fields only the item knows. */
  record Exported(
      String name,
      String description,
      JsonNode content,
      BlockManifest.Requirements requires,
      List<String> tags) {}
}
