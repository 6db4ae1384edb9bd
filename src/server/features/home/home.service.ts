import { TODO_SEVERITY_LABELS, type TodoItem, type TodoSeverity } from "@contracts/home.js";
import { addDays, formatViDate, todayInVietnam } from "@domain/dates.js";
import type { Db, Queryable } from "../../db/client.js";
import { holdsPosition, type Actor } from "../../http/actor.js";
import { campaignAsOf } from "../reports/reports.compute.js";
import { REPORTING_UNIT_KINDS } from "../reports/reports.policy.js";
import { listCampaignsCovering, listSubtree, type CampaignRow } from "../reports/reports.queries.js";
import { listSubmissionEntries } from "../reports/reports.service.js";
import * as q from "./home.queries.js";

/** Due within this many days: "sắp đến hạn". */
export const SOON_DAYS = 7;
/** Commitments whose deadline falls within this many days are listed for the member. */
export const COMMITMENT_LOOKAHEAD_DAYS = 14;
/** End-of-campaign duties (evaluation, report) appear this many days before they are due. */
export const CLOSING_LOOKAHEAD_DAYS = 30;
/** A deputy secretary reports to the secretary every this many days (quarterly by default). */
export const SUPERVISION_PERIOD_DAYS = 90;

export function severityOf(due: string | null, today: string): TodoSeverity {
  if (!due) return "normal";
  if (due < today) return "overdue";
  if (due <= addDays(today, SOON_DAYS)) return "soon";
  return "normal";
}

const SEVERITY_RANK: Record<TodoSeverity, number> = { overdue: 0, soon: 1, normal: 2 };

type Draft = Omit<TodoItem, "severity" | "severityLabel" | "campaignName" | "unitName" | "id"> & { subject?: string };

/** "A, B, C và 2 người khác" (people) or "… và 2 đơn vị khác" (units). */
function names(list: { full_name?: string; name?: string }[], noun: "người" | "đơn vị", max = 5): string {
  const shown = list.slice(0, max).map((x) => x.full_name ?? x.name ?? "");
  return list.length > max ? `${shown.join(", ")} và ${list.length - max} ${noun} khác` : shown.join(", ");
}

/**
 * What the actor must do next, from the campaign tables as they are (read-only): a member's own
 * duties in each cell where they hold a position, a cell secretary's, a deputy's, and the
 * commune's or TTKV's follow-up of the units below. Overdue first, then by due date.
 */
export async function listTodo(opts: { db: Db; actor: Actor; today?: string }): Promise<{ today: string; items: TodoItem[] }> {
  const { db, actor } = opts;
  const today = opts.today ?? todayInVietnam();
  const items: TodoItem[] = [];
  const seen = new Set<string>();

  const positionUnits = [...new Set(actor.positions.map((p) => p.unitId))];
  const scopeRoots = [...new Set(actor.scopes.map((s) => s.unitId))];
  const brief = new Map((await q.listUnitsBrief(db, [...positionUnits, ...scopeRoots], today)).map((u) => [u.id, u]));
  const campaignsOf = new Map<string, CampaignRow[]>();
  const activeCampaigns = async (unitId: string) => {
    let list = campaignsOf.get(unitId);
    if (!list) campaignsOf.set(unitId, (list = await listCampaignsCovering(db, unitId, today, ["active"])));
    return list;
  };
  const push = (c: CampaignRow, unitId: string, unitName: string, d: Draft) => {
    const id = [d.kind, c.id, unitId, d.subject].filter(Boolean).join(":");
    if (seen.has(id)) return;
    seen.add(id);
    const severity = severityOf(d.dueDate, today);
    items.push({
      id,
      kind: d.kind,
      title: d.title,
      detail: d.detail,
      dueDate: d.dueDate,
      link: d.link,
      severity,
      severityLabel: TODO_SEVERITY_LABELS[severity],
      campaignName: c.name,
      unitName,
    });
  };

  // A member: in every cell where the person holds a position.
  const cells = positionUnits.filter((u) => brief.get(u)?.kind === "party_cell");
  if (actor.personId) {
    for (const unitId of cells) {
      const unitName = brief.get(unitId)?.name ?? "";
      for (const c of await activeCampaigns(unitId)) await memberItems(db, c, unitId, actor.personId, today, (d) => push(c, unitId, unitName, d));
    }
  }

  // A cell secretary: cells where the person is secretary, or whose manage scope is the cell itself.
  const secretaryCells = new Set([
    ...cells.filter((u) => holdsPosition(actor, u, "secretary")),
    ...actor.scopes.filter((s) => s.scope === "manage" && brief.get(s.unitId)?.kind === "party_cell").map((s) => s.unitId),
  ]);
  for (const unitId of secretaryCells) {
    const unitName = brief.get(unitId)?.name ?? "";
    for (const c of await activeCampaigns(unitId)) await secretaryItems(db, c, unitId, today, (d) => push(c, unitId, unitName, d));
  }

  // A deputy secretary: the periodic supervision report to the secretary.
  for (const unitId of cells.filter((u) => holdsPosition(actor, u, "deputy_secretary"))) {
    const unitName = brief.get(unitId)?.name ?? "";
    for (const c of await activeCampaigns(unitId)) await deputyItems(db, c, unitId, today, (d) => push(c, unitId, unitName, d));
  }

  // The commune committee and the TTKV: communes of the actor's scopes, and the commune above a TTKV where the person works.
  const communes = new Set(scopeRoots.filter((u) => brief.get(u)?.kind === "commune_party_committee"));
  for (const u of positionUnits) {
    const b = brief.get(u);
    if (b?.kind === "mass_mobilization_office" && b.parent_id) communes.add(b.parent_id);
    if (b?.kind === "commune_party_committee") communes.add(u);
  }
  if (communes.size) {
    const communeBrief = new Map((await q.listUnitsBrief(db, [...communes], today)).map((u) => [u.id, u]));
    for (const unitId of communes) {
      if (communeBrief.get(unitId)?.kind !== "commune_party_committee") continue;
      const unitName = communeBrief.get(unitId)?.name ?? "";
      for (const c of await activeCampaigns(unitId)) await communeItems(db, c, unitId, today, (d) => push(c, unitId, unitName, d));
    }
  }

  items.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.dueDate ?? "9999-12-31").localeCompare(b.dueDate ?? "9999-12-31") ||
      a.title.localeCompare(b.title, "vi"),
  );
  return { today, items };
}

type Emit = (d: Draft) => void;

/** After the campaign's period a member has nothing left to do in it (registering or acknowledging is moot). */
async function memberItems(db: Queryable, c: CampaignRow, unitId: string, personId: string, today: string, emit: Emit) {
  if (today > c.period_end) return;
  for (const p of await q.listUnacknowledgedPlans(db, c.id, unitId, personId)) {
    emit({
      kind: "plan_acknowledgement",
      subject: p.id,
      title: "Xác nhận đã quán triệt kế hoạch",
      detail: `Kế hoạch ${p.symbol ? `số ${p.symbol} ` : ""}${p.issued_date ? `ngày ${formatViDate(p.issued_date)} ` : ""}— ${p.subject}`,
      dueDate: null,
      link: `/ke-hoach/${p.id}`,
    });
  }
  const reg = await q.getOwnRegistration(db, c.id, unitId, personId);
  if (!reg) {
    emit({
      kind: "registration_missing",
      title: "Đăng ký việc làm thiết thực",
      // the deadline is shown with every item (dueDate)
      detail: "Bạn chưa đăng ký việc làm thiết thực theo nội dung “5 không”",
      dueDate: c.registration_deadline,
      // straight to the new sheet for this campaign and cell
      link: `/dang-ky/moi?phongtrao=${c.id}&donvi=${unitId}`,
    });
  } else if (reg.status === "draft") {
    emit({
      kind: "registration_draft",
      title: "Gửi bảng đăng ký cho chi bộ",
      detail: "Bảng đăng ký của bạn còn là bản nháp, chưa gửi Bí thư chi bộ duyệt",
      dueDate: c.registration_deadline,
      link: `/dang-ky/${reg.id}`,
    });
  } else if (reg.status === "returned") {
    emit({
      kind: "registration_returned",
      title: "Bảng đăng ký bị trả lại, cần sửa và gửi lại",
      detail: `Lý do: ${reg.return_reason ?? "không ghi lý do"}`,
      dueDate: c.registration_deadline,
      link: `/dang-ky/${reg.id}`,
    });
  }
  if (reg && (reg.status === "submitted" || reg.status === "approved")) {
    for (const cm of await q.listDueCommitments(db, reg.id, addDays(today, COMMITMENT_LOOKAHEAD_DAYS))) {
      emit({
        kind: "commitment_due",
        subject: cm.id,
        title: cm.deadline < today ? `Việc làm đã quá hạn: ${cm.action}` : `Việc làm sắp đến hạn: ${cm.action}`,
        detail: `Mục ${cm.item_code}, hạn ${formatViDate(cm.deadline)}; ${cm.updates === 0 ? "chưa cập nhật tiến độ" : "chưa bắt đầu thực hiện"}`,
        dueDate: cm.deadline,
        link: `/dang-ky/${reg.id}`,
      });
    }
  }
}

async function secretaryItems(db: Queryable, c: CampaignRow, unitId: string, today: string, emit: Emit) {
  if (today <= c.period_end) await runningCellItems(db, c, unitId, today, emit);
  const closing = c.report_deadline ?? c.period_end;
  if (today >= addDays(c.period_end, -CLOSING_LOOKAHEAD_DAYS)) {
    const evaluation = (await q.listEvaluations(db, c.id, [unitId]))[0];
    if (!evaluation || evaluation.status === "draft") {
      emit({
        kind: "evaluation_pending",
        title: "Kiểm tra, đánh giá, xếp loại đảng viên",
        detail: evaluation ? "Bản đánh giá đang soạn, chi bộ chưa thông qua" : "Chi bộ chưa đánh giá kết quả thực hiện của đảng viên",
        dueDate: c.period_end,
        link: evaluation ? `/danh-gia/${evaluation.id}` : "/danh-gia",
      });
    }
  }
  if (today >= addDays(closing, -CLOSING_LOOKAHEAD_DAYS) || today >= addDays(c.period_end, -CLOSING_LOOKAHEAD_DAYS)) {
    const status = await q.getReportStatus(db, c.id, unitId);
    if (status !== "submitted") {
      emit({
        kind: "report_pending",
        title: "Gửi báo cáo kết quả lên Đảng ủy (qua Thường trực Khối vận)",
        detail: status === "draft" ? "Báo cáo đang soạn, chưa gửi" : "Chi bộ chưa lập báo cáo kết quả",
        dueDate: closing,
        link: `/bao-cao/${c.id}/${unitId}`,
      });
    }
  }
}

/** While the campaign runs: approvals, members still to register, the cell's plan. */
async function runningCellItems(db: Queryable, c: CampaignRow, unitId: string, today: string, emit: Emit) {
  const sheet = `/bang-dang-ky/${c.id}/${unitId}`;
  const counts = new Map((await q.countRegistrationsByStatus(db, c.id, unitId)).map((r) => [r.status, r.n]));
  const pending = counts.get("submitted") ?? 0;
  if (pending > 0) {
    emit({ kind: "registrations_pending", title: `${pending} bảng đăng ký chờ duyệt`, detail: "Duyệt hoặc trả lại (ghi rõ lý do) các bảng đăng ký đã gửi", dueDate: null, link: sheet });
  }
  const unregistered = await q.listUnregisteredMembers(db, c.id, unitId, today);
  if (unregistered.length > 0) {
    emit({
      kind: "members_unregistered",
      title: `${unregistered.length} đảng viên chưa đăng ký việc làm thiết thực`,
      detail: names(unregistered, "người"),
      dueDate: c.registration_deadline,
      link: sheet,
    });
  }
  const plans = await q.listPlans(db, c.id, [unitId]);
  if (!plans.some((p) => p.status === "issued" || p.status === "superseded")) {
    const draft = plans.find((p) => p.status === "draft");
    emit({
      kind: "plan_not_issued",
      title: "Ban hành kế hoạch thực hiện của chi bộ",
      detail: draft ? "Kế hoạch đang soạn, chưa ban hành" : "Chi bộ chưa lập kế hoạch thực hiện theo kế hoạch của cấp trên",
      dueDate: c.plan_deadline,
      link: draft ? `/ke-hoach/${draft.id}` : `/phong-trao/${c.id}`,
    });
  }
}

/** The periodic supervision report; a month after the campaign's end it is no longer chased. */
async function deputyItems(db: Queryable, c: CampaignRow, unitId: string, today: string, emit: Emit) {
  if (today > addDays(c.period_end, CLOSING_LOOKAHEAD_DAYS)) return;
  const reports = await q.listSupervisionReports(db, c.id, unitId);
  const lastSubmitted = reports.find((r) => r.status === "submitted");
  const from = lastSubmitted ? addDays(lastSubmitted.period_end, 1) : c.period_start;
  if (from > c.period_end) return;
  const dueRaw = addDays(from, SUPERVISION_PERIOD_DAYS - 1);
  const due = dueRaw > c.period_end ? c.period_end : dueRaw;
  if (due > addDays(today, COMMITMENT_LOOKAHEAD_DAYS)) return;
  const draft = reports.find((r) => r.status === "draft");
  emit({
    kind: "supervision_report_due",
    title: "Báo cáo giám sát định kỳ gửi Bí thư chi bộ",
    detail: `Kỳ giám sát từ ${formatViDate(from)} đến ${formatViDate(due)}${draft ? "; báo cáo đang soạn, chưa gửi" : " chưa có báo cáo"}`,
    dueDate: due,
    link: "/giam-sat",
  });
}

async function communeItems(db: Queryable, c: CampaignRow, communeId: string, today: string, emit: Emit) {
  const asOf = campaignAsOf(c, today);
  const units = await listSubtree(db, communeId, asOf);
  const reporting = units.filter((u) => u.depth > 0 && REPORTING_UNIT_KINDS.has(u.kind));
  const plans = await q.listPlans(db, c.id, reporting.map((u) => u.unit_id));
  const withPlan = new Set(plans.filter((p) => p.status === "issued" || p.status === "superseded").map((p) => p.unit_id));
  const noPlan = reporting.filter((u) => !withPlan.has(u.unit_id));
  if (noPlan.length > 0 && today <= c.period_end) {
    emit({ kind: "units_without_plan", title: `${noPlan.length} đơn vị chưa ban hành kế hoạch`, detail: names(noPlan, "đơn vị"), dueDate: c.plan_deadline, link: `/phong-trao/${c.id}` });
  }
  const closing = c.report_deadline ?? c.period_end;
  const entries = await listSubmissionEntries(db, c, communeId, asOf, today);
  const follow = `/bao-cao/${c.id}/${communeId}`;
  if (today >= addDays(closing, -CLOSING_LOOKAHEAD_DAYS)) {
    const missing = entries.filter((e) => e.state === "not_started" || e.state === "draft");
    if (missing.length > 0) {
      emit({
        kind: "reports_missing",
        title: `${missing.length} đơn vị chưa gửi báo cáo kết quả`,
        detail: names(missing.map((e) => e.unit), "đơn vị"),
        dueDate: closing,
        link: follow,
      });
    }
  }
  const late = entries.filter((e) => e.state === "submitted_late");
  if (late.length > 0) {
    emit({ kind: "reports_late", title: `${late.length} đơn vị gửi báo cáo trễ hạn`, detail: names(late.map((e) => e.unit), "đơn vị"), dueDate: null, link: follow });
  }
  const ids = units.map((u) => u.unit_id);
  const proposals = await q.countPendingProposals(db, c.id, ids);
  if (proposals > 0) {
    emit({ kind: "commendations_pending", title: `${proposals} đề xuất tuyên dương chờ quyết định`, detail: "Đảng ủy xem xét, quyết định hoặc không chấp thuận (ghi rõ lý do)", dueDate: null, link: `/khen-thuong?phongtrao=${c.id}` });
  }
  const unitNames = new Map(units.map((u) => [u.unit_id, u.name]));
  for (const e of (await q.listEvaluations(db, c.id, ids)).filter((x) => x.status === "cell_approved")) {
    emit({
      kind: "evaluation_awaiting_approval",
      subject: e.unit_id,
      title: `Duyệt kết quả đánh giá, xếp loại của ${unitNames.get(e.unit_id) ?? "đơn vị"}`,
      detail: "Chi bộ đã thông qua, chờ Đảng ủy xã phê duyệt",
      dueDate: null,
      link: `/danh-gia/${e.id}`,
    });
  }
}
