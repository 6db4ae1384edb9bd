/**
 * Phiếu đăng ký of one member (or one collective) as signed: who registers, the practical actions
 * per criterion with place, time and target, the "Dân vận khéo" models, the member's commitment,
 * the member's signature and the cell's confirmation (its secretary). Party format of the cell,
 * portrait. Same authorization as the registration page (`getRegistrationDetail`: the member their
 * own, the cell's secretary and the levels above the cell's). Undated DỰ THẢO until approved.
 */
import { MODEL_FIELDS, type ModelField } from "@domain/criteria.js";
import { formatViDate } from "@domain/dates.js";
import type { Db } from "../../db/client.js";
import type { BodyBlock, TableCellContent } from "../../documents/document-model.js";
import type { Actor } from "../../http/actor.js";
import * as rq from "../registrations/registrations.queries.js";
import { getRegistrationDetail } from "../registrations/registrations.service.js";
import {
  citePlan,
  clampDate,
  fieldLine,
  loadDocumentUnit,
  lowerFirst,
  positionText,
  signerOf,
  unitConfirmation,
  unitHeader,
  vnDate,
  type BuiltDocument,
} from "./document-parts.js";

/** "05/3/2020 – 31/12/2020", "đến 31/12/2020". */
export function periodText(start: string | null, end: string | null): string {
  if (start && end) return `${formatViDate(start)} – ${formatViDate(end)}`;
  if (end) return `đến ${formatViDate(end)}`;
  if (start) return `từ ${formatViDate(start)}`;
  return "";
}

export async function buildPersonalRegistrationDocument(opts: { db: Db; actor: Actor; id: string }): Promise<BuiltDocument> {
  const { db, id } = opts;
  await getRegistrationDetail(opts); // 404 unless the actor may see this registration
  const reg = (await rq.getRegistration(db, id))!;
  const campaign = (await rq.getCampaign(db, reg.campaign_id))!;
  const [commitments, models, members, cited] = await Promise.all([
    rq.listCommitments(db, [id]),
    rq.listModels(db, [id]),
    rq.listMembers(db, reg.unit_id, campaign.period_start, campaign.period_end),
    citePlan(db, campaign.id, reg.unit_id),
  ]);

  // The member signs when sending the form in; it stands once the cell approves it.
  const approved = reg.status === "approved";
  const signedOn = vnDate(reg.first_submitted_at ?? reg.submitted_at);
  const date = approved && signedOn ? clampDate(signedOn, campaign.period_start, campaign.period_end) : null;
  const namedOn = date ?? clampDate(vnDate(reg.created_at)!, campaign.period_start, campaign.period_end);
  const unit = await loadDocumentUnit(db, reg.unit_id, namedOn);
  const member = reg.person_id ? members.find((m) => m.person_id === reg.person_id) : undefined;
  const person = reg.person_id !== null;
  const who = person ? (reg.person_name ?? "") : (reg.collective_name ?? "");
  const topic = lowerFirst(campaign.name);

  const body: BodyBlock[] = person
    ? [fieldLine("Họ và tên", who), fieldLine("Chức vụ", positionText(member?.role ?? null, member?.title ?? null, unit.kind)), fieldLine("Đơn vị", unit.name)]
    : [fieldLine("Tập thể", who), fieldLine("Đơn vị", unit.name)];
  const we = person ? "tôi" : "tập thể chúng tôi";
  body.push({
    kind: "paragraph",
    runs: [`Thực hiện ${cited ?? topic}, ${we} đăng ký thực hiện các việc làm thiết thực${models.length ? ", mô hình “Dân vận khéo”" : ""} như sau:`],
  });

  body.push({ kind: "heading", level: 1, text: "I. Việc làm thiết thực" });
  if (commitments.length === 0) {
    body.push({ kind: "paragraph", runs: ["(Không đăng ký việc làm thiết thực.)"] });
  } else {
    const rows: TableCellContent[][] = commitments.map((c, i) => [
      String(i + 1),
      `${c.item_code}. ${c.item_title}`,
      [{ text: c.action, bold: true }],
      c.place ?? "",
      periodText(c.start_date, c.deadline),
      c.target ?? "",
    ]);
    body.push({
      kind: "table",
      fontSize: 11,
      columns: [
        { header: "STT", width: 7, align: "center" },
        { header: "Tiêu chí, nội dung", width: 21 },
        { header: "Việc làm thiết thực", width: 28 },
        { header: "Địa điểm", width: 13 },
        { header: "Thời gian thực hiện", width: 14, align: "center" },
        { header: "Chỉ tiêu", width: 17 },
      ],
      rows,
    });
  }
  if (models.length > 0) {
    body.push({ kind: "heading", level: 1, text: "II. Mô hình “Dân vận khéo”" });
    models.forEach((m, i) => {
      body.push({ kind: "paragraph", runs: [{ text: `${i + 1}. ${m.name}`, bold: true }, ` (lĩnh vực ${lowerFirst(MODEL_FIELDS[m.field as ModelField] ?? m.field)})`] });
      if (m.address) body.push({ kind: "bullet", runs: [`Địa chỉ thực hiện: ${m.address}`] });
      if (m.content) body.push({ kind: "bullet", runs: [`Nội dung, cách làm: ${m.content}`] });
      if (m.participants) body.push({ kind: "bullet", runs: [`Thành phần tham gia: ${m.participants}`] });
      if (m.expected_result) body.push({ kind: "bullet", runs: [`Kết quả dự kiến: ${m.expected_result}`] });
    });
  }
  body.push({
    kind: "paragraph",
    runs: [
      `${person ? "Tôi" : "Chúng tôi"} cam kết thực hiện đầy đủ, đúng thời hạn các nội dung đã đăng ký, chịu sự giám sát của ${unit.selfName} và báo cáo kết quả khi kết thúc đợt thi đua./.`,
    ],
  });

  const confirmedOn = vnDate(reg.reviewed_at) ?? namedOn;
  return {
    model: {
      format: unit.format,
      header: unitHeader(unit, "", date),
      ...(date ? {} : { draft: true }),
      typeName: "PHIẾU ĐĂNG KÝ",
      subjectLines: ["Việc làm thiết thực, mô hình “Dân vận khéo”", `thực hiện ${topic}`],
      body,
      signature: { titleLines: [person ? "NGƯỜI ĐĂNG KÝ" : "ĐẠI DIỆN TẬP THỂ"], signerName: person ? who : "" },
      leftSignature: unitConfirmation(unit, await signerOf(db, reg.unit_id, confirmedOn)),
    },
    fileTitle: `Phiếu đăng ký - ${who} - ${unit.name} - ${campaign.year}`,
  };
}
