-- Channels (issue 12): SMS beside email in the one outbox, and the tenant's Twilio sender.

-- every outbox message names its channel; an SMS has no mailbox and no subject
alter table messages drop constraint messages_channel_check;
alter table messages add constraint messages_channel_check check (channel in ('EMAIL', 'SMS'));
alter table messages alter column subject drop not null;
alter table messages add constraint messages_email_subject_check
  check (channel <> 'EMAIL' or subject is not null);

-- One row: the Twilio account, its auth token sealed like mailbox passwords (AES-256-GCM under
-- omnireach.secrets.master-key), and the sender — a number (E.164) or a messaging service.
-- send_window is the tenant's own window on top of the quiet hours (08:00–21:00 lead time).
create table sms_settings (
  id                     integer primary key default 1 check (id = 1),
  account_sid            text not null,
  auth_token_enc         text not null,
  from_number            text,
  messaging_service_sid  text,
  send_window            jsonb,
  updated_at             timestamptz not null,
  updated_by             text,
  check ((from_number is null) <> (messaging_service_sid is null))
);
