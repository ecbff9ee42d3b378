-- Fallback and voice (issue 12): automated calls go through the one outbox as channel VOICE
-- (no mailbox, no subject; the body is the script Twilio reads), their status callbacks find the
-- call by Twilio's call SID, which the relay records as the start of the SENT reply
-- ("twilio CA… queued"); the SMS number may have a daily cap, which the relay and fallback steps
-- keep (null: none).
alter table messages drop constraint messages_channel_check;
alter table messages add constraint messages_channel_check
  check (channel in ('EMAIL', 'SMS', 'VOICE'));
create index messages_twilio_call_sid_idx on messages ((substring(reply from '^twilio (\S+) ')))
  where channel = 'VOICE';
alter table sms_settings add column daily_cap integer check (daily_cap between 1 and 100000);

-- a step may wait for an answer on one channel (the "no reply on channel X" decision) or for an
-- automated call's final status
alter table node_runs drop constraint node_runs_wake_on_check;
alter table node_runs add constraint node_runs_wake_on_check check (wake_on in
  ('reply', 'open', 'task', 'reply:EMAIL', 'reply:SMS', 'reply:LINKEDIN', 'call'));
