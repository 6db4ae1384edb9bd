import type { z } from "zod";
import { SUBJECT_KIND_LABELS, type ProposeBody } from "@contracts/commendations.js";
import { todayInVietnam } from "@domain/dates.js";
import { RATING_LABELS, VIOLATION_KIND_LABELS } from "@domain/ratings.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db, Queryable } from "../../db/client.js";
import { canView, visibleUnitIds, type Actor } from "../../http/actor.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../../http/errors.js";
import * as reads from "../supervision/campaign-reads.queries.js";
import { notifyPeople } from "../supervision/notify.js";
import { assertCanReadCommendations, canDecide, canPropose, canReadCommendations, canWithdraw } from "./commendations.policy.js";
import { listScopeSubtree } from "../units/units.queries.js";
import * as q from "./commendations.queries.js";

/** Units that propose: party cells and mass organisations taking part in the campaign. */
export const PROPOSING_KINDS = ["party_cell", "mass_organization"];

/** The campaigns and units whose proposals the actor may read, with status counts. */
export async function listCommendationUnits(opts: { db: Db; actor: Actor }) {
  const { db, actor } = opts;
  const today = todayInVietnam();
  const rows = (await reads.listCampaignUnits(db, { units: visibleUnitIds(actor), kinds: PROPOSING_KINDS, today })).filter((r) =>
    canReadCommendations(actor, r.unit_id, r.parent_id),
  );
  const campaignIds = [...new Set(rows.map((r) => r.campaign_id))];
  const counts = rows.length ? await q.countByUnit(db, campaignIds, [...new Set(rows.map((r) => r.unit_id))]) : [];
  const campaigns = [];
  for (const id of campaignIds) {
    const c = (await reads.getCampaign(db, id))!;
    const unit = await reads.getUnitInfo(db, c.unit_id, today);
    campaigns.push({ id: c.id, name: c.name, year: c.year, unitId: c.unit_id, unitName: unit?.name ?? "", canViewAll: canView(actor, c.unit_id), closed: c.status === "closed" });
  }
  return { rows, counts, campaigns };
}

async function loadCampaignUnit(db: Queryable, actor: Actor, campaignId: string, unitId: string) {
  const today = todayInVietnam();
  const [campaign, unit] = await Promise.all([reads.getCampaign(db, campaignId), reads.getUnitInfo(db, unitId, today)]);
  if (!campaign || !unit) throw notFound();
  assertCanReadCommendations(actor, unitId, unit.parent_id);
  if (!(await reads.isUnitInCampaign(db, campaign.unit_id, unitId, today))) throw notFound("Đơn vị không tham gia phong trào này");
  return { campaign, unit, today };
}

/**
 * Proposals of a campaign the actor may read: those of one unit and the units under it (the
 * commune sees every cell's), or of every readable unit.
 */
export async function listProposals(opts: { db: Db; actor: Actor; campaignId: string; unitId?: string | undefined; status?: string | undefined }) {
  const { db, actor } = opts;
  const today = todayInVietnam();
  let units: string[] | null = visibleUnitIds(actor);
  if (opts.unitId) {
    const unit = await reads.getUnitInfo(db, opts.unitId, today);
    if (!unit || (!canView(actor, unit.id) && !canReadCommendations(actor, unit.id, unit.parent_id))) throw notFound();
    const subtree = await listScopeSubtree(db, unit.id, today);
    units = units === null ? subtree : subtree.filter((u) => units!.includes(u));
  }
  const rows = await q.listProposals(db, { today, campaignId: opts.campaignId, units, status: opts.status ?? null });
  const parents = new Map<string, string | null>();
  for (const id of new Set(rows.map((r) => r.unit_id))) parents.set(id, (await reads.getUnitInfo(db, id, today))?.parent_id ?? null);
  return rows.filter((r) => canReadCommendations(actor, r.unit_id, parents.get(r.unit_id) ?? null)).map((r) => withAbilities(actor, r, parents.get(r.unit_id) ?? null));
}

function withAbilities(actor: Actor, row: q.ProposalRow, parentId: string | null) {
  const warnings: string[] = [];
  if (row.subject_kind === "person" && row.rating === "incomplete") warnings.push(`Được xếp loại ${RATING_LABELS.incomplete} trong đợt đánh giá`);
  return {
    row,
    warnings,
    canDecide: row.status === "proposed" && canDecide(actor, parentId),
    canWithdraw: row.status === "proposed" && canWithdraw(actor, row.unit_id, parentId),
  };
}

/**
 * Who the cell may propose: members with their rating (excellent = the natural candidate,
 * incomplete or a recorded violation = a warning), registered collectives and models.
 */
export async function listCandidates(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }) {
  const { db, actor } = opts;
  const { campaign, unit } = await loadCampaignUnit(db, actor, opts.campaignId, opts.unitId);
  const period = { from: campaign.period_start, to: campaign.period_end };
  const [members, ratings, violations, collectives, models, proposals] = await Promise.all([
    reads.listCampaignMembers(db, { campaignId: campaign.id, unitId: unit.id, ...period }),
    q.listRatings(db, campaign.id, unit.id),
    reads.listUnitViolations(db, campaign.id, unit.id),
    q.listCollectives(db, campaign.id, unit.id),
    q.listModels(db, campaign.id, unit.id),
    q.listProposals(db, { today: todayInVietnam(), campaignId: campaign.id, units: [unit.id] }),
  ]);
  const active = proposals.filter((p) => p.status !== "declined");
  const collectiveNames = [...new Set([unit.name, ...collectives])];
  return {
    canPropose: canPropose(actor, unit.id, unit.parent_id),
    people: members
      .map((m) => {
        const r = ratings.find((x) => x.person_id === m.person_id) ?? null;
        return {
          personId: m.person_id,
          fullName: m.full_name,
          rating: r?.rating ?? null,
          score: r?.score ?? null,
          warning: personWarning(r?.rating ?? null, violations.filter((v) => v.person_id === m.person_id)),
          alreadyProposed: active.some((p) => p.person_id === m.person_id),
        };
      })
      .sort((a, b) => Number(b.rating === "excellent") - Number(a.rating === "excellent")),
    collectives: collectiveNames.map((name) => ({ name, alreadyProposed: active.some((p) => p.collective_name?.toLowerCase() === name.toLowerCase()) })),
    models: models.map((m) => ({ ...m, alreadyProposed: active.some((p) => p.model_id === m.id) })),
  };
}

/** Why proposing this member deserves a second thought (a warning, never a block). */
function personWarning(rating: string | null, violations: reads.ViolationRow[]): string | null {
  const parts: string[] = [];
  if (rating === "incomplete") parts.push(`được xếp loại “${RATING_LABELS.incomplete}”`);
  if (violations.length > 0) parts.push(`có ${violations.length} vi phạm được ghi nhận (${violations.map((v) => VIOLATION_KIND_LABELS[v.kind]).join(", ")})`);
  return parts.length ? `Người này ${parts.join(" và ")} trong đợt thi đua` : null;
}

/** The cell proposes an exemplary member, collective or model with their achievements. */
export async function propose(opts: { db: Db; actor: Actor } & z.infer<typeof ProposeBody>) {
  const { db, actor } = opts;
  const { campaign, unit } = await loadCampaignUnit(db, actor, opts.campaignId, opts.unitId);
  if (!canPropose(actor, unit.id, unit.parent_id)) {
    throw forbidden(
      canDecide(actor, unit.parent_id)
        ? "Đề xuất tuyên dương do chi bộ lập; cấp ủy cấp trên là cấp quyết định nên không đề xuất thay"
        : "Chỉ cấp ủy quản lý đơn vị được đề xuất tuyên dương",
    );
  }
  if (!PROPOSING_KINDS.includes(unit.kind)) throw invalid("Đơn vị này không đề xuất tuyên dương trong phong trào", [{ path: "unitId", message: "Không hợp lệ" }]);
  const subject = {
    personId: opts.subjectKind === "person" ? (opts.personId ?? null) : null,
    collectiveName: opts.subjectKind === "collective" ? (opts.collectiveName ?? null) : null,
    modelId: opts.subjectKind === "model" ? (opts.modelId ?? null) : null,
  };
  const warnings: string[] = [];
  if (subject.personId) {
    const member = await reads.isCampaignMember(db, { campaignId: campaign.id, unitId: unit.id, personId: subject.personId, from: campaign.period_start, to: campaign.period_end });
    if (!member) throw invalid("Người được đề xuất không sinh hoạt tại đơn vị trong phong trào", [{ path: "personId", message: "Không phải thành viên" }]);
    const rating = (await q.listRatings(db, campaign.id, unit.id)).find((r) => r.person_id === subject.personId)?.rating ?? null;
    const violations = (await reads.listUnitViolations(db, campaign.id, unit.id)).filter((v) => v.person_id === subject.personId);
    const w = personWarning(rating, violations);
    if (w) warnings.push(w);
  }
  if (subject.modelId) {
    const m = await q.getModelUnit(db, subject.modelId);
    if (!m || m.campaign_id !== campaign.id || m.unit_id !== unit.id || m.status === "draft") {
      throw invalid("Mô hình không thuộc đơn vị trong phong trào này", [{ path: "modelId", message: "Không hợp lệ" }]);
    }
  }
  const values = { campaignId: campaign.id, unitId: unit.id, subjectKind: opts.subjectKind, ...subject, achievements: opts.achievements };
  if (await q.findActiveDuplicate(db, values)) throw conflict(`${SUBJECT_KIND_LABELS[opts.subjectKind]} này đã được đề xuất trong phong trào`);
  const id = await db.transaction(async (tx) => {
    const newId = await q.insertProposal(tx, { ...values, createdBy: actor.accountId });
    await recordAction(tx, actor, { action: "commendation.propose", subjectType: "commendation_proposal", subjectId: newId, unitId: unit.id, after: { ...values, warnings } });
    if (unit.parent_id) {
      await notifyPeople(tx, await reads.listSecretaries(tx, unit.parent_id, todayInVietnam()), {
        kind: "commendation.proposed",
        title: `${unit.name} đề xuất tuyên dương`,
        body: campaign.name,
        link: "/khen-thuong",
        subjectId: newId,
      });
    }
    return newId;
  });
  return { id, warnings };
}

async function loadProposal(db: Queryable, actor: Actor, id: string) {
  const today = todayInVietnam();
  const p = await q.getProposal(db, id, today);
  if (!p) throw notFound("Không tìm thấy đề xuất");
  const unit = await reads.getUnitInfo(db, p.unit_id, today);
  assertCanReadCommendations(actor, p.unit_id, unit?.parent_id ?? null);
  return { p, parentId: unit?.parent_id ?? null, today };
}

function subjectName(p: q.ProposalRow) {
  return p.person_name ?? p.collective_name ?? p.model_name ?? "";
}

/** The committee above (the commune) approves or declines (with a reason) a proposal. */
export async function decide(opts: { db: Db; actor: Actor; id: string; decision: "approved" | "declined"; reason: string | null }) {
  const { db, actor } = opts;
  const { p, parentId, today } = await loadProposal(db, actor, opts.id);
  if (!canDecide(actor, parentId)) throw forbidden("Chỉ cấp ủy cấp trên (Đảng ủy xã) được quyết định tuyên dương");
  if (p.status !== "proposed") throw new AppError("INVALID_STATE", "Đề xuất này đã được quyết định");
  if (opts.decision === "declined" && !opts.reason) throw invalid("Vui lòng nêu lý do không duyệt", [{ path: "reason", message: "Bắt buộc" }]);
  const notify = [...(await reads.listSecretaries(db, p.unit_id, today))];
  const creator = p.created_by ? (await db.query<{ person_id: string | null }>("SELECT person_id FROM accounts WHERE id = $1", [p.created_by]))[0]?.person_id : null;
  if (creator) notify.push(creator);
  await db.transaction(async (tx) => {
    if ((await q.lockProposal(tx, p.id)) !== "proposed") throw new AppError("INVALID_STATE", "Đề xuất này đã được quyết định");
    await q.decideProposal(tx, p.id, { status: opts.decision, reason: opts.decision === "declined" ? opts.reason : null, by: actor.accountId });
    await recordAction(tx, actor, {
      action: opts.decision === "approved" ? "commendation.approve" : "commendation.decline",
      subjectType: "commendation_proposal",
      subjectId: p.id,
      unitId: p.unit_id,
      before: { status: "proposed" },
      after: { status: opts.decision, reason: opts.decision === "declined" ? opts.reason : null, subject: subjectName(p) },
    });
    await notifyPeople(tx, notify.filter((x) => x !== actor.personId), {
      kind: `commendation.${opts.decision}`,
      title: opts.decision === "approved" ? `Đề xuất tuyên dương ${subjectName(p)} đã được duyệt` : `Đề xuất tuyên dương ${subjectName(p)} không được duyệt`,
      body: opts.decision === "declined" ? `Lý do: ${opts.reason}` : p.campaign_name,
      link: "/khen-thuong",
      subjectId: p.id,
    });
  });
}

/** The proposing unit withdraws a proposal not decided yet. */
export async function withdraw(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor } = opts;
  const { p, parentId } = await loadProposal(db, actor, opts.id);
  if (!canWithdraw(actor, p.unit_id, parentId)) {
    throw forbidden(canDecide(actor, parentId) ? "Cấp trên không rút đề xuất của đơn vị; hãy trả lời “Không duyệt” kèm lý do" : "Chỉ đơn vị đề xuất được rút đề xuất");
  }
  if (p.status !== "proposed") throw new AppError("INVALID_STATE", "Đề xuất đã được quyết định, không thể rút");
  await db.transaction(async (tx) => {
    if ((await q.lockProposal(tx, p.id)) !== "proposed") throw new AppError("INVALID_STATE", "Đề xuất đã được quyết định, không thể rút");
    await q.deleteProposal(tx, p.id);
    await recordAction(tx, actor, {
      action: "commendation.withdraw",
      subjectType: "commendation_proposal",
      subjectId: p.id,
      unitId: p.unit_id,
      before: { subjectKind: p.subject_kind, subject: subjectName(p), achievements: p.achievements },
    });
  });
}

/** The commended of a campaign in a unit's subtree, grouped by proposing unit (the commune's roll-up). */
export async function listCommended(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }) {
  const { db, actor } = opts;
  const today = todayInVietnam();
  const [campaign, unit] = await Promise.all([reads.getCampaign(db, opts.campaignId), reads.getUnitInfo(db, opts.unitId, today)]);
  if (!campaign || !unit) throw notFound();
  if (!canView(actor, unit.id) && !canReadCommendations(actor, unit.id, unit.parent_id)) throw notFound();
  const rows = await listProposals({ db, actor, campaignId: campaign.id, unitId: unit.id, status: "approved" });
  return { campaign, unit, rows };
}
