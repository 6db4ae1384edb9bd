/**
 * Folds the branch deltas into the branch counts (migration 0043) every few seconds. Writers only
 * append deltas, so they never queue on an ancestor's row; readers add the deltas not folded yet,
 * so folding changes how much a roll-up reads, never what it shows. Safe with several instances:
 * the fold takes an advisory lock and an instance that does not get it skips its turn.
 */
import type { Queryable } from "../db/client.js";

export async function foldBranchCounts(db: Queryable): Promise<number> {
  const r = await db.query<{ n: number }>("SELECT branch_counts_fold() AS n");
  return r[0]?.n ?? 0;
}

export interface RecurringJob {
  stop(): Promise<void>;
}

/** Runs `foldBranchCounts` every `everyMs` until stopped; a failed turn is logged and the next one runs. */
export function startBranchFold(db: Queryable, opts: { everyMs?: number; log?: (msg: string) => void } = {}): RecurringJob {
  const everyMs = opts.everyMs ?? 2_000;
  const log = opts.log ?? ((m: string) => console.error(m));
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const turn = () => {
    running = foldBranchCounts(db)
      .then(() => undefined)
      .catch((err: unknown) => log(`Gộp số liệu nhánh thất bại: ${(err as Error).message}`))
      .finally(() => {
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(turn, everyMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
