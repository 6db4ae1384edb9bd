import type { Tx } from "../db/client.js";
import type { Actor } from "../http/actor.js";

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string | null;
  unitId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes the audit record of a mutation inside the mutation's own transaction, so there is never a
 * change without its record nor a record without its change.
 */
export async function recordAction(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.query(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)`, auditParams(actor, entry));
}

/** The audit row's columns and, in the same order, its values: for a write that records its action in its own single statement. */
export const AUDIT_COLUMNS = "actor_account_id, actor_username, action, subject_type, subject_id, unit_id, before, after, ip";

export function auditParams(actor: Actor | null, entry: AuditEntry): unknown[] {
  return [
    actor?.accountId ?? null,
    actor?.username ?? null,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.unitId,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    actor?.ip ?? null,
  ];
}
