-- Tasks of LinkedIn and Call steps: a kind, a due date, snooze, the text to copy (AI-written,
-- offline template or the step's own), the lead's profile link and the outcome the rep records.
alter table workflow_tasks
  add column kind          text not null default 'generic'
                           check (kind in ('generic', 'linkedin', 'call')),
  add column action        text,
  add column body          text,
  add column body_source   text,
  add column link          text,
  add column due_at        timestamptz,
  add column snoozed_until timestamptz,
  add column outcome       text;
create index workflow_tasks_queue_idx on workflow_tasks (status, assignee);
