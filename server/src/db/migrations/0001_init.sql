-- Hotline Office server schema, first version.
-- Runs unchanged on PostgreSQL 15 and PGlite 0.5.16 (PostgreSQL 18).

CREATE TABLE offices (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  prefix text NOT NULL UNIQUE,
  -- The office's change counter. Every writing transaction bumps it as its LAST statement, under
  -- this row's lock, so sequence numbers are handed out in commit order (see sync/changes.ts).
  change_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'clerk', 'field_agent')),
  -- scrypt$N$r$p$salt$hash (base64)
  password_hash text NOT NULL,
  -- salt for the client-side offline verifier (never the password salt)
  offline_salt text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  office_id uuid NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, office_id)
);

CREATE TABLE refresh_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE server_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- Every synced record of every entity type. version = the office change sequence of its last
-- write; pull pages through (office_id, version).
CREATE TABLE records (
  office_id uuid NOT NULL REFERENCES offices (id),
  entity text NOT NULL,
  id text NOT NULL,
  version bigint NOT NULL,
  data jsonb,
  -- per field: {"v": version of its last write, "c": client id that wrote it}
  field_meta jsonb NOT NULL DEFAULT '{}'::jsonb,
  deleted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (office_id, entity, id)
);
CREATE UNIQUE INDEX records_office_version ON records (office_id, version);

-- Push idempotency: one row per client device, one per processed mutation.
CREATE TABLE sync_clients (
  client_id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  last_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_push_at timestamptz
);

CREATE TABLE sync_mutations (
  client_id text NOT NULL REFERENCES sync_clients (client_id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  mutation_id uuid NOT NULL,
  office_id uuid NOT NULL,
  user_id uuid NOT NULL,
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'conflict', 'rejected')),
  result jsonb,
  reason jsonb,
  conflicts jsonb,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, seq)
);

-- The number pool: the one thing two people can fight over, so it has its own tables and
-- constraints. Clients see it through mirror records (entity 'hotlineNumber').
CREATE TABLE hotline_numbers (
  number text PRIMARY KEY CHECK (number ~ '^400[0-9]{7}$'),
  office_id uuid NOT NULL REFERENCES offices (id),
  status text NOT NULL DEFAULT 'available'
    CHECK (status IN ('available', 'reserved', 'active', 'suspended', 'frozen', 'reclaimed', 'cooling')),
  customer_id text,
  application_id text,
  lease_id text,
  -- reservation expiry (reserved) or end of the cooling period (cooling)
  hold_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hotline_numbers_pick ON hotline_numbers (office_id, status, number);
CREATE INDEX hotline_numbers_lease ON hotline_numbers (office_id, lease_id) WHERE lease_id IS NOT NULL;

CREATE TABLE number_assignments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES offices (id),
  number text NOT NULL REFERENCES hotline_numbers (number),
  customer_id text NOT NULL,
  application_id text,
  kind text NOT NULL CHECK (kind IN ('reserved', 'active')),
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  created_by uuid
);
-- No number is ever held by two customers: at most one open assignment per number.
CREATE UNIQUE INDEX number_assignments_one_holder ON number_assignments (number) WHERE ended_at IS NULL;

CREATE TABLE leases (
  office_id uuid NOT NULL REFERENCES offices (id),
  id text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  taken_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  returned_at timestamptz,
  PRIMARY KEY (office_id, id)
);

-- Attachments, content-addressed per office; bytes kept in the database so any server process
-- can serve a resumed upload.
CREATE TABLE attachments (
  office_id uuid NOT NULL REFERENCES offices (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  received bigint NOT NULL DEFAULT 0,
  content_type text NOT NULL,
  complete boolean NOT NULL DEFAULT false,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (office_id, sha256)
);

CREATE TABLE attachment_parts (
  office_id uuid NOT NULL,
  sha256 text NOT NULL,
  part_offset bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (office_id, sha256, part_offset),
  FOREIGN KEY (office_id, sha256) REFERENCES attachments (office_id, sha256) ON DELETE CASCADE
);
