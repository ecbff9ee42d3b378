-- The tenant's policy settings (one row): whether the LLM reviews messages too (issue 14).
create table policy_settings (
    id smallint primary key default 1 check (id = 1),
    llm_check boolean not null default false,
    updated_at timestamptz not null,
    updated_by text not null
);
