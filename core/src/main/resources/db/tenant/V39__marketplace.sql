-- The tenant's side of the marketplace (issue 16): its publisher key and the blocks it installed.

-- Signs the tenant's exports; generated on first use, private key sealed by SecretBox.
create table publisher_key (
  singleton           boolean primary key default true check (singleton),
  public_key          text not null,
  private_key_sealed  text not null,
  created_at          timestamptz not null
);

-- created: [{"type":"persona","id":4,"name":"Friendly SDR"}, …] what uninstall removes.
create table installed_blocks (
  block_id      text primary key,
  version       text not null,
  kind          text not null,
  name          text not null,
  source        text not null,
  key_id        text,
  created       jsonb not null,
  installed_by  text not null,
  installed_at  timestamptz not null
);
