-- The audit log becomes tamper-evident and append-only.
-- before_summary/detail are the short before/after summaries of a change; ip and request_id say
-- where it came from. Each tenant's rows (and the platform's, tenant_slug null) form a hash chain:
-- seq counts 1, 2, 3 … per chain and hash = sha256(canonical row including prev_hash). A trigger
-- fills them, so every writer (Java or SQL) extends the chain the same way; AuditVerifier
-- recomputes it independently in Java.
alter table audit_log
  add column before_summary text,
  add column ip             text,
  add column request_id     text,
  add column seq            bigint,
  add column prev_hash      text,
  add column hash           text;

-- The canonical text of a row: every field length-prefixed (octets), null as '-', so no two rows
-- share one. Keep identical to io.omnireach.audit.AuditChain.canonical.
create function audit_canonical(r audit_log) returns text language sql immutable
  set search_path = platform as $$
  select concat_ws('|',
    r.seq::text,
    coalesce(octet_length(r.prev_hash) || ':' || r.prev_hash, '-'),
    ((extract(epoch from r.at) * 1000000)::bigint)::text,
    coalesce(octet_length(r.actor) || ':' || r.actor, '-'),
    coalesce(octet_length(r.tenant_slug) || ':' || r.tenant_slug, '-'),
    coalesce(octet_length(r.action) || ':' || r.action, '-'),
    coalesce(octet_length(r.target) || ':' || r.target, '-'),
    coalesce(octet_length(r.before_summary) || ':' || r.before_summary, '-'),
    coalesce(octet_length(r.detail) || ':' || r.detail, '-'),
    coalesce(octet_length(r.ip) || ':' || r.ip, '-'),
    coalesce(octet_length(r.request_id) || ':' || r.request_id, '-'))
$$;

-- Chains existing rows in id order (they were written one by one, in that order).
do $$
declare
  r audit_log;
  heads jsonb := '{}';
  key text;
  prev jsonb;
begin
  for r in select * from audit_log order by id loop
    key := coalesce(r.tenant_slug, '');
    prev := heads -> key;
    r.seq := coalesce((prev ->> 'seq')::bigint, 0) + 1;
    r.prev_hash := prev ->> 'hash';
    r.hash := encode(sha256(convert_to(audit_canonical(r), 'UTF8')), 'hex');
    update audit_log set seq = r.seq, prev_hash = r.prev_hash, hash = r.hash where id = r.id;
    heads := heads || jsonb_build_object(key, jsonb_build_object('seq', r.seq, 'hash', r.hash));
  end loop;
end $$;

alter table audit_log alter column seq set not null, alter column hash set not null;
-- Two rows can never claim the same place in a chain: a fork fails instead of committing.
create unique index audit_log_chain_idx on audit_log ((coalesce(tenant_slug, '')), seq);
create index audit_log_at_idx on audit_log (at desc);

create function audit_log_chain() returns trigger language plpgsql
  set search_path = platform as $$
declare
  head audit_log;
begin
  -- One writer per chain at a time, until its transaction ends: concurrent appends queue here.
  perform pg_advisory_xact_lock(hashtext('audit_log:' || coalesce(new.tenant_slug, '')));
  select * into head from audit_log
   where coalesce(tenant_slug, '') = coalesce(new.tenant_slug, '')
   order by seq desc limit 1;
  new.seq := coalesce(head.seq, 0) + 1;
  new.prev_hash := head.hash;
  new.at := date_trunc('microseconds', new.at);
  new.hash := encode(sha256(convert_to(audit_canonical(new), 'UTF8')), 'hex');
  return new;
end $$;

create trigger audit_log_chain before insert on audit_log
  for each row execute function audit_log_chain();

-- Append-only: rows are never changed or removed (also not when their tenant is deleted).
create function audit_log_refuse() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op;
end $$;

create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_refuse();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse();
