-- The tree's version: one number bumped by every statement that changes the tree (units, their
-- dated versions, hence the closure unit_paths). An account's scope is the subtree of a few
-- roots; the app keeps those subtrees in memory keyed by this version and the day, and reads the
-- version with the session, so a change made on any instance is seen on the next request and no
-- request recomputes a province's 3,100-unit subtree. Tree changes are rare acts of the level
-- above (or bulk loads), so their queueing on this one row costs nothing that matters.
CREATE TABLE unit_tree_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO unit_tree_version (id, version) VALUES (true, 1);

CREATE FUNCTION unit_tree_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE unit_tree_version SET version = version + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER units_tree_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION unit_tree_version_bump();
CREATE TRIGGER unit_versions_tree_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_versions
  FOR EACH STATEMENT EXECUTE FUNCTION unit_tree_version_bump();
CREATE TRIGGER unit_paths_tree_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_paths
  FOR EACH STATEMENT EXECUTE FUNCTION unit_tree_version_bump();
