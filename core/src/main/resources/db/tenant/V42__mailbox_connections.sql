-- Parallel sending (issue 18): how many SMTP connections (or SendGrid requests) one mailbox's
-- messages go out over at once. Providers limit concurrent connections per account (often 2-10),
-- so the default stays 1 and the bound is 16.
alter table mailboxes
  add column smtp_connections integer not null default 1
    check (smtp_connections between 1 and 16);
