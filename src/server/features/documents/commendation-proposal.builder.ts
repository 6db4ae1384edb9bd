/**
 * Tờ trình đề nghị tuyên dương of a proposing unit: addressed to the superior's committee that
 * decides ("Ban Thường vụ Huyện ủy Cần Giờ" for the commune; `proposalAddressee` in
 * src/domain/document-systems.ts), with the list of exemplars (persons with their rating,
 * collectives, models) and their achievements: the unit's own proposals, and those of its units it
 * approved, which it carries up. Proposals come from the commendations feature (`listProposals`,
 * same authorization as the commendations page); withdrawn ones are gone, declined ones are left out.
 */
import { SUBJECT_KIND_LABELS } from "@contracts/commendations.js";
import { todayInVietnam } from "@domain/dates.js";
import { proposalAddressee } from "@domain/document-systems.js";
import { MODEL_FIELDS, type ModelField } from "@domain/criteria.js";
import { RATING_SHORT_LABELS } from "@domain/ratings.js";
import type { Db } from "../../db/client.js";
import type { BodyBlock, TableCellContent } from "../../documents/document-model.js";
import type { Actor } from "../../http/actor.js";
import { notFound } from "../../http/errors.js";
import { listProposals } from "../commendations/commendations.service.js";
import { findMassMobilizationOffice } from "../plans/plans.queries.js";
import * as reads from "../supervision/campaign-reads.queries.js";
import {
  campaignNamingDate,
  clampDate,
  commendedParts,
  loadDocumentUnit,
  lowerFirst,
  numberLine,
  unitHeader,
  recipientLines,
  signerOf,
  unitSignature,
  upperFirst,
  vnDate,
  type BuiltDocument,
} from "./document-parts.js";

export async function buildCommendationProposalDocument(opts: { db: Db; actor: Actor; campaignId: string; unitId: string }): Promise<BuiltDocument> {
  const { db, campaignId, unitId } = opts;
  const items = await listProposals(opts); // 404 when the unit is outside the actor's reach
  const campaign = await reads.getCampaign(db, campaignId);
  if (!campaign || !(await reads.isUnitInCampaign(db, campaign.unit_id, unitId, todayInVietnam()))) throw notFound("Không tìm thấy phong trào thi đua");
  const own = (r: { unit_id: string }) => r.unit_id === unitId;
  const proposals = items.map((i) => i.row).filter((r) => (own(r) ? r.status !== "declined" : r.status === "approved"));

  // A proposal is sent to the committee when it is made (one of its units', when the unit approved
  // it): the tờ trình stands once it lists one, and is an undated DỰ THẢO before.
  const latest = proposals.map((p) => vnDate(own(p) ? p.created_at : (p.decided_at ?? p.created_at))!).sort().at(-1);
  const date = latest ? clampDate(latest, campaign.period_start, todayInVietnam()) : null;
  const namedOn = date ?? campaignNamingDate(campaign);
  const unit = await loadDocumentUnit(db, unitId, namedOn);
  const superior = unit.parentName ? proposalAddressee({ kind: unit.parentKind ?? "", name: unit.parentName, shortName: unit.parentShortName }) : "";
  const parts = commendedParts(proposals);
  const topic = lowerFirst(campaign.name);

  const body: BodyBlock[] = [
    { kind: "paragraph", align: "center", indent: false, runs: [`Kính gửi: ${superior}`] },
    {
      kind: "paragraph",
      runs: [
        `Căn cứ kết quả thực hiện ${topic} và kết quả đánh giá, xếp loại cán bộ, đảng viên; ${unit.selfName} đề nghị ${superior} xem xét, tuyên dương ${parts.length ? parts.join(", ") : "các gương điển hình"} có thành tích tiêu biểu, cụ thể như sau:`,
      ],
    },
  ];
  if (proposals.length === 0) {
    body.push({ kind: "paragraph", runs: ["(Chưa có đề xuất tuyên dương.)"] });
  } else {
    const rows: TableCellContent[][] = proposals.map((p, i) => {
      const name = p.person_name ?? p.collective_name ?? p.model_name ?? "";
      const kind = SUBJECT_KIND_LABELS[p.subject_kind];
      const field = p.model_field ? `\nLĩnh vực ${lowerFirst(MODEL_FIELDS[p.model_field as ModelField] ?? p.model_field)}` : "";
      return [
        String(i + 1),
        [{ text: name, bold: true }],
        `${kind}${field}`,
        p.achievements,
        p.rating ? RATING_SHORT_LABELS[p.rating] : "",
        own(p) ? (p.status === "approved" ? "Đã được duyệt" : "") : `${upperFirst(p.unit_name)} đề nghị`,
      ];
    });
    body.push({
      kind: "table",
      columns: [
        { header: "STT", width: 7, align: "center" },
        { header: "Cá nhân, tập thể, mô hình", width: 17 },
        { header: "Đối tượng", width: 11 },
        { header: "Thành tích tiêu biểu", width: 44 },
        { header: "Xếp loại", width: 11 },
        { header: "Ghi chú", width: 9 },
      ],
      rows,
    });
  }
  body.push({ kind: "paragraph", runs: [`Kính trình ${superior} xem xét, quyết định./.`] });

  const office = unit.parentId ? await findMassMobilizationOffice(db, unit.parentId, namedOn) : null;
  return {
    model: {
      format: unit.format,
      header: unitHeader(unit, numberLine(unit, null, "TTr"), date),
      ...(date ? {} : { draft: true }),
      typeName: "TỜ TRÌNH",
      subjectLines: ["Về việc đề nghị tuyên dương gương điển hình tiên tiến", `trong thực hiện ${topic}`],
      body,
      signature: unitSignature(unit, await signerOf(db, unitId, namedOn)),
      recipients: { lines: recipientLines(["Như trên", office ? (office.short_name ?? office.name) : null], unit.kind) },
    },
    fileTitle: `Tờ trình đề nghị tuyên dương - ${upperFirst(unit.name)} - ${campaign.year}`,
  };
}
