-- Relationship score (issue 13): 0-100 per lead, recomputed in the transaction of every event that
-- changes it (reply, open, click, bounce, unsubscribe, stage) by io.omnireach.relationship; the
-- parts explain it ([{"name","points","why"}]). Separate from the manual `score`. Existing leads
-- are filled by the Java migration 14.1 (RelationshipBackfill).
alter table leads add column relationship_score integer not null default 0
  check (relationship_score between 0 and 100);
alter table leads add column relationship_parts jsonb not null default '[]';
alter table leads add column relationship_at timestamptz;
create index leads_relationship_idx on leads (relationship_score, id);
-- the score's inputs are read per lead
create index if not exists messages_lead_idx on messages (lead_id, id);
