import type { SheetStatus } from "@contracts/registrations.js";

/** What coverage needs to know, already loaded. */
export interface CoverageInput {
  members: { personId: string; fullName: string }[];
  registrations: { id: string; personId: string | null; status: Exclude<SheetStatus, "not_registered"> }[];
  commitments: { registrationId: string; criterionItemId: string }[];
  models: { registrationId: string }[];
  criteria: { id: string; code: string; title: string }[];
  items: { id: string; criterionId: string; code: string; title: string; mandatory: boolean }[];
}

export interface CoverageResult {
  memberCount: number;
  counts: Record<SheetStatus, number>;
  collectiveCount: number;
  modelCount: number;
  criteria: {
    id: string;
    code: string;
    title: string;
    registeredMembers: number;
    commitments: number;
    items: { id: string; code: string; title: string; mandatory: boolean; registeredMembers: number; approvedMembers: number; commitments: number; percent: number }[];
  }[];
  missingMandatory: {
    itemId: string;
    code: string;
    title: string;
    people: { personId: string; fullName: string; registrationId: string | null; status: SheetStatus }[];
  }[];
}

const pct = (part: number, total: number) => (total === 0 ? 0 : Math.round((part / total) * 1000) / 10);

/**
 * Coverage of a unit's registration sheet: per criterion and sub-item, how many members
 * registered it (a sheet in any status counts; `approvedMembers` only approved ones), and for
 * every mandatory sub-item (IV.2) the members who have not registered it — with no sheet at all,
 * or a sheet without that item. Status counts are over the members; collectives are counted apart.
 *
 * Why pure: the same numbers feed the sheet page, the reports, and a brute-force test.
 */
export function computeCoverage(input: CoverageInput): CoverageResult {
  const memberIds = new Set(input.members.map((m) => m.personId));
  const personal = new Map<string, CoverageInput["registrations"][number]>();
  let collectiveCount = 0;
  for (const r of input.registrations) {
    if (r.personId === null) collectiveCount += 1;
    else if (memberIds.has(r.personId)) personal.set(r.personId, r);
  }
  const regById = new Map(input.registrations.map((r) => [r.id, r]));

  const counts: Record<SheetStatus, number> = { not_registered: 0, draft: 0, submitted: 0, approved: 0, returned: 0 };
  for (const m of input.members) counts[personal.get(m.personId)?.status ?? "not_registered"] += 1;

  // item → members who registered it (any status / approved), and its commitment count
  const registered = new Map<string, Set<string>>();
  const approved = new Map<string, Set<string>>();
  const commitmentCount = new Map<string, number>();
  for (const c of input.commitments) {
    const r = regById.get(c.registrationId);
    if (!r) continue;
    commitmentCount.set(c.criterionItemId, (commitmentCount.get(c.criterionItemId) ?? 0) + 1);
    if (r.personId === null || !memberIds.has(r.personId)) continue;
    if (!registered.has(c.criterionItemId)) registered.set(c.criterionItemId, new Set());
    registered.get(c.criterionItemId)!.add(r.personId);
    if (r.status === "approved") {
      if (!approved.has(c.criterionItemId)) approved.set(c.criterionItemId, new Set());
      approved.get(c.criterionItemId)!.add(r.personId);
    }
  }

  const memberCount = input.members.length;
  const criteria = input.criteria.map((cr) => {
    const items = input.items
      .filter((i) => i.criterionId === cr.id)
      .map((i) => {
        const n = registered.get(i.id)?.size ?? 0;
        return {
          id: i.id,
          code: i.code,
          title: i.title,
          mandatory: i.mandatory,
          registeredMembers: n,
          approvedMembers: approved.get(i.id)?.size ?? 0,
          commitments: commitmentCount.get(i.id) ?? 0,
          percent: pct(n, memberCount),
        };
      });
    const people = new Set<string>();
    for (const i of items) for (const p of registered.get(i.id) ?? []) people.add(p);
    return { id: cr.id, code: cr.code, title: cr.title, registeredMembers: people.size, commitments: items.reduce((s, i) => s + i.commitments, 0), items };
  });

  const missingMandatory = input.items
    .filter((i) => i.mandatory)
    .map((i) => ({
      itemId: i.id,
      code: i.code,
      title: i.title,
      people: input.members
        .filter((m) => !registered.get(i.id)?.has(m.personId))
        .map((m) => {
          const r = personal.get(m.personId);
          return { personId: m.personId, fullName: m.fullName, registrationId: r?.id ?? null, status: (r?.status ?? "not_registered") as SheetStatus };
        }),
    }));

  const regIds = new Set(input.registrations.map((r) => r.id));
  return {
    memberCount,
    counts,
    collectiveCount,
    modelCount: input.models.filter((m) => regIds.has(m.registrationId)).length,
    criteria,
    missingMandatory,
  };
}
