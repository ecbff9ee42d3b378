-- Issue 13, the rest: which embedding model a tenant chose, which model its stored vectors come
-- from (and the re-embedding to a new one, see io.omnireach.knowledge.Reembedding), and met edges
-- from the meetings booked on Calendly.

-- null: the in-process all-MiniLM-L6-v2; a name: that embedding model of the tenant's provider
-- (used only while an API key is set)
alter table ai_settings add column embedding_model text
  check (length(embedding_model) between 1 and 200);

-- One row: the model (as "<provider>:<name>", "local:all-minilm-l6-v2" in process) and dimension
-- the vectors in knowledge_chunks.embedding and lead_history_chunks.embedding were made with.
-- REINDEXING: a column embedding_next of target_dimensions is being filled with target_model's
-- vectors (done of total rows); searches keep using the old column and model until the switch.
create table embedding_state (
  id                 smallint primary key default 1 check (id = 1),
  model              text not null default 'local:all-minilm-l6-v2',
  dimensions         integer not null default 384 check (dimensions > 0),
  status             text not null default 'CURRENT' check (status in ('CURRENT', 'REINDEXING')),
  target_model       text,
  target_dimensions  integer check (target_dimensions > 0),
  total              integer not null default 0,
  done               integer not null default 0,
  error              text,
  started_at         timestamptz,
  switched_at        timestamptz,
  check ((status = 'REINDEXING') = (target_model is not null))
);
insert into embedding_state default values;

-- Met edges: each lead's owner met the lead when a meeting is booked on Calendly (stronger with
-- each booked meeting, last_at its latest start) or when the stage says so (as before). A lead
-- whose meetings were all canceled keeps a weak edge if its stage still says meeting, else none.
create or replace view graph_edges as
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
select 'met', 'user:' || x.owner_id, 'lead:' || x.lead_id, x.lead_id, null, x.owner_id,
       greatest(x.booked, 1),
       case when x.booked > 0 then least(1.0, 0.8 + 0.1 * x.booked)
            when x.canceled > 0 then 0.3
            else 0.9 end,
       x.last_at
from (select l.id as lead_id, l.owner_id, l.stage,
             count(m.id) filter (where m.status = 'booked') as booked,
             count(m.id) filter (where m.status = 'canceled') as canceled,
             max(m.start_time) filter (where m.status = 'booked') as last_at
      from leads l
      left join meetings m on m.lead_id = l.id
      where l.owner_id is not null
      group by l.id, l.owner_id, l.stage) x
where x.booked > 0 or x.stage in ('meeting', 'negotiation', 'won')
union all
select c.kind,
       case when c.kind = 'knows' then coalesce('lead:' || c.peer_lead_id, 'user:' || c.peer_user_id)
            else 'lead:' || c.lead_id end,
       case when c.kind = 'knows' then 'lead:' || c.lead_id
            else coalesce('lead:' || c.peer_lead_id, 'user:' || c.peer_user_id) end,
       c.lead_id, c.peer_lead_id, c.peer_user_id,
       1, case when c.kind = 'knows' then 0.8 else 0.7 end, c.created_at
from lead_connections c;
