-- Foundation: the organisation tree with history, people and positions, accounts and scopes,
-- sessions, sign-in throttling and the audit log.

CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN (
    'provincial_party_committee', 'district_party_committee', 'commune_party_committee',
    'party_cell', 'mass_mobilization_office', 'peoples_committee', 'fatherland_front',
    'mass_organization', 'hamlet')),
  -- stable, human-readable key (used by imports and the CLI), never shown as a name
  code text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A unit's name, abbreviation and parent over time. Renaming or moving a unit closes the current
-- version and opens a new one, so a 2020 document still prints 2020's name and hierarchy.
CREATE TABLE unit_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES units(id),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  short_name text,                -- "Chi bộ Trường Tiểu học" for document headers
  symbol_code text NOT NULL,      -- issuing-body abbreviation in document symbols: ĐU, CB, UBND…
  parent_id uuid REFERENCES units(id),
  valid_from date NOT NULL,
  valid_to date,                  -- inclusive; NULL = still valid
  search_key text NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX unit_versions_unit ON unit_versions (unit_id, valid_from);
CREATE INDEX unit_versions_parent ON unit_versions (parent_id);

-- The version of every unit valid on a date.
CREATE FUNCTION units_as_of(d date) RETURNS TABLE (unit_id uuid, parent_id uuid, name text, version_id uuid)
LANGUAGE sql STABLE AS $$
  SELECT v.unit_id, v.parent_id, v.name, v.id FROM unit_versions v
  WHERE v.valid_from <= d AND (v.valid_to IS NULL OR v.valid_to >= d)
$$;

-- The subtree under a root as of a date (root included), with the depth below the root.
CREATE FUNCTION unit_subtree(root uuid, d date) RETURNS TABLE (unit_id uuid, depth int)
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE t(unit_id, depth) AS (
    SELECT root, 0
    UNION ALL
    SELECT a.unit_id, t.depth + 1 FROM units_as_of(d) a JOIN t ON a.parent_id = t.unit_id
  )
  SELECT unit_id, depth FROM t
$$;

-- The ancestors of a unit as of a date (the unit itself at depth 0).
CREATE FUNCTION unit_ancestors(u uuid, d date) RETURNS TABLE (unit_id uuid, depth int)
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE t(unit_id, depth) AS (
    SELECT u, 0
    UNION ALL
    SELECT a.parent_id, t.depth + 1 FROM units_as_of(d) a JOIN t ON a.unit_id = t.unit_id
    WHERE a.parent_id IS NOT NULL AND t.depth < 50
  )
  SELECT unit_id, depth FROM t
$$;

CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  full_name text NOT NULL CHECK (length(btrim(full_name)) > 0),
  search_key text NOT NULL,       -- lower case, no diacritics: "nguyen van an"
  sort_key text NOT NULL,         -- Vietnamese collation: given name first, then the rest
  gender text CHECK (gender IN ('male', 'female', 'other')),
  birth_date date,
  categories text[] NOT NULL DEFAULT '{}',  -- cadre, party_member, civil_servant, public_employee, teacher, staff
  phone text,
  email text,
  -- stable key for spreadsheet imports (e.g. party card number or an office code)
  external_code text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_search ON persons (search_key);
CREATE INDEX persons_sort ON persons (sort_key);

-- A position held in a unit over a period; a transfer ends one and starts another.
CREATE TABLE positions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  role text NOT NULL CHECK (role IN ('secretary', 'deputy_secretary', 'committee_member', 'member')),
  title text,                     -- job title shown on documents: "Giáo viên", "Hiệu trưởng"
  start_date date NOT NULL,
  end_date date,
  end_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX positions_person ON positions (person_id);
CREATE INDEX positions_unit ON positions (unit_id);

CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username = lower(username)),
  person_id uuid REFERENCES persons(id),
  display_name text NOT NULL,
  password_hash text NOT NULL,
  is_admin boolean NOT NULL DEFAULT false,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled_at timestamptz,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

-- What an account may see (view) or change (manage): a unit and everything under it.
CREATE TABLE account_scopes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  scope text NOT NULL CHECK (scope IN ('manage', 'view')),
  UNIQUE (account_id, unit_id, scope)
);

CREATE TABLE sessions (
  id text PRIMARY KEY,            -- sha256 of the cookie token; the token itself is never stored
  account_id uuid NOT NULL REFERENCES accounts(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_account ON sessions (account_id);

-- Failed sign-ins per account and per address, in the database so several instances agree.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,           -- 'account:<username>' or 'ip:<address>'
  failures int NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_account_id uuid REFERENCES accounts(id),
  actor_username text,
  action text NOT NULL,           -- 'unit.create', 'account.reset_password', …
  subject_type text NOT NULL,
  subject_id text,
  unit_id uuid REFERENCES units(id),  -- for filtering by subtree
  before jsonb,
  after jsonb,
  ip text
);
CREATE INDEX audit_log_unit ON audit_log (unit_id, at DESC);
CREATE INDEX audit_log_at ON audit_log (at DESC);

-- Every unit's latest version that started on or before a date: the tree used for permissions,
-- where a unit that has ended keeps its last parent (so its records stay reachable).
CREATE FUNCTION units_latest(d date) RETURNS TABLE (unit_id uuid, parent_id uuid, name text, version_id uuid)
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (v.unit_id) v.unit_id, v.parent_id, v.name, v.id FROM unit_versions v
  WHERE v.valid_from <= d ORDER BY v.unit_id, v.valid_from DESC
$$;

CREATE FUNCTION unit_scope_subtree(root uuid, d date) RETURNS TABLE (unit_id uuid)
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE t(unit_id, depth) AS (
    SELECT root, 0
    UNION ALL
    SELECT a.unit_id, t.depth + 1 FROM units_latest(d) a JOIN t ON a.parent_id = t.unit_id WHERE t.depth < 50
  )
  SELECT unit_id FROM t
$$;
