import type { z } from "zod";
import type { CommitmentInput, CreateRegistrationBody, ModelInput, SheetStatus, UpdateRegistrationBody } from "@contracts/registrations.js";
import { MODEL_FIELDS } from "@domain/criteria.js";
import { commitmentDateProblems } from "@domain/commitment-dates.js";
import { todayInVietnam } from "@domain/dates.js";
import { searchKey } from "@domain/vietnamese-text.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db, Queryable } from "../../db/client.js";
import { canView, holdsPosition, type Actor } from "../../http/actor.js";
import { refuseBulk, refusalOf, type BulkRefusal } from "../../http/bulk.js";
import { AppError, conflict, forbidden, invalid, notFound, type ErrorDetail } from "../../http/errors.js";
import { markSubjectRead, notify } from "../notifications/notifications.service.js";
import { computeCoverage } from "./registrations.coverage.js";
import {
  campaignOpen,
  canAuthor,
  canPostProgress,
  canRegisterCollective,
  canReview,
  canViewRegistration,
  canViewSheet,
  holdsAnyPosition,
  isEditable,
  mayReview,
  selfReview,
} from "./registrations.policy.js";
import { displayName, presentCampaign, presentRegistrationDetail, statusLabel } from "./registrations.present.js";
import * as units from "../units/units.queries.js";
import * as q from "./registrations.queries.js";
import { refreshCommitmentOutcomes } from "./commitments.js";

type CommitmentIn = z.output<typeof CommitmentInput>;
type ModelIn = z.output<typeof ModelInput>;

const NOT_FOUND_REGISTRATION = "Không tìm thấy bảng đăng ký";
const NOT_FOUND_CAMPAIGN = "Không tìm thấy phong trào thi đua";

// ---------------------------------------------------------------- loading and visibility

/** The campaign and the units taking part; 404 when the actor sees none of them. */
/**
 * The campaign, if the actor sees some unit taking part in it: its launching unit is in the actor's
 * view, or one of the actor's own units (scope roots, positions) lies under it. Probes of the
 * closure, never the campaign's whole subtree (a province's campaign has thousands of units).
 */
async function loadCampaign(db: Queryable, actor: Actor, campaignId: string) {
  const campaign = await q.getCampaign(db, campaignId);
  if (!campaign || campaign.status === "draft") throw notFound(NOT_FOUND_CAMPAIGN);
  const own = [...actor.scopes.map((s) => s.unitId), ...actor.positions.map((p) => p.unitId)];
  const sees = actor.isAdmin || canView(actor, campaign.unit_id) || (await units.anyInScopeSubtree(db, campaign.unit_id, own, campaign.period_end));
  if (!sees) throw notFound(NOT_FOUND_CAMPAIGN);
  return campaign;
}

/** Refuses a unit outside the campaign's tree (the permissions' tree at the campaign's end). */
async function assertTakesPart(db: Queryable, campaign: q.CampaignRow, unitId: string) {
  if (!(await units.isInScopeSubtree(db, campaign.unit_id, unitId, campaign.period_end))) {
    throw invalid("Đơn vị không tham gia phong trào này", [{ path: "unitId", message: "Đơn vị không thuộc phạm vi phong trào" }]);
  }
}

async function loadRegistration(db: Queryable, actor: Actor, id: string) {
  const reg = await q.getRegistration(db, id);
  if (!reg || !canViewRegistration(actor, reg)) throw notFound(NOT_FOUND_REGISTRATION);
  const campaign = (await q.getCampaign(db, reg.campaign_id))!;
  return { reg, campaign };
}

async function unitName(db: Queryable, unitId: string, asOf: string) {
  return (await q.unitNames(db, [unitId], asOf)).get(unitId)?.name ?? "";
}

/** The name the unit had during the campaign (a 2020 sheet shows 2020's names). */
function campaignDate(c: q.CampaignRow, today: string) {
  return today < c.period_end ? (today > c.period_start ? today : c.period_start) : c.period_end;
}

// ---------------------------------------------------------------- reads

/** Campaigns I take part in: my own sheet per unit where I hold a position, and the sheets I may oversee. */
export async function listRegistrationCampaigns(opts: { db: Db; actor: Actor }) {
  const { db, actor } = opts;
  const visible = actor.isAdmin ? null : [...new Set([...actor.viewUnits, ...actor.manageUnits])];
  if (visible && visible.length === 0) return [];
  const campaigns = await q.listCampaignsForUnits(db, visible);
  const today = todayInVietnam();
  const out = [];
  for (const c of campaigns) {
    const asOf = campaignDate(c, today);
    const names = await q.unitNames(db, c.unit_ids, asOf);
    const mineUnits = actor.personId ? c.unit_ids.filter((u) => holdsAnyPosition(actor, u)) : [];
    const mine = [];
    for (const u of mineUnits) {
      const regId = await q.findPersonalRegistration(db, c.id, u, actor.personId!);
      const reg = regId ? await q.getRegistration(db, regId) : null;
      mine.push({
        unit: { id: u, name: names.get(u)?.name ?? "" },
        registration: reg ? { id: reg.id, status: reg.status, statusLabel: statusLabel(reg.status), late: reg.submitted_late } : null,
      });
    }
    const sheetUnits = c.unit_ids
      .filter((u) => canViewSheet(actor, u) && names.get(u)?.kind !== "hamlet") // hamlets are places, not bodies with members
      .map((u) => ({ id: u, name: names.get(u)?.name ?? "", kind: names.get(u)?.kind ?? "", canReview: canReview(actor, u) }))
      .sort((a, b) => sheetKindOrder(a.kind) - sheetKindOrder(b.kind) || a.name.localeCompare(b.name, "vi"))
      .map(({ kind: _kind, ...u }) => u);
    if (mine.length === 0 && sheetUnits.length === 0) continue;
    out.push({ ...presentCampaign(c), mine, sheetUnits });
  }
  return out;
}

const SHEET_KIND_ORDER = ["party_cell", "mass_organization", "fatherland_front", "mass_mobilization_office", "peoples_committee"];
function sheetKindOrder(kind: string) {
  const i = SHEET_KIND_ORDER.indexOf(kind);
  return i === -1 ? SHEET_KIND_ORDER.length : i;
}

/** The campaign's criteria and sub-items, for the registration form. */
export async function getCampaignCriteria(opts: { db: Db; actor: Actor; campaignId: string }) {
  const campaign = await loadCampaign(opts.db, opts.actor, opts.campaignId);
  const [criteria, items] = await Promise.all([q.listCriteria(opts.db, campaign.criteria_set_id), q.listCriterionItems(opts.db, campaign.criteria_set_id)]);
  return {
    campaign: presentCampaign(campaign),
    criteria: criteria.map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      items: items.filter((i) => i.criterion_id === c.id).map((i) => ({ id: i.id, code: i.code, title: i.title, guidance: i.guidance, mandatory: i.mandatory })),
    })),
    modelFields: Object.entries(MODEL_FIELDS).map(([code, label]) => ({ code, label })),
  };
}

/** One registration with its commitments, models and what the actor may do with it. */
export async function getRegistrationDetail(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor } = opts;
  const { reg, campaign } = await loadRegistration(db, actor, opts.id);
  const today = todayInVietnam();
  const [commitments, models, items, name] = await Promise.all([
    q.listCommitments(db, [reg.id]),
    q.listModels(db, [reg.id]),
    q.listCriterionItems(db, campaign.criteria_set_id),
    unitName(db, reg.unit_id, campaignDate(campaign, today)),
  ]);
  const author = canAuthor(actor, reg, holdsAnyPosition(actor, reg.unit_id));
  const open = campaignOpen(campaign);
  const registeredItems = new Set(commitments.map((c) => c.criterion_item_id));
  const review = reg.status === "submitted" && (await reviewContext(db, reg).then((x) => mayReview(actor, reg, x.authors, x.secretaries)));
  return presentRegistrationDetail({
    reg,
    campaign,
    unitName: name,
    commitments,
    models,
    missingMandatory: reg.person_id ? items.filter((i) => i.mandatory && !registeredItems.has(i.id)).map((i) => ({ id: i.id, code: i.code, title: i.title })) : [],
    can: {
      edit: author && open && isEditable(reg.status),
      submit: author && open && isEditable(reg.status),
      withdraw: author && open && reg.status === "submitted",
      review,
      postProgress: canPostProgress(actor, reg) && reg.status === "approved",
    },
    today,
  });
}

// ---------------------------------------------------------------- content validation

/**
 * Problems with a sheet's content against its campaign: every commitment's sub-item must belong
 * to the campaign's criteria set, dates within the campaign period, start before deadline;
 * ids of revised commitments/models must be this registration's own.
 */
function checkContent(
  campaign: q.CampaignRow,
  itemIds: Set<string>,
  body: { commitments: CommitmentIn[]; models: ModelIn[] },
  existing: { commitments: Set<string>; models: Set<string> },
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const period = { start: campaign.period_start, end: campaign.period_end };
  body.commitments.forEach((c, i) => {
    const path = `commitments.${i}`;
    if (c.id && !existing.commitments.has(c.id)) details.push({ path: `${path}.id`, message: "Việc làm này không thuộc bảng đăng ký" });
    if (!itemIds.has(c.criterionItemId)) details.push({ path: `${path}.criterionItemId`, message: "Nội dung không thuộc bộ tiêu chí của phong trào" });
    // the same rule as the Excel import (src/domain/commitment-dates.ts)
    for (const p of commitmentDateProblems({ startDate: c.startDate ?? null, deadline: c.deadline }, period)) details.push({ path: `${path}.${p.field}`, message: p.message });
  });
  const seen = new Set<string>();
  body.commitments.forEach((c, i) => {
    if (c.id && seen.has(c.id)) details.push({ path: `commitments.${i}.id`, message: "Việc làm bị lặp" });
    if (c.id) seen.add(c.id);
  });
  body.models.forEach((m, i) => {
    if (m.id && !existing.models.has(m.id)) details.push({ path: `models.${i}.id`, message: "Mô hình này không thuộc bảng đăng ký" });
  });
  return details;
}

async function validateContent(db: Queryable, campaign: q.CampaignRow, body: { commitments: CommitmentIn[]; models: ModelIn[] }, existing = { commitments: new Set<string>(), models: new Set<string>() }) {
  const items = await q.listCriterionItems(db, campaign.criteria_set_id);
  const details = checkContent(campaign, new Set(items.map((i) => i.id)), body, existing);
  if (details.length) throw invalid("Bảng đăng ký chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu", details);
}

const commitmentValues = (c: CommitmentIn, sort: number): q.CommitmentValues => ({
  criterionItemId: c.criterionItemId,
  action: c.action,
  target: c.target,
  place: c.place,
  startDate: c.startDate,
  deadline: c.deadline,
  sort,
});
const modelValues = (m: ModelIn): q.ModelValues => ({
  name: m.name,
  field: m.field,
  address: m.address,
  content: m.content,
  expectedResult: m.expectedResult,
  participants: m.participants,
});

function isUniqueViolation(err: unknown) {
  return (err as { code?: string } | null)?.code === "23505";
}
function isForeignKeyViolation(err: unknown) {
  return (err as { code?: string } | null)?.code === "23503";
}

function assertOpen(campaign: q.CampaignRow) {
  if (!campaignOpen(campaign)) {
    throw new AppError("INVALID_STATE", campaign.status === "closed" ? "Phong trào đã kết thúc, không thể đăng ký hoặc sửa bảng đăng ký" : "Phong trào chưa phát động");
  }
}

// ---------------------------------------------------------------- writes

/**
 * Creates a draft sheet: the member's own (they hold a position in the unit), or a collective's
 * (the unit's manager names the collective). One sheet per member, or per collective name, per
 * campaign and unit.
 */
export async function createRegistration(opts: { db: Db; actor: Actor } & z.output<typeof CreateRegistrationBody>) {
  const { db, actor, campaignId, unitId, collectiveName } = opts;
  const campaign = await loadCampaign(db, actor, campaignId);
  if (!canView(actor, unitId) && !holdsAnyPosition(actor, unitId)) throw notFound("Không tìm thấy đơn vị");
  await assertTakesPart(db, campaign, unitId);
  let personId: string | null = null;
  if (collectiveName) {
    if (!canRegisterCollective(actor, unitId)) throw forbidden("Chỉ Bí thư hoặc người quản lý đơn vị mới đăng ký cho tập thể");
  } else {
    if (!actor.personId || !holdsAnyPosition(actor, unitId)) throw forbidden("Bạn chỉ đăng ký được tại đơn vị mình đang sinh hoạt");
    personId = actor.personId;
  }
  assertOpen(campaign);
  await validateContent(db, campaign, opts);
  const existing = personId
    ? await q.findPersonalRegistration(db, campaignId, unitId, personId)
    : await q.findCollectiveRegistration(db, campaignId, unitId, collectiveName!);
  if (existing) throw conflict(personId ? "Bạn đã có bảng đăng ký trong phong trào này" : `Tập thể “${collectiveName}” đã có bảng đăng ký`);
  try {
    return await db.transaction(async (tx) => {
      const id = await q.insertRegistration(tx, { campaignId, unitId, personId, collectiveName });
      const commitmentIds = [];
      for (const [i, c] of opts.commitments.entries()) commitmentIds.push(await q.insertCommitment(tx, id, commitmentValues(c, i)));
      for (const m of opts.models) await q.insertModel(tx, id, modelValues(m));
      await recordAction(tx, actor, {
        action: "registration.create",
        subjectType: "registration",
        subjectId: id,
        unitId,
        after: { campaignId, personId, collectiveName, commitments: opts.commitments, models: opts.models },
      });
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("Đã có bảng đăng ký này");
    throw err;
  }
}

/** Loads a registration the actor authors, ready for a content change or a submission. */
async function loadForAuthoring(db: Queryable, actor: Actor, id: string) {
  const { reg, campaign } = await loadRegistration(db, actor, id);
  if (!canAuthor(actor, reg, holdsAnyPosition(actor, reg.unit_id))) {
    throw forbidden(reg.person_id ? "Bạn chỉ được sửa bảng đăng ký của chính mình" : "Chỉ Bí thư hoặc người quản lý đơn vị mới sửa bảng đăng ký của tập thể");
  }
  if (reg.status === "approved") throw new AppError("LOCKED", "Bảng đăng ký đã được duyệt, không thể sửa");
  if (reg.status === "submitted") throw new AppError("INVALID_STATE", "Bảng đăng ký đang chờ duyệt, không thể sửa");
  assertOpen(campaign);
  return { reg, campaign };
}

/**
 * Replaces the content of a draft or returned sheet: commitments and models with an id are
 * revised, new ones added, the ones left out removed.
 */
export async function updateRegistration(opts: { db: Db; actor: Actor; id: string } & z.output<typeof UpdateRegistrationBody>) {
  const { db, actor, id } = opts;
  const { reg, campaign } = await loadForAuthoring(db, actor, id);
  if (opts.collectiveName !== undefined && reg.person_id !== null) {
    throw invalid("Bảng đăng ký cá nhân không có tên tập thể", [{ path: "collectiveName", message: "Không áp dụng cho bảng đăng ký cá nhân" }]);
  }
  const [beforeCommitments, beforeModels] = await Promise.all([q.listCommitments(db, [id]), q.listModels(db, [id])]);
  await validateContent(db, campaign, opts, { commitments: new Set(beforeCommitments.map((c) => c.id)), models: new Set(beforeModels.map((m) => m.id)) });
  if (opts.collectiveName && opts.collectiveName.toLowerCase() !== (reg.collective_name ?? "").toLowerCase()) {
    const other = await q.findCollectiveRegistration(db, reg.campaign_id, reg.unit_id, opts.collectiveName);
    if (other && other !== id) throw conflict(`Tập thể “${opts.collectiveName}” đã có bảng đăng ký`);
  }
  try {
    await db.transaction(async (tx) => {
      const status = await q.lockRegistration(tx, id);
      if (!status || !isEditable(status)) throw new AppError("INVALID_STATE", "Bảng đăng ký vừa được gửi hoặc duyệt, không thể sửa");
      const keepC = new Set(opts.commitments.flatMap((c) => (c.id ? [c.id] : [])));
      await q.deleteCommitments(tx, beforeCommitments.filter((c) => !keepC.has(c.id)).map((c) => c.id));
      for (const [i, c] of opts.commitments.entries()) {
        if (c.id) await q.updateCommitment(tx, c.id, commitmentValues(c, i));
        else await q.insertCommitment(tx, id, commitmentValues(c, i));
      }
      // a commitment moved to another criterion may now be broken by a violation of another kind
      await refreshCommitmentOutcomes(tx, { commitmentIds: opts.commitments.flatMap((c) => (c.id ? [c.id] : [])) });
      const keepM = new Set(opts.models.flatMap((m) => (m.id ? [m.id] : [])));
      await q.deleteModels(tx, beforeModels.filter((m) => !keepM.has(m.id)).map((m) => m.id));
      for (const m of opts.models) {
        if (m.id) await q.updateModel(tx, m.id, modelValues(m));
        else await q.insertModel(tx, id, modelValues(m));
      }
      await q.touchRegistration(tx, id, opts.collectiveName);
      await recordAction(tx, actor, {
        action: "registration.update",
        subjectType: "registration",
        subjectId: id,
        unitId: reg.unit_id,
        before: {
          collectiveName: reg.collective_name,
          commitments: beforeCommitments.map((c) => ({ id: c.id, criterionItemId: c.criterion_item_id, action: c.action, target: c.target, place: c.place, startDate: c.start_date, deadline: c.deadline })),
          models: beforeModels.map((m) => ({ id: m.id, name: m.name, field: m.field })),
        },
        after: { collectiveName: opts.collectiveName ?? reg.collective_name, commitments: opts.commitments, models: opts.models },
      });
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) throw conflict("Việc làm đã có ghi nhận giám sát hoặc vi phạm, không thể xóa");
    throw err;
  }
}

/**
 * Sends the sheet to the secretary. Still allowed after the registration deadline, but the
 * first submission is then flagged late (a resubmission after a return keeps the first flag).
 */
export async function submitRegistration(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const { reg, campaign } = await loadForAuthoring(db, actor, id);
  const commitments = await q.listCommitments(db, [id]);
  if (commitments.length === 0) throw invalid("Cần đăng ký ít nhất một việc làm thiết thực", [{ path: "commitments", message: "Chưa có việc làm nào" }]);
  const today = todayInVietnam();
  const late = campaign.registration_deadline !== null && today > campaign.registration_deadline;
  return db.transaction(async (tx) => {
    if (!(await q.markSubmitted(tx, id, ["draft", "returned"], late))) throw new AppError("INVALID_STATE", "Bảng đăng ký vừa được gửi hoặc duyệt");
    const after = (await q.getRegistration(tx, id))!;
    // the reminders to register (subject: the campaign) are done with
    if (reg.person_id) await markSubjectRead(tx, reg.person_id, reg.campaign_id);
    // The secretary reviews; when the sheet is his own (or he wrote it) the deputy secretary does.
    const notSelf = (p: string) => p !== actor.personId && p !== reg.person_id;
    let reviewers = (await q.personsWithRole(tx, reg.unit_id, ["secretary"], today)).filter(notSelf);
    if (reviewers.length === 0) reviewers = (await q.personsWithRole(tx, reg.unit_id, ["deputy_secretary"], today)).filter(notSelf);
    await notify(
      tx,
      reviewers,
      {
        kind: "registration.submitted",
        title: `${displayName(reg)} đã gửi bảng đăng ký${reg.status === "returned" ? " (đã sửa)" : ""}`,
        body: `${campaign.name}${after.submitted_late ? " — nộp sau hạn đăng ký" : ""}`,
        link: `/dang-ky/${id}`,
        subjectId: id,
      },
    );
    await recordAction(tx, actor, {
      action: "registration.submit",
      subjectType: "registration",
      subjectId: id,
      unitId: reg.unit_id,
      before: { status: reg.status },
      after: { status: "submitted", late: after.submitted_late, resubmission: reg.status === "returned" },
    });
    return { late: after.submitted_late };
  });
}

/**
 * "Rút lại": the author takes a submitted sheet back to draft while it waits for review, to correct
 * it before sending again; once approved or returned it cannot be withdrawn (409). The first
 * submission, and so its lateness, is kept.
 */
export async function withdrawRegistration(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const { reg, campaign } = await loadRegistration(db, actor, id);
  if (!canAuthor(actor, reg, holdsAnyPosition(actor, reg.unit_id))) {
    throw forbidden(reg.person_id ? "Bạn chỉ được rút lại bảng đăng ký của chính mình" : "Chỉ Bí thư hoặc người quản lý đơn vị mới rút lại bảng đăng ký của tập thể");
  }
  if (reg.status === "approved") throw conflict("Bảng đăng ký đã được duyệt, không rút lại được");
  if (reg.status !== "submitted") throw conflict(reg.status === "returned" ? "Bảng đăng ký đã bị trả lại, hãy sửa rồi gửi lại" : "Bảng đăng ký chưa gửi, không có gì để rút lại");
  assertOpen(campaign);
  await db.transaction(async (tx) => {
    if (!(await q.markWithdrawn(tx, id))) throw conflict("Bảng đăng ký vừa được duyệt hoặc trả lại, không rút lại được");
    await recordAction(tx, actor, { action: "registration.withdraw", subjectType: "registration", subjectId: id, unitId: reg.unit_id, before: { status: "submitted" }, after: { status: "draft" } });
  });
}

/** Who wrote the sheet and who are the unit's secretaries today: what separation of duties needs. */
async function reviewContext(db: Queryable, reg: q.RegistrationRow) {
  const [authors, secretaries] = await Promise.all([q.listRegistrationAuthors(db, reg.id, reg.unit_id), q.personsWithRole(db, reg.unit_id, ["secretary"], todayInVietnam())]);
  return { authors, secretaries };
}

async function loadForReview(db: Queryable, actor: Actor, id: string) {
  const { reg, campaign } = await loadRegistration(db, actor, id);
  const { authors, secretaries } = await reviewContext(db, reg);
  if (!mayReview(actor, reg, authors, secretaries)) {
    if (selfReview(actor, reg, authors) && (canReview(actor, reg.unit_id) || holdsPosition(actor, reg.unit_id, "deputy_secretary"))) {
      throw forbidden("Không tự duyệt bảng đăng ký của mình hoặc do mình lập; Phó Bí thư hoặc cấp ủy cấp trên duyệt bảng này");
    }
    throw forbidden("Chỉ Bí thư chi bộ mới duyệt hoặc trả lại bảng đăng ký");
  }
  if (reg.status !== "submitted") {
    throw new AppError("INVALID_STATE", reg.status === "approved" ? "Bảng đăng ký đã được duyệt" : "Bảng đăng ký chưa được gửi duyệt");
  }
  return { reg, campaign };
}

/** Writes one approval inside the caller's transaction: status, the member's notification, the audit record. */
async function writeApproval(tx: Queryable, actor: Actor, reg: q.RegistrationRow, campaign: q.CampaignRow, bulk: boolean) {
  const id = reg.id;
  if (!(await q.markReviewed(tx, id, "approved", actor.accountId, null))) throw new AppError("INVALID_STATE", `Bảng đăng ký của ${displayName(reg)} vừa được xử lý`);
  if (reg.person_id && reg.person_id !== actor.personId) {
    await notify(tx, [reg.person_id], {
      kind: "registration.approved",
      title: "Bảng đăng ký của bạn đã được duyệt",
      body: campaign.name,
      link: `/dang-ky/${id}`,
      subjectId: id,
    });
  }
  await recordAction(tx, actor, {
    action: "registration.approve",
    subjectType: "registration",
    subjectId: id,
    unitId: reg.unit_id,
    before: { status: "submitted" },
    after: bulk ? { status: "approved", bulk: true } : { status: "approved" },
  });
}

/** The secretary approves a submitted sheet; it becomes read-only and open for progress. */
export async function approveRegistration(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  const { reg, campaign } = await loadForReview(db, actor, id);
  await db.transaction((tx) => writeApproval(tx, actor, reg, campaign, false));
}

/**
 * The secretary approves several submitted sheets at once: each is checked as the single approval
 * checks it (visible in the actor's subtree, awaiting review, nobody approves a sheet about
 * themselves or one they wrote) and, when all pass, approved, notified and audited one by one in
 * one transaction. All or nothing: any refused sheet refuses the list, with the reason per sheet.
 */
export async function approveRegistrations(opts: { db: Db; actor: Actor; ids: readonly string[] }) {
  const { db, actor, ids } = opts;
  const loaded: { reg: q.RegistrationRow; campaign: q.CampaignRow }[] = [];
  const refusals: BulkRefusal[] = [];
  for (const [index, id] of ids.entries()) {
    const refusal = await refusalOf(index, async () => {
      const r = await loadForReview(db, actor, id);
      loaded.push(r);
    });
    if (refusal) {
      // A refused sheet the actor may see is named; an unknown one only by its position.
      const reg = refusal.code === "NOT_FOUND" ? null : await q.getRegistration(db, id);
      refusals.push({ ...refusal, message: reg ? `${displayName(reg)}: ${refusal.message}` : `Bảng thứ ${index + 1}: ${refusal.message}` });
    }
  }
  if (refusals.length) throw refuseBulk("ids", ids.length, "bảng đăng ký", refusals);
  await db.transaction(async (tx) => {
    for (const { reg, campaign } of loaded) await writeApproval(tx, actor, reg, campaign, true);
  });
  return { approved: loaded.map(({ reg }) => ({ id: reg.id, name: displayName(reg) })) };
}

/** The secretary returns a submitted sheet with a reason; the member is notified and revises it. */
export async function returnRegistration(opts: { db: Db; actor: Actor; id: string; reason: string }) {
  const { db, actor, id, reason } = opts;
  const { reg, campaign } = await loadForReview(db, actor, id);
  await db.transaction(async (tx) => {
    if (!(await q.markReviewed(tx, id, "returned", actor.accountId, reason))) throw new AppError("INVALID_STATE", "Bảng đăng ký vừa được xử lý");
    if (reg.person_id) {
      await notify(tx, [reg.person_id], {
        kind: "registration.returned",
        title: "Bảng đăng ký của bạn bị trả lại, cần chỉnh sửa",
        body: `${campaign.name}. Lý do: ${reason}`,
        link: `/dang-ky/${id}`,
        subjectId: id,
      });
    }
    await recordAction(tx, actor, { action: "registration.return", subjectType: "registration", subjectId: id, unitId: reg.unit_id, before: { status: "submitted" }, after: { status: "returned", reason } });
  });
}

// ---------------------------------------------------------------- the unit's sheet and coverage

async function loadSheetScope(db: Queryable, actor: Actor, campaignId: string, unitId: string) {
  const campaign = await loadCampaign(db, actor, campaignId);
  if (!canView(actor, unitId)) throw notFound("Không tìm thấy đơn vị");
  if (!canViewSheet(actor, unitId)) throw forbidden("Chỉ Bí thư, Phó Bí thư hoặc người được phân quyền mới xem bảng đăng ký của đơn vị");
  await assertTakesPart(db, campaign, unitId);
  return campaign;
}

async function loadSheetData(db: Queryable, campaign: q.CampaignRow, unitId: string) {
  const [members, registrations, items, criteria] = await Promise.all([
    q.listMembers(db, unitId, campaign.period_start, campaign.period_end),
    q.listRegistrations(db, campaign.id, [unitId]),
    q.listCriterionItems(db, campaign.criteria_set_id),
    q.listCriteria(db, campaign.criteria_set_id),
  ]);
  const ids = registrations.map((r) => r.id);
  const [commitments, models] = ids.length ? await Promise.all([q.listCommitments(db, ids), q.listModels(db, ids)]) : [[], []];
  return { members, registrations, items, criteria, commitments, models };
}

/**
 * A unit's registration sheet: one row per member (registered or not) and per collective, with
 * status counts over the members; filtered by status, name and lateness.
 */
export async function getSheet(opts: { db: Db; actor: Actor; campaignId: string; unitId: string; status?: SheetStatus | undefined; q?: string | undefined; late?: boolean | undefined }) {
  const { db, actor, unitId } = opts;
  const campaign = await loadSheetScope(db, actor, opts.campaignId, unitId);
  const { members, registrations, items, commitments, models } = await loadSheetData(db, campaign, unitId);
  const mandatory = items.filter((i) => i.mandatory);
  const itemCode = new Map(items.map((i) => [i.id, i.code]));
  const byReg = new Map<string, q.CommitmentRow[]>();
  for (const c of commitments) byReg.set(c.registration_id, [...(byReg.get(c.registration_id) ?? []), c]);
  const modelCount = new Map<string, number>();
  for (const m of models) modelCount.set(m.registration_id, (modelCount.get(m.registration_id) ?? 0) + 1);
  const personal = new Map(registrations.filter((r) => r.person_id).map((r) => [r.person_id!, r]));

  const rowFor = (r: q.RegistrationRow | null, person: { id: string; name: string; title: string | null } | null) => {
    const cs = r ? (byReg.get(r.id) ?? []) : [];
    const codes = [...new Set(cs.map((c) => itemCode.get(c.criterion_item_id) ?? ""))];
    const status: SheetStatus = r?.status ?? "not_registered";
    return {
      registrationId: r?.id ?? null,
      personId: person?.id ?? null,
      collectiveName: r?.collective_name ?? null,
      displayName: r ? displayName(r) : (person?.name ?? ""),
      positionTitle: person?.title ?? null,
      status,
      statusLabel: statusLabel(status),
      submittedAt: r?.submitted_at ? r.submitted_at.toISOString() : null,
      late: r?.submitted_late ?? false,
      commitmentCount: cs.length,
      modelCount: r ? (modelCount.get(r.id) ?? 0) : 0,
      itemCodes: codes,
      missingMandatory: person ? mandatory.filter((m) => !codes.includes(m.code)).map((m) => m.code) : [],
      returnReason: r?.status === "returned" ? r.return_reason : null,
    };
  };

  const memberIds = new Set(members.map((m) => m.person_id));
  const rows = [
    ...members.map((m) => rowFor(personal.get(m.person_id) ?? null, { id: m.person_id, name: m.full_name, title: m.title })),
    // someone who registered and has since left the unit keeps their row
    ...registrations.filter((r) => r.person_id && !memberIds.has(r.person_id)).map((r) => rowFor(r, { id: r.person_id!, name: r.person_name ?? "", title: null })),
    ...registrations.filter((r) => !r.person_id).map((r) => rowFor(r, null)),
  ];
  const counts = { not_registered: 0, draft: 0, submitted: 0, approved: 0, returned: 0 };
  for (const row of rows) if (row.personId && memberIds.has(row.personId)) counts[row.status] += 1;
  const key = opts.q ? searchKey(opts.q) : "";
  const items2 = rows.filter(
    (row) =>
      (!opts.status || row.status === opts.status) &&
      (opts.late === undefined || row.late === opts.late) &&
      (!key || searchKey(row.displayName).includes(key)),
  );
  const today = todayInVietnam();
  return {
    campaign: presentCampaign(campaign),
    unit: { id: unitId, name: await unitName(db, unitId, campaignDate(campaign, today)) },
    can: { review: canReview(actor, unitId), registerCollective: canRegisterCollective(actor, unitId) && campaignOpen(campaign) },
    counts,
    lateCount: rows.filter((r) => r.late).length,
    items: items2,
  };
}

/** Coverage of the unit's sheet per criterion and sub-item, and who has not registered the mandatory items. */
export async function getCoverage(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }) {
  const { db, actor, unitId } = opts;
  const campaign = await loadSheetScope(db, actor, opts.campaignId, unitId);
  const d = await loadSheetData(db, campaign, unitId);
  const result = computeCoverage({
    members: d.members.map((m) => ({ personId: m.person_id, fullName: m.full_name })),
    registrations: d.registrations.map((r) => ({ id: r.id, personId: r.person_id, status: r.status })),
    commitments: d.commitments.map((c) => ({ registrationId: c.registration_id, criterionItemId: c.criterion_item_id })),
    models: d.models.map((m) => ({ registrationId: m.registration_id })),
    criteria: d.criteria,
    items: d.items.map((i) => ({ id: i.id, criterionId: i.criterion_id, code: i.code, title: i.title, mandatory: i.mandatory })),
  });
  const today = todayInVietnam();
  return {
    campaign: presentCampaign(campaign),
    unit: { id: unitId, name: await unitName(db, unitId, campaignDate(campaign, today)) },
    ...result,
    missingMandatory: result.missingMandatory.map((m) => ({ ...m, people: m.people.map((p) => ({ ...p, statusLabel: statusLabel(p.status) })) })),
  };
}
