/**
 * The marketplace: blocks (signed packages of a workflow, persona or policy set, see {@code
 * io.omnireach.block}) exported from a tenant, imported after their hash and signature are checked,
 * listed in a catalogue (built-in, published in the tenant, remote registries), installed, updated,
 * uninstalled and rated.
 *
 * <p>What a block kind creates is an SPI: one {@link io.omnireach.marketplace.BlockInstaller} per
 * {@link io.omnireach.block.BlockKind}. No code travels in a block: installing one only creates
 * rows through the same repositories the API uses.
 */
package io.omnireach.marketplace;
