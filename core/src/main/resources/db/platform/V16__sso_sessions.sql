-- Back-channel logout by the provider's session id (sid): a sign-in through SSO remembers the
-- provider session it came from (a hash of tenant, issuer and sid) on its refresh tokens, access
-- tokens and UI session; a logout token naming that sid ends just that sign-in.
alter table refresh_tokens add column sso_session text;
create index refresh_tokens_sso_session_idx on refresh_tokens (sso_session)
  where sso_session is not null;

-- Provider sessions that ended: access tokens and UI sessions stamped with one are refused.
create table sso_ended_sessions (
  sso_session text primary key,
  ended_at    timestamptz not null default now()
);
