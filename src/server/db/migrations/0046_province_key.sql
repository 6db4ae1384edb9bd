-- The province key (issue 7, item 8): the big tables carry the province their rows belong to, so a
-- national deployment can partition them (PARTITION BY LIST (province_id)) or distribute them
-- (Citus, province_id as the distribution column, the tables co-located) without reading the
-- tree. docs/DEPLOYMENT.md says which deployment fits which size.
--
-- A unit's province is its nearest ancestor (or itself) of kind provincial_party_committee on its
-- latest paths; a tree with no such unit (a test tree, a district run on its own) uses the top of
-- the tree. A row takes the key when written, from its unit (commitments from their registration,
-- progress updates from their commitment); writers may pass it, and the triggers fill it when they
-- don't, so every writer (forms, imports, seeds, tests) keeps working unchanged. A unit that moves
-- to another province keeps its earlier rows under the old key: re-keying them, as after the 2025
-- mergers of provinces, is a data migration run once, not a per-request cost.

CREATE FUNCTION unit_province(u uuid) RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT p.ancestor_id FROM unit_paths p JOIN units a ON a.id = p.ancestor_id
      WHERE p.descendant_id = u AND a.kind = 'provincial_party_committee'
      ORDER BY p.valid_to DESC NULLS FIRST, p.depth LIMIT 1),
    (SELECT p.ancestor_id FROM unit_paths p WHERE p.descendant_id = u
      ORDER BY p.valid_to DESC NULLS FIRST, p.depth DESC LIMIT 1),
    u)
$$;

-- rows with a unit: registrations, violations, evidence files, positions, the audit log
CREATE FUNCTION province_from_unit_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.unit_id IS NULL THEN
    NEW.province_id := NULL;
  ELSIF NEW.province_id IS NULL OR (TG_OP = 'UPDATE' AND NEW.unit_id IS DISTINCT FROM OLD.unit_id) THEN
    NEW.province_id := unit_province(NEW.unit_id);
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION province_from_registration_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_id IS NULL OR (TG_OP = 'UPDATE' AND NEW.registration_id <> OLD.registration_id) THEN
    SELECT r.province_id INTO NEW.province_id FROM registrations r WHERE r.id = NEW.registration_id;
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION province_from_commitment_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.province_id IS NULL THEN
    SELECT c.province_id INTO NEW.province_id FROM commitments c WHERE c.id = NEW.commitment_id;
  END IF;
  RETURN NEW;
END
$$;

-- a registration moved to another province takes its commitments and their updates along
CREATE FUNCTION registrations_province_cascade_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE commitments SET province_id = NEW.province_id WHERE registration_id = NEW.id;
  UPDATE progress_updates pu SET province_id = NEW.province_id
    FROM commitments c WHERE c.registration_id = NEW.id AND pu.commitment_id = c.id;
  RETURN NULL;
END
$$;

ALTER TABLE registrations ADD COLUMN province_id uuid;
ALTER TABLE commitments ADD COLUMN province_id uuid;
ALTER TABLE progress_updates ADD COLUMN province_id uuid;
ALTER TABLE violations ADD COLUMN province_id uuid;
ALTER TABLE evidence_files ADD COLUMN province_id uuid;
ALTER TABLE positions ADD COLUMN province_id uuid;
ALTER TABLE audit_log ADD COLUMN province_id uuid;

-- rows already there (an upgrade): one pass per table
UPDATE registrations SET province_id = unit_province(unit_id);
UPDATE commitments c SET province_id = r.province_id FROM registrations r WHERE r.id = c.registration_id;
UPDATE progress_updates pu SET province_id = c.province_id FROM commitments c WHERE c.id = pu.commitment_id;
UPDATE violations SET province_id = unit_province(unit_id);
UPDATE evidence_files SET province_id = unit_province(unit_id);
UPDATE positions SET province_id = unit_province(unit_id);
UPDATE audit_log SET province_id = unit_province(unit_id) WHERE unit_id IS NOT NULL;

ALTER TABLE registrations ALTER COLUMN province_id SET NOT NULL;
ALTER TABLE commitments ALTER COLUMN province_id SET NOT NULL;
ALTER TABLE progress_updates ALTER COLUMN province_id SET NOT NULL;
ALTER TABLE violations ALTER COLUMN province_id SET NOT NULL;
ALTER TABLE evidence_files ALTER COLUMN province_id SET NOT NULL;
ALTER TABLE positions ALTER COLUMN province_id SET NOT NULL;

CREATE TRIGGER registrations_province BEFORE INSERT OR UPDATE OF unit_id ON registrations FOR EACH ROW EXECUTE FUNCTION province_from_unit_trg();
CREATE TRIGGER registrations_province_cascade AFTER UPDATE ON registrations FOR EACH ROW
  WHEN (OLD.province_id IS DISTINCT FROM NEW.province_id) EXECUTE FUNCTION registrations_province_cascade_trg();
CREATE TRIGGER commitments_province BEFORE INSERT OR UPDATE OF registration_id ON commitments FOR EACH ROW EXECUTE FUNCTION province_from_registration_trg();
CREATE TRIGGER progress_updates_province BEFORE INSERT ON progress_updates FOR EACH ROW EXECUTE FUNCTION province_from_commitment_trg();
CREATE TRIGGER violations_province BEFORE INSERT OR UPDATE OF unit_id ON violations FOR EACH ROW EXECUTE FUNCTION province_from_unit_trg();
CREATE TRIGGER evidence_files_province BEFORE INSERT OR UPDATE OF unit_id ON evidence_files FOR EACH ROW EXECUTE FUNCTION province_from_unit_trg();
CREATE TRIGGER positions_province BEFORE INSERT OR UPDATE OF unit_id ON positions FOR EACH ROW EXECUTE FUNCTION province_from_unit_trg();
CREATE TRIGGER audit_log_province BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION province_from_unit_trg();
