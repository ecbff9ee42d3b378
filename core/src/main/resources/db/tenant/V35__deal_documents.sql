-- Offer documents (issue 15): a clause library whose edits make new versions, the clauses each
-- product allows, transaction templates (offer letter, order form, simple contract) with merge
-- fields and clause slots, versioned PDF documents stored with their deal, and attachments of
-- outbox messages (the offer email carries the PDF).

-- every edit of a clause is a new row (key, version + 1); documents keep the version they used
create table clauses (
  key         text not null check (key ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  version     int not null check (version > 0),
  title       text not null,
  body        text not null,
  category    text not null,
  created_by  text,
  created_at  timestamptz not null,
  primary key (key, version)
);

-- the price book's allowed clauses: clause keys per product
create table product_clauses (
  product_id  bigint not null references products (id) on delete cascade,
  clause_key  text not null,
  primary key (product_id, clause_key)
);

create table deal_templates (
  id           bigserial primary key,
  kind         text not null check (kind in ('OFFER_LETTER', 'ORDER_FORM', 'CONTRACT')),
  name         text not null,
  title        text not null,
  body         text not null,
  -- the clause slots: clause keys in the order the document lists them
  clause_keys  jsonb not null default '[]',
  version      int not null default 1,
  updated_by   text,
  updated_at   timestamptz not null
);

-- built-in defaults of every workspace (editable like any other template)
insert into deal_templates (kind, name, title, body, updated_at) values
  ('OFFER_LETTER', 'Offer letter', 'Offer: {{deal.title}}',
   E'Dear {{lead.firstName}},\n\nThank you for your interest in {{tenant.name}}. We are pleased to offer {{account.name}} the following: {{deal.products}}, {{terms.total}} in total.\n\nThis offer is valid until {{deal.closeDate}}. Your contact is {{owner.email}}.',
   now()),
  ('ORDER_FORM', 'Order form', 'Order form: {{deal.title}}',
   E'This order form between {{tenant.name}} and {{account.name}} lists the products ordered, their prices and the terms that apply.\n\nContract length: {{terms.months}} months. Payment: {{terms.payment}}.',
   now()),
  ('CONTRACT', 'Simple contract', 'Agreement: {{deal.title}}',
   E'This agreement is made on {{date.today}} between {{tenant.name}} ("Supplier") and {{account.name}} ("Customer").\n\nThe Supplier provides the products below for {{terms.months}} months at {{terms.total}}, payable {{terms.payment}}. The clauses below form part of this agreement.',
   now());

create table deal_documents (
  id                bigserial primary key,
  deal_id           bigint not null references deals (id) on delete cascade,
  version           int not null,
  status            text not null default 'GENERATED'
                      check (status in ('GENERATED', 'SENT', 'ACCEPTED')),
  template_id       bigint references deal_templates (id) on delete set null,
  template_kind     text not null,
  template_name     text not null,
  template_version  int not null,
  decision_id       bigint references deal_decisions (id) on delete set null,
  -- [{"key","version","title","category","body"}]: the exact text as used
  clauses           jsonb not null,
  -- the terms as printed (lines, discount, contract length, payment terms, total)
  terms             jsonb not null,
  pdf               bytea not null,
  sha256            char(64) not null,
  created_by        text,
  created_at        timestamptz not null,
  sent_at           timestamptz,
  message_id        bigint references messages (id) on delete set null,
  frozen_at         timestamptz,
  frozen_by         text,
  unique (deal_id, version)
);
-- one accepted (frozen) version per deal
create unique index deal_documents_accepted on deal_documents (deal_id) where status = 'ACCEPTED';

-- files sent with an outbox message (e.g. the offer PDF)
create table message_attachments (
  message_id    bigint not null references messages (id) on delete cascade,
  position      int not null,
  filename      text not null,
  content_type  text not null,
  content       bytea not null,
  primary key (message_id, position)
);
