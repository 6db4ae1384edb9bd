/**
 * The first draft of a plan: a cell's plan prefilled from the commune plan it implements (the
 * seed's cell plan is the model), or a blank commune plan with the usual sections. Pure: the
 * service loads the names and dates, these functions write the Vietnamese.
 */
import { formatViDate } from "@domain/dates.js";
import { documentSystemOf } from "@domain/document-systems.js";
import { formatDocumentDate } from "../../documents/document-model.js";
import type { PlanWrite, StoredSection } from "./plans.queries.js";

export interface PrefillUnit {
  kind: string;
  /** Name on the plan's date: "Chi bộ Trường Tiểu học Thạnh An". */
  name: string;
  /** Short name for running text when there is one: "Chi bộ Trường Tiểu học". */
  shortName: string | null;
}

export interface PrefillParent {
  id: string;
  symbol: string;
  date: string;
  subject: string;
  place: string;
  /** The issuing unit named as on the parent plan's date: "Đảng ủy xã Thạnh An". */
  unitName: string;
}

interface Wording {
  leader: string;
  deputy: string;
  people: string;
  signature: string[];
  membersRecipient: string;
  archive: string;
}

const WORDING: Record<string, Wording> = {
  party_cell: {
    leader: "Bí thư chi bộ",
    deputy: "Phó Bí thư chi bộ",
    people: "cán bộ, đảng viên",
    signature: ["T/M CHI BỘ", "BÍ THƯ"],
    membersRecipient: "Đảng viên Chi bộ;",
    archive: "Lưu HSCB.",
  },
  commune_party_committee: {
    leader: "Bí thư Đảng ủy",
    deputy: "Phó Bí thư Đảng ủy",
    people: "cán bộ, đảng viên",
    signature: ["T/M ĐẢNG ỦY", "BÍ THƯ"],
    membersRecipient: "Các đồng chí Đảng ủy viên;",
    archive: "Lưu VPĐU.",
  },
  fatherland_front: {
    leader: "Chủ tịch Ủy ban MTTQ",
    deputy: "Phó Chủ tịch Ủy ban MTTQ",
    people: "cán bộ, ủy viên",
    signature: ["T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH"],
    membersRecipient: "Các thành viên;",
    archive: "Lưu VP.",
  },
  // The Youth Union is led by its Bí thư (Điều lệ Đoàn); told from the associations by its name.
  youth_union: {
    leader: "Bí thư Đoàn",
    deputy: "Phó Bí thư Đoàn",
    people: "cán bộ, đoàn viên",
    signature: ["T/M BAN CHẤP HÀNH", "BÍ THƯ"],
    membersRecipient: "Các chi đoàn;",
    archive: "Lưu VP.",
  },
  mass_organization: {
    leader: "Chủ tịch",
    deputy: "Phó Chủ tịch",
    people: "cán bộ, hội viên",
    signature: ["T/M BAN CHẤP HÀNH", "CHỦ TỊCH"],
    membersRecipient: "Các chi hội;",
    archive: "Lưu VP.",
  },
};

/** The signature lines a unit signs with (T/M CHI BỘ / BÍ THƯ …), as stored; documents print them in their system's prefix. */
export function signatureTitlesFor(unit: { kind: string; name: string }): string[] {
  return [...wording(unit).signature];
}

function wording(unit: { kind: string; name: string }): Wording {
  const key = documentSystemOf(unit) === "youth_union" ? "youth_union" : unit.kind;
  return WORDING[key] ?? WORDING.party_cell!;
}

/** "Phát động thi đua …" → "phát động thi đua …" for use inside a sentence. */
export function lowerFirst(text: string): string {
  const t = text.replace(/\s+/g, " ").trim().replace(/[.;:]+$/, "");
  return t.charAt(0).toLocaleLowerCase("vi") + t.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** "Đảng ủy xã Thạnh An" → "Thạnh An": the place name of a commune-level unit, for the date line. */
export function placeFromUnitName(name: string): string {
  const m = /(?:^|\s)(?:xã|phường|thị trấn|đặc khu)\s+(.+)$/iu.exec(name);
  return (m?.[1] ?? name).trim();
}

/** "Căn cứ Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An về …;" */
export function citeParentPlan(parent: PrefillParent): string {
  return `Căn cứ Kế hoạch số ${parent.symbol} ${formatDocumentDate(parent.date)} của ${parent.unitName} về ${lowerFirst(parent.subject)};`;
}

/** A unit's implementing plan, prefilled from the superior's issued plan. */
export function prefillFromParent(input: {
  parent: PrefillParent;
  unit: PrefillUnit;
  office: { name: string; shortName: string | null } | null;
  signer: { personId: string; fullName: string } | null;
  number: number | null;
  date: string;
}): PlanWrite {
  const { parent, unit, office } = input;
  const w = wording(unit);
  const self = unit.shortName ?? unit.name;
  const topic = lowerFirst(parent.subject);
  const officeName = office ? (office.shortName ?? office.name) : null;
  const sections: StoredSection[] = [
    {
      heading: "I. Mục đích, yêu cầu",
      paragraphs: [
        {
          kind: "bullet",
          text: `Nâng cao hơn nữa nhận thức, trách nhiệm của ${w.people} ${self}; xác định đúng mục đích, ý nghĩa, tầm quan trọng của công tác dân vận và của ${topic}.`,
        },
        {
          kind: "bullet",
          text: `${upperFirst(w.people)} ${self} đăng ký việc làm thiết thực, mô hình “Dân vận khéo” theo nội dung Kế hoạch số ${parent.symbol} của ${parent.unitName}.`,
        },
      ],
      responsibilities: [],
    },
    {
      heading: "II. Nội dung thực hiện",
      paragraphs: [
        {
          kind: "bullet",
          text: `${upperFirst(self)} xây dựng kế hoạch triển khai đến toàn thể ${w.people} Kế hoạch số ${parent.symbol} ${formatDocumentDate(parent.date)} của ${parent.unitName} về ${topic}.`,
        },
        { kind: "bullet", text: `Tổ chức cho ${w.people} đăng ký việc làm thiết thực theo các tiêu chí của phong trào thi đua.` },
        { kind: "bullet", text: "Kịp thời đề xuất tuyên dương các gương điển hình tập thể, cá nhân." },
        {
          kind: "bullet",
          text: `Thực hiện việc kiểm tra, đánh giá và báo cáo kết quả thực hiện cho ${parent.unitName} khi kết thúc đợt thi đua${office ? ` (thông qua ${office.name})` : ""}.`,
        },
      ],
      responsibilities: [],
    },
    {
      heading: "III. Tổ chức thực hiện",
      paragraphs: [],
      responsibilities: [
        { role: "secretary", text: `${w.leader} xây dựng kế hoạch, triển khai đến toàn thể ${w.people}; chỉ đạo thực hiện các nội dung đã đăng ký.` },
        { role: "deputy_secretary", text: `${w.deputy} giám sát việc thực hiện, báo cáo kịp thời cho ${lowerFirst(w.leader)} kết quả thực hiện của ${w.people}.` },
        { role: "members", text: `Toàn thể ${w.people} nghiêm túc thực hiện theo bảng đăng ký.` },
      ],
    },
  ];
  return {
    number: input.number,
    issuedDate: input.date,
    place: parent.place,
    subject: `Triển khai kế hoạch ${topic}`,
    basis: [{ text: citeParentPlan(parent), planId: parent.id }],
    preamble: `${upperFirst(self)} xây dựng kế hoạch triển khai kế hoạch ${topic} như sau:`,
    sections,
    closing: `Trên đây là kế hoạch triển khai ${topic} của ${self}.`,
    recipients: [`${parent.unitName};`, ...(officeName ? [`${officeName};`] : []), w.membersRecipient, w.archive],
    signatureTitles: [...w.signature],
    signerPersonId: input.signer?.personId ?? null,
    signerName: input.signer?.fullName ?? null,
  };
}

/** The launching committee's own plan: the usual sections, to be written by the committee. */
export function prefillLaunchPlan(input: {
  unit: PrefillUnit;
  campaign: { name: string; planDeadline: string | null };
  office: { name: string; shortName: string | null } | null;
  signer: { personId: string; fullName: string } | null;
  number: number | null;
  date: string;
}): PlanWrite {
  const { unit, campaign, office } = input;
  const w = wording(unit);
  const subject = `Phát động ${lowerFirst(campaign.name)}`;
  const deadline = campaign.planDeadline ? ` trước ngày ${formatViDate(campaign.planDeadline)}` : "";
  return {
    number: input.number,
    issuedDate: input.date,
    place: placeFromUnitName(unit.name),
    subject,
    basis: [],
    preamble: `${unit.name} xây dựng kế hoạch ${lowerFirst(subject)} như sau:`,
    sections: [
      { heading: "I. Mục đích, yêu cầu", paragraphs: [], responsibilities: [] },
      { heading: "II. Nội dung thực hiện", paragraphs: [], responsibilities: [] },
      {
        heading: "III. Tổ chức thực hiện",
        paragraphs: [],
        responsibilities: [
          {
            role: "unit",
            text: `Các chi bộ trực thuộc, Ủy ban MTTQ và các đoàn thể xã xây dựng kế hoạch triển khai thực hiện${deadline}${office ? `, gửi về ${unit.name} (thông qua ${office.name})` : ""}.`,
          },
          ...(office ? [{ role: "office", text: `${office.name} theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo ${unit.name}.` }] : []),
        ],
      },
    ],
    closing: null,
    recipients: ["Các chi bộ trực thuộc;", "Ủy ban MTTQ và các đoàn thể xã;", ...(office ? [`${office.shortName ?? office.name};`] : []), w.archive],
    signatureTitles: [...w.signature],
    signerPersonId: input.signer?.personId ?? null,
    signerName: input.signer?.fullName ?? null,
  };
}
