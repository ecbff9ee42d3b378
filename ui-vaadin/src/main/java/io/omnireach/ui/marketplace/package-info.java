/**
 * The marketplace view: browse, install, update, uninstall and rate blocks; import a block file.
 */
package io.omnireach.ui.marketplace;
