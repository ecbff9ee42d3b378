-- System email (invitations, password reset, alerts) queued through an outbox, and password
-- reset tokens. See io.omnireach.mail.SystemMail and docs/reliability.md.

create table system_mail (
  id               bigserial primary key,
  -- one row per mail, whatever retries the caller makes (e.g. 'invitation:42')
  idempotency_key  text not null unique,
  kind             text not null check (kind in ('INVITATION', 'PASSWORD_RESET', 'ALERT')),
  recipient        text not null,
  subject          text not null,
  -- blanked once SENT: links in them carry secrets (invitation and reset tokens)
  body_text        text not null,
  body_html        text not null,
  status           text not null default 'QUEUED'
                   check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
  attempts         int not null default 0,
  not_before       timestamptz not null default now(),
  claimed_at       timestamptz,
  sent_at          timestamptz,
  last_error       text,
  created_at       timestamptz not null default now()
);
create index system_mail_due_idx on system_mail (not_before) where status in ('QUEUED', 'SENDING');

create table password_resets (
  id          bigserial primary key,
  user_id     bigint not null references users (id) on delete cascade,
  token_hash  text not null unique,
  expires_at  timestamptz not null,
  used_at     timestamptz,
  created_at  timestamptz not null default now()
);
create index password_resets_user_idx on password_resets (user_id);
