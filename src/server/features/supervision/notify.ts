import type { Tx } from "../../db/client.js";
import { notify } from "../notifications/notifications.service.js";

/**
 * In-app notifications to people, written in the caller's transaction (a refused or failed action
 * notifies nobody): the notifications feature's `notify`, under the name this slice uses.
 */
export async function notifyPeople(
  tx: Tx,
  personIds: readonly string[],
  n: { kind: string; title: string; body?: string | null; link?: string | null; subjectId?: string | null },
): Promise<void> {
  await notify(tx, personIds, n);
}
