-- SendGrid's signed event webhook (issue 12): the verification key SendGrid shows for the account
-- a SendGrid mailbox sends through (an ECDSA P-256 public key, base64 DER: public, so not sealed),
-- and the provider event ids already applied, so a redelivered event changes nothing twice.
alter table mailboxes add column event_webhook_key text;

create table webhook_events (
  provider     text not null,
  event_id     text not null,
  message_id   bigint references messages (id) on delete set null,
  type         text not null,
  received_at  timestamptz not null default now(),
  primary key (provider, event_id)
);

