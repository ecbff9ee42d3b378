-- Integrations without foreign code (issue 16): outbound webhooks, the HTTP action node's
-- requests (both delivered from one durable delivery log), and retargeting audiences.

-- An endpoint the tenant's events are POSTed to, signed with its own secret (sealed at rest).
create table webhooks (
  id           bigserial primary key,
  url          text not null,
  description  text,
  events       text[] not null,
  secret       text not null,
  active       boolean not null default true,
  created_at   timestamptz not null default now(),
  created_by   text,
  updated_at   timestamptz not null default now()
);

-- One request to deliver: an event for a webhook, or an HTTP action of a workflow step. Claimed
-- with FOR UPDATE SKIP LOCKED; retried by the one retry policy (RetryPolicy.WEBHOOK).
create table webhook_deliveries (
  id               bigserial primary key,
  webhook_id       bigint references webhooks (id) on delete cascade,
  -- the lead the body is about: erasing a person erases what was about to be sent about them
  lead_id          bigint references leads (id) on delete cascade,
  run_id           bigint,
  node_id          text,
  event            text not null,
  method           text not null default 'POST',
  url              text not null,
  headers          jsonb not null default '{}',
  body             text not null,
  status           text not null default 'pending'
                   check (status in ('pending', 'sending', 'delivered', 'failed')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null default now(),
  lease_until      timestamptz,
  response_status  integer,
  response_body    text,
  error            text,
  duration_ms      integer,
  created_at       timestamptz not null default now(),
  delivered_at     timestamptz,
  check (webhook_id is not null or run_id is not null)
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at, id)
  where status = 'pending';
create index webhook_deliveries_webhook_idx on webhook_deliveries (webhook_id, id desc);

-- The secret HTTP action requests are signed with (one per tenant, sealed at rest).
create table integration_secrets (
  name        text primary key check (name in ('http_action')),
  secret      text not null,
  created_at  timestamptz not null default now()
);

-- Each function keeps the schema it was created in (SET search_path FROM CURRENT), so the
-- triggers also work for statements run with another search_path (schema-qualified writes).
-- Events are written by statement-level triggers, so every path that adds a lead, moves a stage,
-- stores a reply or books a meeting (UI, API, workflow, deal desk, webhook, import) emits them in
-- its own transaction, and a tenant without webhooks pays one EXISTS per statement.
create function webhook_envelope(p_event text, p_data jsonb) returns text
language sql volatile set search_path from current as $$
  select jsonb_build_object(
    'id', 'evt_' || replace(gen_random_uuid()::text, '-', ''),
    'type', p_event,
    'createdAt', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'data', p_data)::text
$$;

create function webhooks_subscribed(p_event text) returns boolean
language sql stable set search_path from current as $$
  select exists (select 1 from webhooks where active and p_event = any(events))
$$;

create function webhooks_lead_created() returns trigger language plpgsql set search_path from current as $$
begin
  if webhooks_subscribed('lead.created') then
    insert into webhook_deliveries (webhook_id, lead_id, event, url, body)
    select w.id, n.id, 'lead.created', w.url,
           webhook_envelope('lead.created', jsonb_build_object('lead', jsonb_build_object(
             'id', n.id, 'email', n.email, 'phone', n.phone, 'firstName', n.first_name,
             'lastName', n.last_name, 'company', n.company, 'title', n.title, 'stage', n.stage,
             'tags', to_jsonb(n.tags), 'createdAt', n.created_at)))
    from new_rows n cross join webhooks w
    where w.active and 'lead.created' = any(w.events);
  end if;
  return null;
end $$;
create trigger webhooks_lead_created after insert on leads
  referencing new table as new_rows for each statement execute function webhooks_lead_created();

create function webhooks_lead_stage_changed() returns trigger language plpgsql set search_path from current as $$
begin
  if webhooks_subscribed('lead.stage_changed') then
    insert into webhook_deliveries (webhook_id, lead_id, event, url, body)
    select w.id, n.id, 'lead.stage_changed', w.url,
           webhook_envelope('lead.stage_changed', jsonb_build_object(
             'previousStage', o.stage,
             'lead', jsonb_build_object(
               'id', n.id, 'email', n.email, 'phone', n.phone, 'firstName', n.first_name,
               'lastName', n.last_name, 'company', n.company, 'stage', n.stage)))
    from new_rows n join old_rows o on o.id = n.id cross join webhooks w
    where n.stage is distinct from o.stage
      and w.active and 'lead.stage_changed' = any(w.events);
  end if;
  return null;
end $$;
create trigger webhooks_lead_stage_changed after update on leads
  referencing old table as old_rows new table as new_rows
  for each statement execute function webhooks_lead_stage_changed();

create function webhooks_reply_received() returns trigger language plpgsql set search_path from current as $$
begin
  if webhooks_subscribed('reply.received') then
    insert into webhook_deliveries (webhook_id, lead_id, event, url, body)
    select w.id, n.lead_id, 'reply.received', w.url,
           webhook_envelope('reply.received', jsonb_build_object('reply', jsonb_build_object(
             'id', n.id, 'leadId', n.lead_id, 'from', n.from_address, 'subject', n.subject,
             'text', left(n.body, 10000), 'classification', lower(n.classification),
             'receivedAt', n.received_at)))
    from new_rows n cross join webhooks w
    where w.active and 'reply.received' = any(w.events);
  end if;
  return null;
end $$;
create trigger webhooks_reply_received after insert on replies
  referencing new table as new_rows for each statement execute function webhooks_reply_received();

create function webhooks_meeting_booked() returns trigger language plpgsql set search_path from current as $$
begin
  if webhooks_subscribed('meeting.booked') then
    insert into webhook_deliveries (webhook_id, lead_id, event, url, body)
    select w.id, n.lead_id, 'meeting.booked', w.url,
           webhook_envelope('meeting.booked', jsonb_build_object('meeting', jsonb_build_object(
             'id', n.id, 'leadId', n.lead_id, 'eventName', n.event_name,
             'inviteeEmail', n.invitee_email, 'inviteeName', n.invitee_name,
             'startTime', n.start_time, 'endTime', n.end_time)))
    from new_rows n cross join webhooks w
    where n.status = 'booked' and w.active and 'meeting.booked' = any(w.events);
  end if;
  return null;
end $$;
create trigger webhooks_meeting_booked after insert on meetings
  referencing new table as new_rows for each statement execute function webhooks_meeting_booked();

create function webhooks_deal_stage_changed() returns trigger language plpgsql set search_path from current as $$
begin
  if webhooks_subscribed('deal.stage_changed') then
    insert into webhook_deliveries (webhook_id, lead_id, event, url, body)
    select w.id, n.lead_id, 'deal.stage_changed', w.url,
           webhook_envelope('deal.stage_changed', jsonb_build_object(
             'previousStage', o.stage,
             'deal', jsonb_build_object(
               'id', n.id, 'leadId', n.lead_id, 'title', n.title, 'stage', n.stage,
               'amount', n.amount, 'currency', n.currency, 'closeDate', n.close_date)))
    from new_rows n join old_rows o on o.id = n.id cross join webhooks w
    where n.stage is distinct from o.stage
      and w.active and 'deal.stage_changed' = any(w.events);
  end if;
  return null;
end $$;
create trigger webhooks_deal_stage_changed after update on deals
  referencing old table as old_rows new table as new_rows
  for each statement execute function webhooks_deal_stage_changed();

-- A workflow segment synced to an ad platform's audience (hashed identifiers only).
create table audiences (
  id                    bigserial primary key,
  name                  text not null,
  workflow_id           bigint not null references workflows (id) on delete cascade,
  segment               text not null default 'enrolled'
                        check (segment in ('enrolled', 'active', 'completed')),
  adapter               text not null,
  external_audience_id  text not null,
  access_token          text not null,
  status                text not null default 'active' check (status in ('active', 'paused')),
  last_sync_at          timestamptz,
  created_at            timestamptz not null default now(),
  created_by            text
);

-- Who is in the audience at the ad platform now: the hashes sent, so a later sync removes
-- exactly those that left the segment or withdrew consent.
create table audience_members (
  audience_id  bigint not null references audiences (id) on delete cascade,
  lead_id      bigint not null,
  email_hash   text,
  phone_hash   text,
  synced_at    timestamptz not null default now(),
  primary key (audience_id, lead_id)
);

-- Every sync with what it did.
create table audience_syncs (
  id                  bigserial primary key,
  audience_id         bigint not null references audiences (id) on delete cascade,
  started_at          timestamptz not null default now(),
  finished_at         timestamptz,
  status              text not null default 'running'
                      check (status in ('running', 'succeeded', 'failed')),
  added               integer not null default 0,
  removed             integer not null default 0,
  skipped_no_consent  integer not null default 0,
  error               text,
  triggered_by        text
);
create index audience_syncs_audience_idx on audience_syncs (audience_id, id desc);
-- one sync of an audience at a time, across servers
create unique index audience_syncs_running_uq on audience_syncs (audience_id) where status = 'running';
