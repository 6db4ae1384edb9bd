/**
 * Bản tự kiểm điểm of a member: the practical actions they registered with their outcome (achieved,
 * exceeded, not achieved and why — a recorded violation breaks a commitment, RULES.md §1), the text
 * of their self-assessment, the rating and score they propose for themselves, their signature, and
 * the cell's confirmation with the cell's rating once the cell has signed off. Party format of the
 * cell, portrait. The member downloads their own (`listMine`); the cell's secretary and the levels
 * above any member's of the evaluation (`getSheet`, same authorization as the evaluation page).
 * Undated DỰ THẢO until the member has written their self-assessment.
 */
import { formatViDate } from "@domain/dates.js";
import { RATING_LABELS, VIOLATION_KIND_LABELS, type Rating } from "@domain/ratings.js";
import type { Db } from "../../db/client.js";
import type { BodyBlock, TableCellContent } from "../../documents/document-model.js";
import type { Actor } from "../../http/actor.js";
import { notFound } from "../../http/errors.js";
import { getSheet, listMine } from "../evaluations/evaluations.service.js";
import type { SelfAssessmentRow } from "../evaluations/evaluations.queries.js";
import * as rq from "../registrations/registrations.queries.js";
import type * as reads from "../supervision/campaign-reads.queries.js";
import {
  clampDate,
  fieldLine,
  loadDocumentUnit,
  lowerFirst,
  positionText,
  signerOf,
  textBlocks,
  unitConfirmation,
  unitHeader,
  viNumber,
  vnDate,
  type BuiltDocument,
} from "./document-parts.js";

interface SelfAssessmentData {
  db: Db;
  campaign: Pick<reads.CampaignRow, "id" | "name" | "year" | "period_start" | "period_end">;
  unitId: string;
  person: { person_id: string; full_name: string };
  commitments: { row: reads.CommitmentRow; achieved: boolean; violations: readonly { kind: reads.ViolationRow["kind"]; occurred_on: string }[] }[];
  self: SelfAssessmentRow | null;
  /** The cell's rating, once the cell has signed off. */
  rating: Rating | null;
}

/** What the form says of a commitment's outcome. */
function outcomeText(c: SelfAssessmentData["commitments"][number]): TableCellContent {
  if (c.achieved) return c.row.judged_exceeded ? [{ text: "Đạt, vượt chỉ tiêu", bold: true }] : [{ text: "Đạt", bold: true }];
  if (c.violations.length > 0) {
    const list = c.violations.map((v) => `${VIOLATION_KIND_LABELS[v.kind].toLocaleLowerCase("vi")} ngày ${formatViDate(v.occurred_on)}`).join("; ");
    return [{ text: "Không đạt", bold: true }, `: có vi phạm (${list})`];
  }
  if (c.row.judged_status === "not_achieved" || c.row.status === "not_achieved") return [{ text: "Không đạt", bold: true }, c.row.judged_note ? `: ${c.row.judged_note}` : ""];
  return "Chưa hoàn thành";
}

async function composeSelfAssessment(d: SelfAssessmentData): Promise<BuiltDocument> {
  const { db, campaign, self } = d;
  const date = self ? clampDate(vnDate(self.submitted_at)!, campaign.period_start, campaign.period_end) : null;
  const namedOn = date ?? campaign.period_end;
  const [unit, members] = await Promise.all([loadDocumentUnit(db, d.unitId, namedOn), rq.listMembers(db, d.unitId, campaign.period_start, campaign.period_end)]);
  const member = members.find((m) => m.person_id === d.person.person_id);
  const topic = lowerFirst(campaign.name);
  const achieved = d.commitments.filter((c) => c.achieved).length;

  const body: BodyBlock[] = [
    fieldLine("Họ và tên", d.person.full_name),
    fieldLine("Chức vụ", positionText(member?.role ?? null, member?.title ?? null, unit.kind)),
    fieldLine("Đơn vị", unit.name),
    { kind: "heading", level: 1, text: "I. Kết quả thực hiện các việc làm đã đăng ký" },
  ];
  if (d.commitments.length === 0) {
    body.push({ kind: "paragraph", runs: ["(Không có việc làm thiết thực được duyệt.)"] });
  } else {
    body.push({
      kind: "table",
      fontSize: 11,
      columns: [
        { header: "STT", width: 7, align: "center" },
        { header: "Tiêu chí, nội dung", width: 22 },
        { header: "Việc làm đã đăng ký", width: 30 },
        { header: "Thời hạn", width: 14, align: "center" },
        { header: "Kết quả", width: 27 },
      ],
      rows: d.commitments.map((c, i) => [String(i + 1), `${c.row.item_code}. ${c.row.item_title}`, c.row.action, c.row.deadline ? formatViDate(c.row.deadline) : "", outcomeText(c)]),
    });
    body.push({ kind: "paragraph", runs: [`Đạt ${achieved}/${d.commitments.length} việc làm đã đăng ký.`] });
  }
  body.push({ kind: "heading", level: 1, text: "II. Tự đánh giá" }, ...textBlocks(self?.content));
  body.push({ kind: "heading", level: 1, text: "III. Tự nhận mức xếp loại" });
  body.push({
    kind: "paragraph",
    runs: [
      "Tự nhận mức: ",
      self?.proposed_rating ? { text: `${RATING_LABELS[self.proposed_rating]}`, bold: true } : "…".repeat(24),
      self?.self_score !== null && self?.self_score !== undefined ? `; tự chấm ${viNumber(Number(self.self_score))} điểm.` : ".",
    ],
  });
  if (d.rating) body.push({ kind: "paragraph", runs: [`Chi bộ đánh giá, xếp loại: `, { text: `${RATING_LABELS[d.rating]}.`, bold: true }] });

  return {
    model: {
      format: unit.format,
      header: unitHeader(unit, "", date),
      ...(date ? {} : { draft: true }),
      typeName: "BẢN TỰ KIỂM ĐIỂM",
      subjectLines: ["Kết quả thực hiện việc làm thiết thực, mô hình “Dân vận khéo”", `trong ${topic}`],
      body,
      signature: { titleLines: ["NGƯỜI TỰ KIỂM ĐIỂM"], signerName: d.person.full_name },
      leftSignature: unitConfirmation(unit, await signerOf(db, d.unitId, namedOn)),
    },
    fileTitle: `Bản tự kiểm điểm - ${d.person.full_name} - ${unit.name} - ${campaign.year}`,
  };
}

/** The signed-in member's own form for a cell's campaign; 404 when they take no part in it. */
export async function buildMySelfAssessmentDocument(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }): Promise<BuiltDocument> {
  const mine = (await listMine(opts)).find((m) => m.pair.campaign_id === opts.campaignId && m.pair.unit_id === opts.unitId);
  if (!mine || !opts.actor.personId) throw notFound("Bạn không sinh hoạt tại đơn vị này trong phong trào");
  const full_name = (await rq.listMembers(opts.db, opts.unitId, mine.pair.period_start, mine.pair.period_end)).find((m) => m.person_id === opts.actor.personId)?.full_name;
  const signedOff = mine.result && mine.result.status !== "draft" ? mine.result.rating : null;
  return composeSelfAssessment({
    db: opts.db,
    campaign: { id: mine.pair.campaign_id, name: mine.pair.campaign_name, year: mine.pair.campaign_year, period_start: mine.pair.period_start, period_end: mine.pair.period_end },
    unitId: opts.unitId,
    person: { person_id: opts.actor.personId, full_name: full_name ?? opts.actor.displayName },
    commitments: mine.commitments.map((c) => ({ row: c.row, achieved: c.achieved, violations: c.violations })),
    self: mine.self,
    rating: signedOff,
  });
}

/** A member's form from the cell's evaluation (the secretary, the levels above). */
export async function buildMemberSelfAssessmentDocument(opts: { db: Db; actor: Actor; id: string; personId: string }): Promise<BuiltDocument> {
  const s = await getSheet(opts); // 404 outside the actor's reach
  const m = s.sheets.find((x) => x.person.person_id === opts.personId);
  if (!m) throw notFound("Không tìm thấy đảng viên trong phiếu đánh giá");
  const breaking = (c: (typeof m.commitments)[number]) =>
    m.violations.filter((v) => c.suggested.breakingViolations.some((b) => b.kind === v.kind && b.date === v.occurred_on));
  return composeSelfAssessment({
    db: opts.db,
    campaign: s.campaign,
    unitId: s.evaluation.unit_id,
    person: m.person,
    commitments: m.commitments.filter((c) => c.row.registration_status === "approved").map((c) => ({ row: c.row, achieved: c.achieved, violations: breaking(c) })),
    self: m.self,
    rating: s.evaluation.status !== "draft" ? (m.item?.rating ?? null) : null,
  });
}
