-- Email channel (issue 4): mailboxes, the message outbox with its events, the suppression list.
-- The tenant's postal address for the CAN-SPAM footer is the settings row 'postal_address'.

create table mailboxes (
  id            bigserial primary key,
  name          text not null check (length(name) between 1 and 80),
  host          text not null,
  port          integer not null check (port between 1 and 65535),
  username      text,
  -- AES-256-GCM, base64(IV || ciphertext || tag), key from omnireach.secrets.master-key
  password_enc  text,
  tls           boolean not null default true,
  from_address  text not null,
  from_name     text,
  daily_cap     integer not null default 200 check (daily_cap between 1 and 100000),
  created_by    text,
  created_at    timestamptz not null default now()
);
create unique index mailboxes_name_uq on mailboxes (lower(name));

-- The outbox: a row is QUEUED when the request commits; the relay claims it
-- (QUEUED -> SENDING in one UPDATE) before it talks to the server, so it is handed over at most once.
create table messages (
  id               bigserial primary key,
  lead_id          bigint references leads (id) on delete set null,
  mailbox_id       bigint references mailboxes (id) on delete set null,
  channel          text not null default 'EMAIL' check (channel in ('EMAIL')),
  idempotency_key  text not null,
  message_id       text not null,
  to_address       text not null,
  subject          text not null,
  body             text not null,
  status           text not null default 'QUEUED'
                   check (status in ('QUEUED', 'SENDING', 'SENT', 'BLOCKED', 'FAILED')),
  reason           text,
  reply            text,
  created_by       text,
  created_at       timestamptz not null default now(),
  claimed_at       timestamptz,
  sent_at          timestamptz
);
create unique index messages_idempotency_uq on messages (idempotency_key);
create unique index messages_message_id_uq on messages (message_id);
create index messages_queued_idx on messages (id) where status = 'QUEUED';
create index messages_mailbox_day_idx on messages (mailbox_id, claimed_at)
  where status in ('SENDING', 'SENT');

create table message_events (
  id          bigserial primary key,
  message_id  bigint not null references messages (id) on delete cascade,
  type        text not null,
  detail      text,
  at          timestamptz not null default now()
);
create index message_events_message_idx on message_events (message_id, id);

-- Addresses nobody may email again; lower-case. Honoured by every send claimed after it commits.
create table suppressions (
  email       text primary key check (email = lower(email)),
  reason      text not null check (reason in ('UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED')),
  message_id  bigint references messages (id) on delete set null,
  at          timestamptz not null default now()
);
