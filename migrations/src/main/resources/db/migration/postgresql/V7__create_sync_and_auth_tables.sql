-- What sync and authentication need (ARCHITECTURE.md, sync principles and Security).
-- How they are used is the sync issue's to decide; these are the records it needs.

-- A password hash per user; the password itself is never stored. Read only through
-- SECURITY DEFINER functions in the auth schema (added with sign-in), never by the request role directly.
CREATE TABLE user_credentials (
  user_id              UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  -- The encoded hash of a slow, salted algorithm (argon2id), including its parameters.
  password_hash        TEXT NOT NULL,
  password_changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  failed_attempts      INTEGER NOT NULL DEFAULT 0,
  locked_until         TIMESTAMPTZ,

  CONSTRAINT valid_password_hash CHECK (length(password_hash) BETWEEN 20 AND 512),
  CONSTRAINT valid_failed_attempts CHECK (failed_attempts >= 0)
);

-- One row per installation of the player. The id is made by the client at first run
-- (principle 1); last_applied_seq is the newest change of this device the server has applied,
-- updated in the same transaction as the change (principle 3).
CREATE TABLE devices (
  id                UUID PRIMARY KEY,
  user_id           UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name              VARCHAR(100),
  platform          VARCHAR(50),
  app_version       VARCHAR(50),
  last_applied_seq  BIGINT NOT NULL DEFAULT 0,
  registered_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at        TIMESTAMPTZ,

  CONSTRAINT valid_applied_seq CHECK (last_applied_seq >= 0)
);

CREATE INDEX idx_devices_user ON devices (user_id);

-- Revocable refresh tokens. Only a SHA-256 of each token is kept, so a copy of this table cannot be
-- used to sign in; rotation links a token to its successor.
CREATE TABLE refresh_tokens (
  id           UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id    UUID REFERENCES devices (id) ON DELETE CASCADE,
  token_hash   BYTEA NOT NULL,
  issued_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at   TIMESTAMPTZ NOT NULL,
  revoked_at   TIMESTAMPTZ,
  replaced_by  UUID REFERENCES refresh_tokens (id) ON DELETE SET NULL,

  CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash),
  CONSTRAINT valid_token_hash CHECK (octet_length(token_hash) = 32),
  CONSTRAINT valid_token_lifetime CHECK (expires_at > issued_at)
);

CREATE INDEX idx_refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX idx_refresh_tokens_device ON refresh_tokens (device_id);
CREATE INDEX idx_refresh_tokens_replaced_by ON refresh_tokens (replaced_by);

-- The change feed clients pull from (principle 5). Triggers (V12) append a row for every insert,
-- update and delete of a syncable row; a delete is a tombstone (operation 'D').
--
-- txid is the writing transaction's id. A pull returns changes with txid below the oldest
-- transaction still running (pg_snapshot_xmin), ordered by (txid, id): a transaction that commits
-- late cannot slip in behind a cursor, which a plain sequence or timestamp cursor allows.
CREATE TABLE sync_changes (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  txid         XID8 NOT NULL DEFAULT pg_current_xact_id(),
  -- Whose private row changed; NULL for catalog rows (visibility then follows course_id).
  user_id      UUID,
  course_id    UUID,
  entity       VARCHAR(50) NOT NULL,
  entity_id    UUID NOT NULL,
  operation    CHAR(1) NOT NULL,
  changed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT valid_sync_operation CHECK (operation IN ('U', 'D'))
);

CREATE INDEX idx_sync_changes_user_cursor ON sync_changes (user_id, txid, id);
CREATE INDEX idx_sync_changes_catalog_cursor ON sync_changes (course_id, txid, id) WHERE user_id IS NULL;
-- Purging tombstones past the horizon.
CREATE INDEX idx_sync_changes_changed_at ON sync_changes (changed_at);
