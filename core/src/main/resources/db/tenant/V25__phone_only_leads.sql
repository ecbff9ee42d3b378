-- Leads reachable only by phone (SMS, calls) or LinkedIn: email becomes optional. The
-- application keeps "at least one of email, phone, LinkedIn URL" (LeadRules / LeadRepository);
-- the check here is the last line of defence.
alter table leads alter column email drop not null;
alter table leads add constraint leads_reachable_ck
  check (email is not null or phone is not null or linkedin_url is not null);

-- Dedup: email stays the key where present (leads_email_uq; nulls never collide); a lead without
-- email is unique by its (E.164-normalised) phone.
create unique index leads_phone_only_uq on leads (phone) where email is null and phone is not null;

-- The email sort puts leads without email first (ascending) and stays index-backed.
create index leads_email_sort_idx on leads ((coalesce(lower(email), '')), id);
