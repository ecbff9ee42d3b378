/**
 * The relationship score: a 0–100 measure per lead of how warm the relationship is, computed by the
 * pure {@link io.omnireach.relationship.RelationshipScore} from replies (and their sentiment),
 * meetings, human opens and clicks, recency and bounces, and stored on the lead by {@link
 * io.omnireach.relationship.RelationshipScores} in the transaction of each event.
 */
package io.omnireach.relationship;
