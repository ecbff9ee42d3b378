-- Observability (issue 17): the workflow whose AI step made a call, so tenant admins see AI cost
-- per workflow. Null for drafts from the UI or API and for reply classification.
alter table ai_call add column workflow_id bigint;
create index ai_call_workflow_at_idx on ai_call (workflow_id, at) where workflow_id is not null;
