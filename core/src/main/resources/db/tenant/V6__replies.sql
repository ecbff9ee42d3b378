-- Replies (issue 4, inbound): IMAP settings on mailboxes (the password is the mailbox's own
-- sealed password_enc) and the replies matched to our messages.

alter table mailboxes add column imap_host text;
alter table mailboxes add column imap_port integer check (imap_port between 1 and 65535);
alter table mailboxes add column imap_tls boolean not null default true;
alter table mailboxes add column imap_username text;

create table replies (
  id                bigserial primary key,
  message_id        bigint references messages (id) on delete cascade,
  lead_id           bigint references leads (id) on delete set null,
  mailbox_id        bigint references mailboxes (id) on delete set null,
  from_address      text,
  subject           text,
  body              text not null default '',
  received_at       timestamptz not null default now(),
  classification    text not null
                    check (classification in ('INTERESTED', 'NOT_INTERESTED', 'OUT_OF_OFFICE',
                                              'UNSUBSCRIBE', 'WRONG_PERSON', 'BOUNCE', 'OTHER')),
  ooo_until         date,
  classifier        text not null default 'lexicon',
  raw_message_id    text not null,
  created_at        timestamptz not null default now()
);
create unique index replies_raw_message_id_uq on replies (raw_message_id);
create index replies_received_idx on replies (received_at desc, id desc);
create index replies_lead_idx on replies (lead_id, id);
create index replies_message_idx on replies (message_id);
