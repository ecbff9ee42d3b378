-- Knowledge base (issue 13): uploaded documents and their embedded chunks. The vector type
-- lives in the per-database "extensions" schema (see Migrations.ensureExtensions); 384 is the
-- dimension of the in-process all-MiniLM-L6-v2 model.

create table knowledge_documents (
  id            bigserial primary key,
  filename      text not null check (length(filename) between 1 and 255),
  media_type    text not null,
  size_bytes    integer not null check (size_bytes > 0),
  content       bytea not null,
  status        text not null default 'PENDING'
                check (status in ('PENDING', 'INDEXING', 'READY', 'FAILED')),
  error         text,
  chunks_total  integer,
  chunks_done   integer not null default 0,
  execution_id  bigint,
  created_by    text,
  created_at    timestamptz not null default now(),
  indexed_at    timestamptz
);

create table knowledge_chunks (
  id           bigserial primary key,
  document_id  bigint not null references knowledge_documents (id) on delete cascade,
  ordinal      integer not null check (ordinal >= 0),
  text         text not null,
  embedding    extensions.vector(384) not null,
  unique (document_id, ordinal)
);

create index knowledge_chunks_embedding on knowledge_chunks
  using hnsw (embedding extensions.vector_cosine_ops);
