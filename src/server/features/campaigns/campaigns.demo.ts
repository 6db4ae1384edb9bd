/**
 * Demo data of slice A (runs first): the "5 không" criteria set (2019, reused in 2020, copied for
 * 2026), the 2020 campaign with plan 236-KH/ĐU and the cascade (the school cell's plan exactly as
 * in the seed, Thạnh Hòa late, Thiềng Liềng missing, members' acknowledgements), and a current
 * 2026 campaign whose commune plan is issued while the cells' plans are not yet.
 */
import { FIVE_NOT_CRITERIA_2019 } from "@domain/criteria.js";
import { formatViDate } from "@domain/dates.js";
import type { Tx } from "../../db/client.js";
import type { DemoIds } from "../../db/seed/demo-organisation.js";
import { addDemoSeeder } from "../../db/seed/demo.js";
import { notify } from "../notifications/notifications.service.js";
import { prefillFromParent } from "../plans/plans.prefill.js";
import * as pq from "../plans/plans.queries.js";
import type { PlanWrite } from "../plans/plans.queries.js";
import { communePlan2020, communePlan2026, DEMO_CAMPAIGN_2020, DEMO_CAMPAIGN_2026, schoolPlan2020 } from "./campaigns.demo-data.js";
import * as q from "./campaigns.queries.js";

const at = (date: string, time = "08:00") => new Date(`${date}T${time}:00+07:00`);

/** Inserts a plan and, when a date is given, issues it then (symbol frozen, members notified). */
async function seedPlan(
  tx: Tx,
  p: {
    campaignId: string;
    unitId: string;
    parentPlanId: string | null;
    content: PlanWrite;
    symbol: string;
    issuedAt: Date;
    issuedBy: string | null;
    /** The issuing secretary: acknowledged at issue, not notified (as the service does). */
    issuerPersonId: string | null;
    unitName: string;
    notifyMembers: boolean;
  },
): Promise<{ id: string; members: string[] }> {
  const id = await pq.insertPlan(tx, {
    ...p.content,
    campaignId: p.campaignId,
    unitId: p.unitId,
    parentPlanId: p.parentPlanId,
    previousVersionId: null,
    version: 1,
    typeCode: "KH",
    createdBy: p.issuedBy,
  });
  await pq.markIssued(tx, id, { number: p.content.number!, symbol: p.symbol, date: p.content.issuedDate!, accountId: p.issuedBy, at: p.issuedAt });
  let members: string[] = [];
  if (p.notifyMembers) {
    members = await pq.listCurrentMemberIds(tx, p.unitId, p.content.issuedDate!);
    if (p.issuerPersonId && members.includes(p.issuerPersonId)) await pq.insertAcknowledgement(tx, id, p.issuerPersonId, p.issuedAt);
    await notify(tx, members.filter((m) => m !== p.issuerPersonId), {
      kind: "plan.issued",
      title: `${p.unitName} ban hành Kế hoạch số ${p.symbol} ngày ${formatViDate(p.content.issuedDate!)}`,
      body: `${p.content.subject.replace(/\s+/g, " ").trim()}. Đồng chí vui lòng đọc và xác nhận đã quán triệt.`,
      link: `/ke-hoach/${id}`,
      subjectId: id,
      createdAt: p.issuedAt,
    });
  }
  return { id, members };
}

/** Members who acknowledge: their acknowledgement is recorded and their notification read. */
async function acknowledge(tx: Tx, planId: string, people: { personId: string; at: Date }[]) {
  for (const a of people) {
    await pq.insertAcknowledgement(tx, planId, a.personId, a.at);
    await tx.query("UPDATE notifications SET read_at = $3 WHERE person_id = $1 AND subject_id = $2", [a.personId, planId, a.at]);
  }
}

const MASS_ORG_SIGNERS: Record<string, { signer: string; titles?: string[] }> = {
  "mttq-thanh-an": { signer: "Trần Văn Nghĩa" },
  "hpn-thanh-an": { signer: "Nguyễn Thị Hồng" },
  "dtn-thanh-an": { signer: "Võ Hoàng Phong", titles: ["T/M BAN CHẤP HÀNH", "BÍ THƯ"] },
  "hnd-thanh-an": { signer: "Lê Văn Thành" },
  "hccb-thanh-an": { signer: "Phạm Văn Chiến" },
};

async function seedCampaignsAndPlans(tx: Tx, ids: DemoIds): Promise<void> {
  const commune = ids.units["xa-thanh-an"]!;
  const person = (name: string) => ids.people[name]!;
  const account = (username: string) => ids.accounts[username] ?? null;

  // Nhiệm kỳ of the commune committee (numbering of its documents restarts with each term).
  for (const t of [
    { name: "Nhiệm kỳ 2015 – 2020", start: "2015-10-01", end: "2020-07-19" },
    { name: "Nhiệm kỳ 2020 – 2025", start: "2020-07-20", end: "2025-07-31" },
    { name: "Nhiệm kỳ 2025 – 2030", start: "2025-08-01", end: null },
  ]) {
    await tx.query("INSERT INTO committee_terms (unit_id, name, start_date, end_date) VALUES ($1, $2, $3, $4)", [commune, t.name, t.start, t.end]);
  }

  // The criteria set: the 2019 guidance as data, published; reused by 2020; copied for 2026.
  const set = FIVE_NOT_CRITERIA_2019;
  const criteria: q.CriterionWrite[] = set.criteria.map((c) => ({
    code: c.code,
    title: c.title,
    description: c.guidanceHeading ?? null,
    points: c.points ?? null,
    items: c.subItems.map((s) => ({
      code: s.code,
      title: s.title,
      guidance: s.text,
      mandatory: s.mandatory,
      mandatoryForUnits: s.mandatoryForUnits ?? false,
      points: s.points ?? null,
    })),
  }));
  const set2019 = await q.insertCriteriaSet(tx, {
    issuingUnitId: commune,
    code: set.code,
    name: set.name,
    year: set.year,
    basedOnSetId: null,
    legalBasis: set.issuer,
    source: set.source,
    status: "published",
    createdBy: account("xa.bithu"),
  });
  await tx.query("UPDATE criteria_sets SET published_at = $2, published_by = $3, created_at = $2 WHERE id = $1", [set2019, at("2019-01-15"), account("xa.bithu")]);
  await q.insertCriteria(tx, set2019, criteria);
  const set2026 = await q.insertCriteriaSet(tx, {
    issuingUnitId: commune,
    code: "5K-2026",
    name: "Nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2026",
    year: 2026,
    basedOnSetId: set2019,
    legalBasis: set.issuer,
    source: "Hướng dẫn của Ban Thường vụ Đảng ủy xã Thạnh An năm 2026 (kế thừa hướng dẫn năm 2019)",
    status: "published",
    createdBy: account("xa.bithu"),
  });
  await tx.query("UPDATE criteria_sets SET published_at = $2, published_by = $3, created_at = $2 WHERE id = $1", [set2026, at("2026-02-20"), account("xa.bithu")]);
  await q.insertCriteria(tx, set2026, criteria);

  // ---- 2020 ----------------------------------------------------------------------------------
  const c2020 = await q.insertCampaign(tx, {
    unitId: commune,
    name: DEMO_CAMPAIGN_2020,
    year: 2020,
    periodStart: "2020-03-02",
    periodEnd: "2020-11-30",
    criteriaSetId: set2019,
    planDeadline: "2020-03-15",
    registrationDeadline: "2020-03-31",
    reportDeadline: "2020-11-30",
    createdBy: account("xa.bithu"),
  });
  const quang = { personId: person("Phan Văn Quang"), fullName: "Phan Văn Quang" };
  const commune2020 = await seedPlan(tx, {
    campaignId: c2020,
    unitId: commune,
    parentPlanId: null,
    content: communePlan2020(quang),
    symbol: "236-KH/ĐU",
    issuedAt: at("2020-03-02", "09:00"),
    issuedBy: account("xa.bithu"),
    issuerPersonId: quang.personId,
    unitName: "Đảng ủy xã Thạnh An",
    notifyMembers: true,
  });
  const parent2020 = {
    id: commune2020.id,
    symbol: "236-KH/ĐU",
    date: "2020-03-02",
    subject: communePlan2020(quang).subject,
    place: "Thạnh An",
    unitName: "Đảng ủy xã Thạnh An",
  };
  const office = { name: "Thường trực Khối vận xã Thạnh An", shortName: "TTKV xã" };

  // The school cell: the seed's plan, issued on time; most members acknowledged it.
  const school = ids.units["cb-tieu-hoc-thanh-an"]!;
  const schoolPlan = await seedPlan(tx, {
    campaignId: c2020,
    unitId: school,
    parentPlanId: commune2020.id,
    content: schoolPlan2020(commune2020.id, person("Lê Hữu Bình")),
    symbol: "01-KH/CB",
    issuedAt: at("2020-03-05", "10:00"),
    issuedBy: account("th.bithu"),
    issuerPersonId: person("Lê Hữu Bình"),
    unitName: "Chi bộ Trường Tiểu học Thạnh An",
    notifyMembers: true,
  });
  const schoolAcks: [string, string][] = [
    ["Trần Thị Mai", "2020-03-05"],
    ["Nguyễn Văn An", "2020-03-06"],
    ["Phạm Thị Hoa", "2020-03-06"],
    ["Võ Minh Tuấn", "2020-03-06"],
    ["Huỳnh Thị Lan", "2020-03-09"],
    ["Đặng Văn Hùng", "2020-03-09"],
    ["Ngô Thị Thu", "2020-03-10"],
  ];
  // Not yet: Bùi Thị Ngọc, Đỗ Thanh Tâm, Dương Văn Phúc, Lý Thị Kim Anh.
  await acknowledge(tx, schoolPlan.id, schoolAcks.map(([n, d]) => ({ personId: person(n), at: at(d, "15:30") })));

  // Chi bộ ấp Thạnh Hòa: issued after the deadline (20/3 for 15/3).
  const thanhHoa = ids.units["cb-ap-thanh-hoa"]!;
  const thanhHoaPlan = await seedPlan(tx, {
    campaignId: c2020,
    unitId: thanhHoa,
    parentPlanId: commune2020.id,
    content: prefillFromParent({
      parent: parent2020,
      unit: { kind: "party_cell", name: "Chi bộ ấp Thạnh Hòa", shortName: null },
      office,
      signer: { personId: person("Nguyễn Văn Sơn"), fullName: "Nguyễn Văn Sơn" },
      number: 1,
      date: "2020-03-20",
    }),
    symbol: "01-KH/CB",
    issuedAt: at("2020-03-20", "16:00"),
    issuedBy: account("thanhhoa.bithu"),
    issuerPersonId: person("Nguyễn Văn Sơn"),
    unitName: "Chi bộ ấp Thạnh Hòa",
    notifyMembers: true,
  });
  await acknowledge(tx, thanhHoaPlan.id, [
    { personId: person("Lê Thị Bích"), at: at("2020-03-21") },
    { personId: person("Hồ Thị Nga"), at: at("2020-03-23") },
  ]);
  // Chi bộ ấp Thiềng Liềng: no plan at all.

  // The Fatherland Front and the mass organisations issued theirs on time.
  let day = 9;
  for (const [code, who] of Object.entries(MASS_ORG_SIGNERS)) {
    const unitId = ids.units[code];
    if (!unitId) continue;
    const unit = await q.getUnitAsOf(tx, unitId, "2020-03-10");
    if (!unit) continue;
    const date = `2020-03-${String(day).padStart(2, "0")}`;
    day += 1;
    const content = prefillFromParent({
      parent: parent2020,
      unit: { kind: unit.kind, name: unit.name, shortName: unit.short_name },
      office,
      signer: null,
      number: 1,
      date,
    });
    await seedPlan(tx, {
      campaignId: c2020,
      unitId,
      parentPlanId: commune2020.id,
      content: { ...content, signerName: who.signer, ...(who.titles ? { signatureTitles: who.titles } : {}) },
      symbol: `01-KH/${unit.symbol_code}`,
      issuedAt: at(date, "09:30"),
      issuedBy: account("xa.bithu"),
      issuerPersonId: null,
      unitName: unit.name,
      notifyMembers: false,
    });
  }

  // ---- 2026: the live campaign (today is inside its period; the plan deadline has passed) --------
  const c2026 = await q.insertCampaign(tx, {
    unitId: commune,
    name: DEMO_CAMPAIGN_2026,
    year: 2026,
    periodStart: "2026-03-01",
    periodEnd: "2026-12-15",
    criteriaSetId: set2026,
    planDeadline: "2026-03-20",
    registrationDeadline: "2026-04-15",
    reportDeadline: "2026-12-10",
    createdBy: account("xa.bithu"),
  });
  const commune2026Content = communePlan2026(quang);
  const commune2026 = await seedPlan(tx, {
    campaignId: c2026,
    unitId: commune,
    parentPlanId: null,
    content: commune2026Content,
    symbol: "45-KH/ĐU",
    issuedAt: at("2026-03-02", "09:00"),
    issuedBy: account("xa.bithu"),
    issuerPersonId: quang.personId,
    unitName: "Đảng ủy xã Thạnh An",
    notifyMembers: true,
  });
  const parent2026 = {
    id: commune2026.id,
    symbol: "45-KH/ĐU",
    date: "2026-03-02",
    subject: commune2026Content.subject,
    place: "Thạnh An",
    unitName: "Đảng ủy xã Thạnh An",
  };
  // Hội Phụ nữ issued on time, Đoàn Thanh niên late; the party cells have not issued yet.
  for (const [code, date, time] of [
    ["hpn-thanh-an", "2026-03-16", "10:00"],
    ["dtn-thanh-an", "2026-03-27", "14:00"],
  ] as const) {
    const unitId = ids.units[code];
    if (!unitId) continue;
    const unit = await q.getUnitAsOf(tx, unitId, date);
    if (!unit) continue;
    const content = prefillFromParent({
      parent: parent2026,
      unit: { kind: unit.kind, name: unit.name, shortName: unit.short_name },
      office,
      signer: null,
      number: 1,
      date,
    });
    const who = MASS_ORG_SIGNERS[code]!;
    await seedPlan(tx, {
      campaignId: c2026,
      unitId,
      parentPlanId: commune2026.id,
      content: { ...content, signerName: who.signer, ...(who.titles ? { signatureTitles: who.titles } : {}) },
      symbol: `01-KH/${unit.symbol_code}`,
      issuedAt: at(date, time),
      issuedBy: account("xa.bithu"),
      issuerPersonId: null,
      unitName: unit.name,
      notifyMembers: false,
    });
  }
}

addDemoSeeder(seedCampaignsAndPlans);
