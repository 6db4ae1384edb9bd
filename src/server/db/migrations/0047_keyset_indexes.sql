-- Lists paginated by key (issue 7, item 4): each page reads on from the last row of the previous
-- one along an index in the list's own order, so page 200 costs what page 1 does and nothing counts
-- every match.
-- People: Vietnamese name order (sort_key, compared byte-wise as the queries do) then id.
CREATE INDEX persons_sort_keyset ON persons ((sort_key COLLATE "C"), id);
DROP INDEX IF EXISTS persons_sort;
-- Audit log: newest first, id breaking ties between entries of the same instant (one transaction).
CREATE INDEX audit_log_at_id ON audit_log (at DESC, id DESC);
DROP INDEX IF EXISTS audit_log_at;
CREATE INDEX audit_log_unit_at_id ON audit_log (unit_id, at DESC, id DESC);
DROP INDEX IF EXISTS audit_log_unit;
