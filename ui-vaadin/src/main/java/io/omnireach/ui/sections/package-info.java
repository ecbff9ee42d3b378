/**
 * Sections that later features fill (inbox, marketplace) and the operator's home. Each shows a
 * designed empty state until then.
 */
package io.omnireach.ui.sections;
