-- Signals instead of polling (issue 12): whatever happens to a lead outside the engine (a reply,
-- an inbound SMS, a LinkedIn task closed as replied, a booked or canceled meeting, a call's final
-- status, a real open) writes one row here in the same transaction as the row it describes. The
-- engine takes unconsumed rows (for update skip locked) and stamps consumed_at in its own
-- transaction, so each signal acts exactly once, with no watermark and no look-back window.

create table lead_signals (
  id           bigserial primary key,
  lead_id      bigint not null references leads (id) on delete cascade,
  kind         text not null check (kind in ('REPLY', 'SMS_REPLY', 'LINKEDIN_REPLY',
                 'MEETING_BOOKED', 'MEETING_CANCELED', 'CALL_STATUS', 'MESSAGE_OPENED')),
  -- what it describes: replies.id, meetings.id, workflow_tasks.id or messages.id
  source_ref   bigint,
  payload      jsonb not null default '{}',
  -- when it happened (a reply's received_at), which a run's or step's start is compared with
  occurred_at  timestamptz not null,
  created_at   timestamptz not null default now(),
  consumed_at  timestamptz
);
-- the engine reads only what it has not taken yet
create index lead_signals_unconsumed_idx on lead_signals (id) where consumed_at is null;
create index lead_signals_lead_idx on lead_signals (lead_id, occurred_at);

-- replaced by consumed signals (each acts once), as is the replies watermark in settings
alter table workflow_runs drop column reply_seen_id;
delete from settings where key = 'workflow.replies_seen';
