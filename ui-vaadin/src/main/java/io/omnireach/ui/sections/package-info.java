/**
 * Sections that later features fill (personas, workflows, runs, inbox, analytics, marketplace).
 * Each shows a designed empty state until then.
 */
package io.omnireach.ui.sections;
