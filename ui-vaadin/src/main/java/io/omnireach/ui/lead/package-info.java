/**
 * Leads in the UI: the lazy grid with search, filter chips, sorting and bulk actions, the drawer
 * form that creates and edits a lead, and the lead's detail page with its timeline.
 */
package io.omnireach.ui.lead;
