/**
 * The deal desk in the UI: the pipeline board and list, and a deal's page with its "Why?" panel.
 */
package io.omnireach.ui.deal;
