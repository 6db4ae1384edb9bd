/**
 * Deadline reminders and the e-mail digest (issue 9, point 2), a turn every few minutes.
 *
 * A turn, in one transaction under an advisory lock (with several instances, one runs a turn and
 * the others skip theirs): for each active campaign and each of its deadlines (the units' plans,
 * registration — also the time to have studied the unit's plan —, the result report), the stage
 * due today by the Vietnamese day (`reminderStage`: 3 and 1 days before by default, then once
 * after) writes its reminders, one statement per stage, each recipient once (`reminders_sent`);
 * a stage is looked at once a day (`reminder_runs`), the day's other turns skip it.
 * Then, when an SMTP server is configured, it claims each person's unread notifications not yet
 * e-mailed and, after the commit, sends each person one e-mail listing them; what the server
 * refuses is given back for the next turn.
 */
import { CASCADE_UNIT_KINDS } from "../features/campaigns/campaigns.queries.js";
import { buildDigestMail, type Mailer } from "../features/notifications/digest.js";
import * as rq from "../features/notifications/reminders.queries.js";
import { todayInVietnam, formatViDate } from "@domain/dates.js";
import { DEFAULT_REMINDER_TIMING, daysLeftPhrase, reminderStage, type ReminderTiming } from "@domain/reminders.js";
import type { Db } from "../db/client.js";
import type { RecurringJob } from "./branch-fold.js";

const REMINDER_LOCK = 7361048;

export interface ReminderTurnOptions {
  /** The Vietnamese day the deadlines are judged by (tests pass one). */
  today?: string;
  timing?: ReminderTiming;
  /** Sends the digest; none (no SMTP configured): the reminders stay in the app only. */
  mailer?: Mailer | null;
  digestEveryHours?: number;
  /** Notifications older than this are never e-mailed (a new server does not mail the past). */
  digestWithinDays?: number;
  publicUrl?: string | null;
  log?: (msg: string) => void;
}

export interface ReminderTurnResult {
  /** False when another instance held the lock and this turn was skipped. */
  ran: boolean;
  reminders: number;
  emails: number;
}

const DEADLINES: { kind: rq.ReminderKind; of: (c: rq.DueCampaign) => string | null }[] = [
  { kind: "plan", of: (c) => c.plan_deadline },
  { kind: "acknowledge", of: (c) => c.registration_deadline },
  { kind: "register", of: (c) => c.registration_deadline },
  { kind: "report", of: (c) => c.report_deadline },
];

/** One turn: the reminders due today, then the digest. */
export async function runReminderTurn(db: Db, opts: ReminderTurnOptions = {}): Promise<ReminderTurnResult> {
  const today = opts.today ?? todayInVietnam();
  const timing = opts.timing ?? DEFAULT_REMINDER_TIMING;
  const log = opts.log ?? ((m: string) => console.error(m));
  const turn = await db.transaction(async (tx) => {
    const lock = await tx.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [REMINDER_LOCK]);
    if (!lock[0]?.ok) return null;
    let reminders = 0;
    for (const c of await rq.listCampaignsWithDeadlines(tx, today)) {
      for (const d of DEADLINES) {
        const deadline = d.of(c);
        const due = reminderStage(deadline, today, timing);
        if (!deadline || !due) continue;
        if (!(await rq.claimReminderRun(tx, { campaignId: c.id, kind: d.kind, stage: due.stage, today }))) continue;
        reminders += await rq.writeReminders(tx, {
          campaignId: c.id,
          today,
          takingPartKinds: CASCADE_UNIT_KINDS,
          kind: d.kind,
          stage: due.stage,
          deadline: formatViDate(deadline),
          standing: daysLeftPhrase(due.daysLeft),
        });
      }
    }
    const items = opts.mailer
      ? await rq.claimDigestItems(tx, { withinDays: opts.digestWithinDays ?? 7, everyHours: opts.digestEveryHours ?? 24, limitPeople: 5000 })
      : [];
    return { reminders, items };
  });
  if (!turn) return { ran: false, reminders: 0, emails: 0 };
  let emails = 0;
  if (opts.mailer && turn.items.length) {
    const byPerson = new Map<string, rq.DigestItem[]>();
    for (const i of turn.items) byPerson.set(i.person_id, [...(byPerson.get(i.person_id) ?? []), i]);
    for (const [personId, items] of byPerson) {
      try {
        await opts.mailer.send(buildDigestMail(items, opts.publicUrl ?? null));
        emails++;
      } catch (err) {
        log(`Không gửi được thư thông báo đến ${items[0]!.email}: ${(err as Error).message}`);
        await rq.releaseDigestItems(db, [personId], items.map((i) => i.id));
      }
    }
  }
  return { ran: true, reminders: turn.reminders, emails };
}

/** Runs `runReminderTurn` every `everyMs` (first turn soon after start) until stopped; a failed turn is logged. */
export function startReminders(db: Db, opts: ReminderTurnOptions & { everyMs: number }): RecurringJob {
  const log = opts.log ?? ((m: string) => console.error(m));
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const turn = () => {
    running = runReminderTurn(db, opts)
      .then(() => undefined)
      .catch((err: unknown) => log(`Gửi nhắc hạn thất bại: ${(err as Error).message}`))
      .finally(() => {
        if (!stopped) schedule(opts.everyMs);
      });
  };
  const schedule = (ms: number) => {
    timer = setTimeout(turn, ms);
    timer.unref();
  };
  schedule(Math.min(opts.everyMs, 5_000));
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      opts.mailer?.close();
    },
  };
}
