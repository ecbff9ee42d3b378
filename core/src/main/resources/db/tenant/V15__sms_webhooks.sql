-- Twilio webhooks (issue 12): status callbacks find our SMS by Twilio's message SID, which the
-- relay records as the start of the SENT reply ("twilio SM… queued"); inbound SMS find the lead
-- by its phone in E.164 (the form the SMS API checks).
create index messages_twilio_sid_idx on messages ((substring(reply from '^twilio (\S+) ')))
  where channel = 'SMS';
create index leads_phone_e164_idx on leads ((regexp_replace(phone, '[\s().-]', '', 'g')))
  where phone is not null;
