-- Outbound email (issue 4, sending side): follow-ups in a thread, send windows and spacing,
-- retries with backoff and crash recovery, SendGrid mailboxes and DKIM.
-- Tenant holidays (no sending on those dates) are the settings row 'holidays': a JSON array of
-- ISO dates.

-- Mailboxes: the transport (smtp | sendgrid), when they may send, how far apart, and DKIM.
alter table mailboxes add column provider text not null default 'smtp'
  check (provider in ('smtp', 'sendgrid'));
-- sealed like password_enc (AES-256-GCM under omnireach.secrets.master-key)
alter table mailboxes add column api_key_enc text;
-- SendGrid's API base (default https://api.sendgrid.com); tests point it at a local fake
alter table mailboxes add column api_base_url text;
-- SMTP fields mean nothing to a SendGrid mailbox
alter table mailboxes alter column host drop not null;
alter table mailboxes alter column port drop not null;
-- {"days":["MON",…],"start":"09:00","end":"17:00"}; null = any time
alter table mailboxes add column send_window jsonb;
alter table mailboxes add column min_spacing_seconds integer not null default 0
  check (min_spacing_seconds between 0 and 86400);
-- the zone of the window when a lead has none (IANA name); null = UTC
alter table mailboxes add column timezone text;
alter table mailboxes add column dkim_domain text;
alter table mailboxes add column dkim_selector text;
alter table mailboxes add column dkim_key_enc text;

-- Messages: the thread they continue, their own window, and when they may be tried next.
alter table messages add column in_reply_to_id bigint references messages (id) on delete set null;
-- the RFC 5322 In-Reply-To / References values, fixed when the follow-up is queued
alter table messages add column in_reply_to text;
alter table messages add column references_ids text;
alter table messages add column send_window jsonb;
-- not before this instant: a deferral (window, cap, spacing) or the backoff of a retry
alter table messages add column not_before timestamptz;
-- how often the relay has handed it to the transport (claims), for retries and recovery
alter table messages add column attempts integer not null default 0;

drop index messages_queued_idx;
create index messages_due_idx on messages (coalesce(not_before, '-infinity'::timestamptz), id)
  where status = 'QUEUED';
create index messages_sending_idx on messages (claimed_at) where status = 'SENDING';
create index messages_thread_idx on messages (in_reply_to_id) where in_reply_to_id is not null;
