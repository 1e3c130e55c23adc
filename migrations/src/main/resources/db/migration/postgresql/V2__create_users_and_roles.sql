-- People and their roles: the seed's user management schema (seed section 1), enhanced form.
-- Roles live only in roles/user_roles (seed-review 17): there is no users.role column to disagree
-- with them, and no token claim is ever trusted for a role.

-- Extensions live in their own schema, out of the application's namespace (and its generated code).
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA extensions;

CREATE TABLE users (
  id                      UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  -- Stored in lower case: e-mail addresses are compared case-insensitively in practice, and
  -- 'Ana@x.org' and 'ana@x.org' must not become two accounts.
  email                   VARCHAR(255) NOT NULL,
  name                    VARCHAR(100) NOT NULL,
  first_name              VARCHAR(50),
  last_name               VARCHAR(50),
  -- Phone and date of birth are encrypted with pgcrypto (V15); the key never reaches the database.
  phone_encrypted         BYTEA,
  date_of_birth_encrypted BYTEA,
  gender                  VARCHAR(20),
  timezone                VARCHAR(50) NOT NULL DEFAULT 'UTC',
  language                VARCHAR(10) NOT NULL DEFAULT 'en',
  status                  VARCHAR(20) NOT NULL DEFAULT 'active',
  email_verified          BOOLEAN NOT NULL DEFAULT FALSE,
  phone_verified          BOOLEAN NOT NULL DEFAULT FALSE,
  bio                     TEXT,
  avatar_url              TEXT,
  website_url             TEXT,
  linkedin_url            TEXT,
  twitter_url             TEXT,
  last_login_at           TIMESTAMPTZ,
  created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT users_email_key UNIQUE (email),
  CONSTRAINT valid_email CHECK (email ~ '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$'),
  CONSTRAINT valid_user_status CHECK (status IN ('active', 'suspended', 'deleted')),
  CONSTRAINT valid_language CHECK (language ~ '^[a-z]{2,3}(-[A-Z]{2})?$')
);

CREATE TABLE user_addresses (
  id                UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id           UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type              VARCHAR(20) NOT NULL,
  -- Street address and postal code, encrypted together (seed: encrypted_details). City, region and
  -- country stay readable: billing and tax rules need them, and they identify nobody on their own.
  encrypted_details BYTEA,
  city              VARCHAR(100),
  state_province    VARCHAR(100),
  country           VARCHAR(2),
  is_default        BOOLEAN NOT NULL DEFAULT FALSE,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT valid_address_type CHECK (type IN ('billing', 'shipping', 'home')),
  CONSTRAINT valid_country CHECK (country IS NULL OR country ~ '^[A-Z]{2}$')
);

-- One default address per user and type. The seed wrote this as a table constraint with a WHERE
-- clause, which PostgreSQL rejects (seed-review 1); a partial unique index does the job.
CREATE UNIQUE INDEX idx_user_addresses_one_default ON user_addresses (user_id, type) WHERE is_default;
CREATE INDEX idx_user_addresses_user ON user_addresses (user_id);

CREATE TABLE user_preferences (
  id          UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  category    VARCHAR(50) NOT NULL,
  key         VARCHAR(100) NOT NULL,
  value       JSONB,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT user_preferences_user_category_key UNIQUE (user_id, category, key)
);

CREATE TABLE roles (
  id           UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  name         VARCHAR(50) NOT NULL,
  description  TEXT,
  permissions  JSONB NOT NULL DEFAULT '[]',
  is_active    BOOLEAN NOT NULL DEFAULT TRUE,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),

  CONSTRAINT roles_name_key UNIQUE (name),
  CONSTRAINT valid_role_permissions CHECK (jsonb_typeof(permissions) = 'array')
);

CREATE TABLE user_roles (
  id           UUID DEFAULT gen_random_uuid() PRIMARY KEY,
  user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id      UUID NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  assigned_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- Who granted it; kept (as NULL) when that admin's account is deleted.
  assigned_by  UUID REFERENCES users (id) ON DELETE SET NULL,
  expires_at   TIMESTAMPTZ,

  CONSTRAINT user_roles_user_role_key UNIQUE (user_id, role_id),
  CONSTRAINT valid_role_expiry CHECK (expires_at IS NULL OR expires_at > assigned_at)
);

CREATE INDEX idx_user_roles_role ON user_roles (role_id);
CREATE INDEX idx_user_roles_assigned_by ON user_roles (assigned_by);

-- The three roles the platform knows; names are what auth.has_role() checks.
INSERT INTO roles (name, description, permissions) VALUES
  ('student', 'Learns: enrolls in courses, records progress, notes and bookmarks', '["learn"]'),
  ('instructor', 'Teaches: creates courses and reads the statistics of their own courses', '["learn", "teach"]'),
  ('admin', 'Administers the platform: users, roles, catalog and payments', '["learn", "teach", "administer"]');

-- Every course has an instructor, who cannot be deleted while they teach (reassign first).
ALTER TABLE courses
  ADD CONSTRAINT courses_instructor_fkey FOREIGN KEY (instructor_id) REFERENCES users (id) ON DELETE RESTRICT;
CREATE INDEX idx_courses_instructor ON courses (instructor_id);
