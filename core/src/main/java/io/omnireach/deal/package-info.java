/**
 * The deal desk: the price book ({@link io.omnireach.deal.Products}), deals with line items ({@link
 * io.omnireach.deal.Deals}) and the deterministic negotiation engine ({@link
 * io.omnireach.deal.DecisionEngine}, pure: no database, no LLM) whose every decision is stored with
 * its trace ({@link io.omnireach.deal.Negotiations}).
 */
package io.omnireach.deal;
