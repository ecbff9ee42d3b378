-- Calendly meetings (issue 12): the tenant's connection (personal access token and webhook signing
-- key sealed like the Twilio auth token), the meetings booked through it, and the webhook
-- deliveries applied (one per invitee URI and event kind, so a repeated delivery counts once).
create table calendly_settings (
  id                smallint primary key default 1 check (id = 1),
  token_enc         text not null,
  token_last4       text not null,
  scheduling_url    text not null,
  user_uri          text,
  organization_uri  text,
  webhook_uri       text,
  signing_key_enc   text not null,
  updated_at        timestamptz not null default now(),
  updated_by        text
);

create table meetings (
  id             bigserial primary key,
  lead_id        bigint not null references leads (id) on delete cascade,
  invitee_uri    text not null unique,
  event_uri      text not null,
  event_name     text,
  invitee_email  text not null,
  invitee_name   text,
  start_time     timestamptz not null,
  end_time       timestamptz,
  status         text not null check (status in ('booked', 'canceled')),
  booked_at      timestamptz not null,
  canceled_at    timestamptz,
  cancel_reason  text
);
create index meetings_lead_idx on meetings (lead_id, start_time desc);

create table calendly_deliveries (
  invitee_uri  text not null,
  event        text not null check (event in ('invitee.created', 'invitee.canceled')),
  meeting_id   bigint references meetings (id) on delete cascade,
  received_at  timestamptz not null default now(),
  primary key (invitee_uri, event)
);
