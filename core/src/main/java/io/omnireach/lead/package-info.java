/**
 * Leads: the people a sales team reaches out to. Model, validation, storage in the tenant schema,
 * search with cursor pagination, bulk changes, CSV export, and the row mapping that the CSV import
 * job uses.
 */
package io.omnireach.lead;
