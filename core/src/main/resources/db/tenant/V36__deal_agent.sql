-- The negotiation agent (issue 15): auto-send within limits, approver rules, approvals recorded on
-- the decision, decisions triggered by a reply, and replies classified as negotiation.

alter table deal_playbook drop constraint deal_playbook_autonomy_check;
alter table deal_playbook add constraint deal_playbook_autonomy_check
  check (autonomy in ('SUGGEST_ONLY', 'AUTO_SEND', 'ALWAYS_ESCALATE_ABOVE'));
-- who may approve what beyond the limits: [{"upToDiscountPercent": 25, "roles": ["Sales"],
-- "users": ["lee@acme.example"]}, ...]; above every rule (or with none) only Admins approve
alter table deal_playbook add column approver_rules jsonb not null default '[]';

alter table deal_decisions
  add column reply_id        bigint references replies (id) on delete set null,
  add column message_id      bigint references messages (id) on delete set null,
  add column approval        text check (approval in ('APPROVED', 'REJECTED')),
  add column approved_by     text,
  add column approved_at     timestamptz,
  add column approval_note   text;

alter table replies drop constraint replies_classification_check;
alter table replies add constraint replies_classification_check
  check (classification in ('INTERESTED', 'NOT_INTERESTED', 'OUT_OF_OFFICE', 'UNSUBSCRIBE',
                            'WRONG_PERSON', 'BOUNCE', 'OTHER', 'NEGOTIATION'));
