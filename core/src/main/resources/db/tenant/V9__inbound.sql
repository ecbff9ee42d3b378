-- Inbound email (issue 4): how each reply was classified (LLM or offline rules) and where the IMAP
-- poller stopped in each mailbox's folder.

-- 'offline' (rules and lexicon) or provider/model, e.g. 'openrouter/openai/gpt-4o-mini'.
alter table replies alter column classifier set default 'offline';
update replies set classifier = 'offline' where classifier = 'lexicon';
-- the model's certainty (null for the offline rules), tone, and a one-sentence reason
alter table replies add column confidence numeric(4, 3) check (confidence between 0 and 1);
alter table replies add column sentiment text check (sentiment in ('positive', 'neutral', 'negative'));
alter table replies add column rationale text;
-- why the offline rules decided although an AI provider is configured, e.g.
-- 'openrouter/openai/gpt-4o-mini: PROVIDER_ERROR'; null when nothing failed
alter table replies add column classifier_fallback text;

-- The last UID processed per mailbox folder, valid only with the folder's UIDVALIDITY: when the
-- server reports another UIDVALIDITY the folder is read again from the start (replies are unique by
-- their own Message-ID, so nothing is stored twice). failed_uid/failures: the message the poller is
-- stuck at and how many polls it failed; after a few it is skipped.
create table imap_cursors (
  mailbox_id    bigint not null references mailboxes (id) on delete cascade,
  folder        text not null default 'INBOX',
  uid_validity  bigint not null,
  last_uid      bigint not null default 0 check (last_uid >= 0),
  failed_uid    bigint,
  failures      integer not null default 0,
  polled_at     timestamptz not null default now(),
  primary key (mailbox_id, folder)
);
