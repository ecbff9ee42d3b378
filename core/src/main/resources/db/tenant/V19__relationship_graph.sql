-- Relationship graph (issue 13): accounts (companies) derived from the leads, the manual
-- connections people add, and every other edge derived by a view from what is already stored.
-- Existing leads get their account from the Java migration 19.1 (AccountBackfill), which uses the
-- same normalisation (io.omnireach.account.Companies) as every later create, update and import.

-- A company. domain: the registrable domain of its people's work email (never a free-mail one);
-- null for an account known only by name. name_key: the normalised company name, which matches
-- leads without a work domain ("Globex, Inc." at gmail.com joins globex.com).
create table accounts (
  id          bigserial primary key,
  domain      text check (domain = lower(domain)),
  name        text not null,
  name_key    text not null,
  created_at  timestamptz not null default now()
);
create unique index accounts_domain_uq on accounts (domain) where domain is not null;
create unique index accounts_name_key_uq on accounts (name_key) where domain is null;
create index accounts_name_key_idx on accounts (name_key, id);

alter table leads add column account_id bigint references accounts (id) on delete set null;
create index leads_account_idx on leads (account_id, relationship_score desc, id)
  where account_id is not null;

-- Edges people add by hand. knows: the lead and the peer know each other (either way round);
-- introduced_by: the lead was introduced by the peer. The peer is another lead or one of our users
-- (platform.users id, a member of this workspace when added).
create table lead_connections (
  id            bigserial primary key,
  kind          text not null check (kind in ('knows', 'introduced_by')),
  lead_id       bigint not null references leads (id) on delete cascade,
  peer_lead_id  bigint references leads (id) on delete cascade,
  peer_user_id  bigint,
  note          text check (length(note) <= 500),
  created_by    text,
  created_at    timestamptz not null default now(),
  check ((peer_lead_id is null) <> (peer_user_id is null)),
  check (peer_lead_id is distinct from lead_id)
);
create unique index lead_connections_uq
  on lead_connections (lead_id, kind, coalesce(peer_lead_id, 0), coalesce(peer_user_id, 0));
create index lead_connections_peer_idx on lead_connections (peer_lead_id)
  where peer_lead_id is not null;

-- Who sent each sent message: the user whose email is the message's created_by, or for a workflow
-- step ("workflow:<id>") the user who created the workflow.
create view message_senders as
select m.id as message_id, m.lead_id, u.id as user_id, m.channel, m.sent_at
from messages m
left join workflows w on m.created_by like 'workflow:%' and w.id::text = substr(m.created_by, 10)
join platform.users u on lower(u.email) = lower(coalesce(w.created_by, m.created_by))
where m.lead_id is not null and m.status = 'SENT';

-- Every edge of the graph, one row per (kind, source, target). Node ids are 'lead:<id>',
-- 'account:<id>', 'user:<id>'. lead_id is the lead end (filter on it: PostgreSQL pushes the filter
-- into each branch, through the grouping, onto the indexes); peer_lead_id the other lead of a
-- lead-to-lead edge; user_id the user end. strength is 0..1: count-based for derived contact
-- (n / (n + 2) for emails, n / (n + 1) for replies), fixed for the rest.
create view graph_edges as
select 'works_at'::text as kind, 'lead:' || l.id as source, 'account:' || l.account_id as target,
       l.id as lead_id, null::bigint as peer_lead_id, null::bigint as user_id,
       1::bigint as count, 1.0::numeric as strength, null::timestamptz as last_at
from leads l
where l.account_id is not null
union all
select 'emailed', 'user:' || s.user_id, 'lead:' || s.lead_id, s.lead_id, null, s.user_id,
       count(*), round(count(*) / (count(*) + 2.0), 2), max(s.sent_at)
from message_senders s
where s.channel = 'EMAIL'
group by s.lead_id, s.user_id
union all
select 'replied', 'lead:' || r.lead_id, 'user:' || coalesce(s.user_id, l.owner_id), r.lead_id,
       null, coalesce(s.user_id, l.owner_id),
       count(*), round(count(*) / (count(*) + 1.0), 2), max(r.received_at)
from replies r
join leads l on l.id = r.lead_id
left join message_senders s on s.message_id = r.message_id
where r.classification not in ('BOUNCE', 'OUT_OF_OFFICE')
  and coalesce(s.user_id, l.owner_id) is not null
group by r.lead_id, coalesce(s.user_id, l.owner_id)
union all
-- Met: the owner of a lead whose stage says a meeting happened (the relationship score reads the
-- stage the same way). The hook for booked meetings: union their (lead, user, time) here.
select 'met', 'user:' || l.owner_id, 'lead:' || l.id, l.id, null, l.owner_id,
       1, 0.9, null
from leads l
where l.owner_id is not null and l.stage in ('meeting', 'negotiation', 'won')
union all
select c.kind,
       case when c.kind = 'knows' then coalesce('lead:' || c.peer_lead_id, 'user:' || c.peer_user_id)
            else 'lead:' || c.lead_id end,
       case when c.kind = 'knows' then 'lead:' || c.lead_id
            else coalesce('lead:' || c.peer_lead_id, 'user:' || c.peer_user_id) end,
       c.lead_id, c.peer_lead_id, c.peer_user_id,
       1, case when c.kind = 'knows' then 0.8 else 0.7 end, c.created_at
from lead_connections c;
