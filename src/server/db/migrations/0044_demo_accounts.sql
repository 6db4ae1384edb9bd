-- Demo accounts (issue 8, row 10): the accounts the demo seed creates share the published
-- password `demo123`, so they are flagged and may sign in only while the server runs as a demo
-- (SEED_DEMO, or DEMO_ACCOUNTS; see config.ts and docs/SECURITY.md). Every other account, made by
-- an administrator or the CLI, is not a demo account.
ALTER TABLE accounts ADD COLUMN is_demo boolean NOT NULL DEFAULT false;

-- A database seeded before this migration: the seed inserted its accounts and its 'seed.demo'
-- audit record in one transaction, so they carry the same now().
UPDATE accounts a SET is_demo = true
 WHERE a.created_by IS NULL
   AND EXISTS (SELECT 1 FROM audit_log l WHERE l.action = 'seed.demo' AND l.at = a.created_at);
