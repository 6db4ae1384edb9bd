import type { Queryable } from "../../db/client.js";

/**
 * The reminder job's SQL (issue 9, point 2). Each reminder is one statement for a whole campaign:
 * the people or units that have not acted are found set-wise over today's tree (unit_paths, the
 * current positions, the campaign's sheets, acknowledgements, plans and reports by their keys), a
 * row per recipient is inserted into `reminders_sent` (ON CONFLICT DO NOTHING) and a notification
 * is written for exactly the rows inserted — so a reminder is sent once, whatever the number of
 * runs, and no query runs per person.
 */

export type ReminderKind = "plan" | "acknowledge" | "register" | "report";

export interface DueCampaign {
  id: string;
  name: string;
  plan_deadline: string | null;
  registration_deadline: string | null;
  report_deadline: string | null;
}

/** Active campaigns whose period has not ended and that have at least one deadline. */
export function listCampaignsWithDeadlines(db: Queryable, today: string) {
  return db.query<DueCampaign>(
    `SELECT id, name, plan_deadline::text, registration_deadline::text, report_deadline::text FROM campaigns
      WHERE status = 'active' AND period_end >= $1::date
        AND (plan_deadline IS NOT NULL OR registration_deadline IS NOT NULL OR report_deadline IS NOT NULL)`,
    [today],
  );
}

// $1 campaign, $2 today, $3 kinds of the units that take part (cells, Front, associations).
// Every CTE below is materialized once and read once; each step into positions, sheets, plans,
// acknowledgements and reports goes through their indexes, so the plan stays a row of index
// lookups per unit or member even where the estimates of a CTE are off (a province: 3,000 units,
// 63,000 members).
const TREE = `
  camp AS (SELECT id, unit_id, name, $3::text[] AS kinds, $4::text AS deadline, $5::text AS standing, $6::text AS cid FROM campaigns WHERE id = $1),
  tree AS MATERIALIZED (
    SELECT DISTINCT ON (p.descendant_id) p.descendant_id AS unit_id, p.depth, u.kind, v.name, v.parent_id
      FROM camp c
      JOIN unit_paths p ON p.ancestor_id = c.unit_id AND p.valid_from <= $2::date AND (p.valid_to IS NULL OR p.valid_to >= $2::date)
      JOIN units u ON u.id = p.descendant_id
      JOIN unit_versions v ON v.unit_id = u.id AND v.valid_from <= $2::date AND (v.valid_to IS NULL OR v.valid_to >= $2::date)
     ORDER BY p.descendant_id, v.valid_from DESC
  )`;

/** A current position in a unit (alias `a`), on today ($2). */
const CURRENT = (a: string) => `${a}.start_date <= $2::date AND (${a}.end_date IS NULL OR ${a}.end_date >= $2::date)`;

/**
 * What has not been done, per kind: members (person_id set) or units (person_id NULL), each row
 * with its unit's name and parent.
 */
const MISSING: Record<ReminderKind, string> = {
  // members of the taking-part units without a sheet sent or approved
  register: `
    SELECT DISTINCT t.unit_id, t.name, t.parent_id, po.person_id, NULL::uuid AS plan_id, NULL::text AS symbol
      FROM tree t JOIN positions po ON po.unit_id = t.unit_id AND ${CURRENT("po")}
     WHERE t.kind = ANY($3::text[])
       AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.campaign_id = $1 AND r.unit_id = t.unit_id AND r.person_id = po.person_id
                          AND r.status IN ('submitted', 'approved'))`,
  // members of a unit whose implementing plan is issued who have not acknowledged it
  acknowledge: `
    SELECT DISTINCT t.unit_id, t.name, t.parent_id, po.person_id, pl.id AS plan_id, pl.symbol
      FROM tree t
      JOIN plans pl ON pl.campaign_id = $1 AND pl.unit_id = t.unit_id AND pl.status = 'issued' AND pl.type_code = 'KH'
      JOIN positions po ON po.unit_id = t.unit_id AND ${CURRENT("po")}
     WHERE NOT EXISTS (SELECT 1 FROM plan_acknowledgements a WHERE a.plan_id = pl.id AND a.person_id = po.person_id)`,
  // taking-part units below the launching unit without an issued implementing plan
  plan: `
    SELECT t.unit_id, t.name, t.parent_id, NULL::uuid AS person_id, NULL::uuid AS plan_id, NULL::text AS symbol
      FROM tree t
     WHERE t.depth > 0 AND t.kind = ANY($3::text[])
       AND NOT EXISTS (SELECT 1 FROM plans pl WHERE pl.campaign_id = $1 AND pl.unit_id = t.unit_id AND pl.type_code = 'KH' AND pl.status IN ('issued', 'superseded'))`,
  // reporting units below the launching unit whose result report is not sent
  report: `
    SELECT t.unit_id, t.name, t.parent_id, NULL::uuid AS person_id, NULL::uuid AS plan_id, NULL::text AS symbol
      FROM tree t
     WHERE t.depth > 0 AND unit_kind_reports(t.kind)
       AND NOT EXISTS (SELECT 1 FROM result_reports r WHERE r.campaign_id = $1 AND r.unit_id = t.unit_id AND r.status = 'submitted')`,
};

/** The secretaries (alias `s`) of the unit `unitExpr`. */
const SECRETARIES = (unitExpr: string) => `JOIN positions s ON s.unit_id = ${unitExpr} AND s.role = 'secretary' AND ${CURRENT("s")}`;

/**
 * A unit's reminder (constant SQL text, no input): before the deadline to its own secretary, after
 * it to the secretary of the unit above.
 */
function unitReminder(missing: string, deadlineWord: string, link: string) {
  const row = (prefix: string, secretaryOf: string) => `
    SELECT m.unit_id, s.person_id,
           '${prefix}: ' || m.name || ' ${missing}' AS title,
           c.name || '. ${deadlineWord} ' || $4 || ' (' || $5 || ').' AS body,
           ${link} AS link, NULL::uuid AS subject_id
      FROM missing m CROSS JOIN camp c ${SECRETARIES(secretaryOf)}`;
  return { before: row("Nhắc hạn", "m.unit_id"), after: row("Quá hạn", "m.parent_id") };
}

// $4 the deadline 'dd/mm/yyyy', $5 where it stands ("còn 3 ngày"), $6 the campaign's id for links
const TEXTS: Record<ReminderKind, { before: string; after: string }> = {
  register: {
    before: `SELECT m.unit_id, m.person_id,
                    'Nhắc hạn đăng ký: đồng chí chưa gửi bảng đăng ký' AS title,
                    m.name || ' — ' || c.name || '. Hạn đăng ký ' || $4 || ' (' || $5 || ').' AS body,
                    '/dang-ky' AS link, $1::uuid AS subject_id
               FROM missing m CROSS JOIN camp c`,
    after: `SELECT m.unit_id, s.person_id,
                   'Quá hạn đăng ký: ' || count(DISTINCT m.person_id) || ' người của ' || m.name || ' chưa gửi bảng đăng ký' AS title,
                   c.name || '. Hạn đăng ký ' || $4 || ' (' || $5 || ').' AS body,
                   '/bang-dang-ky/' || $6 || '/' || m.unit_id AS link, NULL::uuid AS subject_id
              FROM missing m CROSS JOIN camp c ${SECRETARIES("m.unit_id")}
             GROUP BY m.unit_id, s.person_id, m.name, c.name`,
  },
  acknowledge: {
    before: `SELECT m.unit_id, m.person_id,
                    'Nhắc hạn: đồng chí chưa xác nhận đã quán triệt Kế hoạch số ' || coalesce(m.symbol, '') AS title,
                    m.name || ' — ' || c.name || '. Quán triệt trước hạn đăng ký ' || $4 || ' (' || $5 || ').' AS body,
                    '/ke-hoach/' || m.plan_id AS link, m.plan_id AS subject_id
               FROM missing m CROSS JOIN camp c`,
    after: `SELECT m.unit_id, s.person_id,
                   'Quá hạn: ' || count(DISTINCT m.person_id) || ' người của ' || m.name || ' chưa quán triệt Kế hoạch số ' || coalesce(min(m.symbol), '') AS title,
                   c.name || '. Hạn đăng ký ' || $4 || ' (' || $5 || ').' AS body,
                   '/ke-hoach/' || min(m.plan_id::text) AS link, NULL::uuid AS subject_id
              FROM missing m CROSS JOIN camp c ${SECRETARIES("m.unit_id")}
             GROUP BY m.unit_id, s.person_id, m.name, c.name`,
  },
  plan: unitReminder("chưa ban hành kế hoạch thực hiện", "Hạn ban hành", "'/phong-trao/' || $6"),
  report: unitReminder("chưa gửi báo cáo kết quả", "Hạn báo cáo", "'/bao-cao/' || $6 || '/' || m.unit_id"),
};

/** Marks a stage looked at today; false when it already was (another turn of the day did it). */
export async function claimReminderRun(db: Queryable, r: { campaignId: string; kind: ReminderKind; stage: string; today: string }): Promise<boolean> {
  const rows = await db.query(
    "INSERT INTO reminder_runs (campaign_id, kind, stage, day) VALUES ($1, $2, $3, $4::date) ON CONFLICT DO NOTHING RETURNING 1",
    [r.campaignId, r.kind, r.stage, r.today],
  );
  return rows.length > 0;
}

/**
 * The recipients of a reminder not yet reminded at this stage, with its text, as CTEs (`targets`)
 * over the parameters $1–$8 of writeReminders.
 */
export function targetsSql(kind: ReminderKind, stage: string): string {
  return `WITH ${TREE},
       missing AS MATERIALIZED (${MISSING[kind]}),
       targets AS MATERIALIZED (
         SELECT DISTINCT ON (x.unit_id, x.person_id) x.* FROM (${TEXTS[kind][stage === "after" ? "after" : "before"]}) x
          WHERE NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.campaign_id = $1 AND r.kind = $7 AND r.stage = $8
                               AND r.unit_id = x.unit_id AND r.person_id = x.person_id)
       )`;
}

/**
 * Writes one reminder stage of one kind for a campaign: the recipients not yet reminded at this
 * stage get a row in `reminders_sent` and a notification (kind `reminder.<kind>`), both from the
 * same `targets`, so no join of one CTE to another. Runs under the job's advisory lock (no other
 * writer between the check and the insert); the primary key still refuses a second row. Returns
 * how many were written.
 */
export async function writeReminders(
  db: Queryable,
  r: { campaignId: string; today: string; takingPartKinds: readonly string[]; kind: ReminderKind; stage: string; deadline: string; standing: string },
): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `${targetsSql(r.kind, r.stage)},
       sent AS (
         INSERT INTO reminders_sent (campaign_id, kind, stage, unit_id, person_id)
         SELECT $1::uuid, $7, $8, unit_id, person_id FROM targets
         ON CONFLICT DO NOTHING
       ),
       written AS (
         INSERT INTO notifications (person_id, kind, title, body, link, subject_id)
         SELECT person_id, 'reminder.' || $7, title, body, link, subject_id FROM targets
         RETURNING 1
       )
     SELECT count(*)::int AS n FROM written`,
    [r.campaignId, r.today, [...r.takingPartKinds], r.deadline, r.standing, r.campaignId, r.kind, r.stage],
  );
  return rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------- the e-mail digest

export interface DigestItem {
  id: string;
  person_id: string;
  full_name: string;
  email: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: Date;
}

/**
 * Claims, for e-mailing, the unread notifications of the last `withinDays` days not yet e-mailed
 * of people who have an e-mail address and no digest in the last `everyHours` hours: marks them
 * e-mailed and the digest sent, and returns them (the caller sends after its transaction commits).
 */
export function claimDigestItems(db: Queryable, o: { withinDays: number; everyHours: number; limitPeople: number }) {
  return db.query<DigestItem>(
    `WITH people AS (
       SELECT DISTINCT n.person_id FROM notifications n
         JOIN persons pe ON pe.id = n.person_id AND pe.email IS NOT NULL AND btrim(pe.email) <> ''
        WHERE n.read_at IS NULL AND n.emailed_at IS NULL AND n.created_at >= now() - make_interval(days => $1)
          AND NOT EXISTS (SELECT 1 FROM notification_digests d WHERE d.person_id = n.person_id AND d.last_sent_at > now() - make_interval(hours => $2))
        LIMIT $3
     ),
     stamped AS (
       INSERT INTO notification_digests (person_id, last_sent_at) SELECT person_id, now() FROM people
       ON CONFLICT (person_id) DO UPDATE SET last_sent_at = EXCLUDED.last_sent_at
       RETURNING person_id
     ),
     claimed AS (
       UPDATE notifications n SET emailed_at = now()
         FROM stamped s
        WHERE n.person_id = s.person_id AND n.read_at IS NULL AND n.emailed_at IS NULL AND n.created_at >= now() - make_interval(days => $1)
       RETURNING n.id, n.person_id, n.kind, n.title, n.body, n.link, n.created_at
     )
     SELECT c.id, c.person_id, pe.full_name, btrim(pe.email) AS email, c.kind, c.title, c.body, c.link, c.created_at
       FROM claimed c JOIN persons pe ON pe.id = c.person_id
      ORDER BY pe.id, c.created_at, c.id`,
    [o.withinDays, o.everyHours, o.limitPeople],
  );
}

/** Gives back what could not be e-mailed (the SMTP server refused it): the next run tries again. */
export async function releaseDigestItems(db: Queryable, personIds: readonly string[], ids: readonly string[]) {
  await db.query("UPDATE notifications SET emailed_at = NULL WHERE id = ANY($1::uuid[])", [[...ids]]);
  await db.query("DELETE FROM notification_digests WHERE person_id = ANY($1::uuid[])", [[...personIds]]);
}
