/**
 * The relationship graph: leads, accounts and our users joined by edges derived in PostgreSQL (the
 * {@code graph_edges} view over leads, messages, replies and the manual {@code lead_connections}),
 * and the questions it answers with SQL (recursive CTEs for paths): who on the team has talked to
 * an account's people and how warmly, and the shortest warm path from the team to a lead.
 */
package io.omnireach.graph;
