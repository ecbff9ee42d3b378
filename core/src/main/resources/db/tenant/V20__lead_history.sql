-- Lead history for drafts (issue 13): every sent message and received reply, embedded by
-- LeadHistory's sweep after the fact, so the send path never waits for the model. The sweep
-- reads the partial indexes below (only rows still to embed) and stamps history_at.

alter table messages add column history_at timestamptz;
alter table replies add column history_at timestamptz;

create index messages_history_pending_idx on messages (id)
  where status = 'SENT' and history_at is null and lead_id is not null;
-- bounces and out-of-office notes are not conversation
create index replies_history_pending_idx on replies (id)
  where history_at is null and lead_id is not null
    and classification not in ('BOUNCE', 'OUT_OF_OFFICE');

create table lead_history_chunks (
  id           bigserial primary key,
  lead_id      bigint not null references leads (id) on delete cascade,
  message_id   bigint unique references messages (id) on delete cascade,
  reply_id     bigint unique references replies (id) on delete cascade,
  occurred_at  timestamptz not null,
  title        text not null,
  text         text not null,
  embedding    extensions.vector(384) not null,
  check ((message_id is null) <> (reply_id is null))
);
-- a lead has tens of rows, not thousands: its rows are read by lead and ranked exactly
create index lead_history_lead_idx on lead_history_chunks (lead_id, occurred_at desc);
