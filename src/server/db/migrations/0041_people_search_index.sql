-- People search ("nguyen van an" anywhere in the name, no diacritics) on an index instead of a
-- scan of every person: a trigram GIN index answers LIKE '%…%' (pg_trgm ships with PostgreSQL
-- and with PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX persons_search_trgm ON persons USING gin (search_key gin_trgm_ops);
