-- Analytics (issue 4): the persona a message was written as (null when unknown), and opens that a
-- privacy proxy or security scanner fetched (flagged, kept, left out of open rates).

alter table messages add column persona_id bigint references personas (id) on delete set null;

alter table message_events add column proxy boolean not null default false;
alter table message_events add column user_agent text;

create index messages_sent_at_idx on messages (sent_at) where sent_at is not null;
create index message_events_type_idx on message_events (type, message_id);
