-- A mailbox's daily cap is checked on every claim of the relay. Counting the day's SENDING and SENT
-- messages for it grew with the day's volume (12 ms per claim of 50 at 16,000 messages, the
-- bench's largest statement); the count is now kept here, one row per mailbox and UTC day of the
-- claim, by a trigger on messages, so every path that moves a message into or out of those states
-- (claim, retry, failure, recovery of a stale claim, erasure) keeps it exact.
create table mailbox_day_sends (
  mailbox_id bigint  not null references mailboxes (id) on delete cascade,
  day        date    not null,
  sends      integer not null,
  primary key (mailbox_id, day)
);

insert into mailbox_day_sends (mailbox_id, day, sends)
select mailbox_id, (claimed_at at time zone 'UTC')::date, count(*)
from messages
where mailbox_id is not null and claimed_at is not null and status in ('SENDING', 'SENT')
group by 1, 2;

create function mailbox_day_sends_count() returns trigger language plpgsql set search_path from current as $$
begin
  if tg_op <> 'INSERT' and old.mailbox_id is not null and old.claimed_at is not null
     and old.status in ('SENDING', 'SENT') then
    update mailbox_day_sends set sends = sends - 1
    where mailbox_id = old.mailbox_id and day = (old.claimed_at at time zone 'UTC')::date;
  end if;
  if tg_op <> 'DELETE' and new.mailbox_id is not null and new.claimed_at is not null
     and new.status in ('SENDING', 'SENT') then
    insert into mailbox_day_sends (mailbox_id, day, sends)
    values (new.mailbox_id, (new.claimed_at at time zone 'UTC')::date, 1)
    on conflict (mailbox_id, day) do update set sends = mailbox_day_sends.sends + 1;
  end if;
  return null;
end $$;

-- The conditions keep the function out of the common updates: SENDING -> SENT, bodies, history.
create trigger messages_day_sends_insert after insert on messages for each row
  when (new.mailbox_id is not null and new.claimed_at is not null
        and new.status in ('SENDING', 'SENT'))
  execute function mailbox_day_sends_count();

create trigger messages_day_sends_update after update of status, claimed_at, mailbox_id on messages
  for each row
  when ((old.mailbox_id is not null and old.claimed_at is not null
         and old.status in ('SENDING', 'SENT'))
        is distinct from
        (new.mailbox_id is not null and new.claimed_at is not null
         and new.status in ('SENDING', 'SENT'))
        or old.claimed_at is distinct from new.claimed_at
        or old.mailbox_id is distinct from new.mailbox_id)
  execute function mailbox_day_sends_count();

create trigger messages_day_sends_delete after delete on messages for each row
  when (old.mailbox_id is not null and old.claimed_at is not null
        and old.status in ('SENDING', 'SENT'))
  execute function mailbox_day_sends_count();

-- The SMS daily cap (one per tenant) is still counted per claim; without an index that leads with
-- claimed_at for SMS that count walked every SENDING/SENT message of any channel ever sent.
create index messages_sms_day_idx on messages (claimed_at)
  where channel = 'SMS' and status in ('SENDING', 'SENT');
