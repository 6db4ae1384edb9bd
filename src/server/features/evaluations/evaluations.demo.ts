/**
 * Demo data of slice C (runs after the campaigns and registrations seeders, whose rows it finds by
 * SELECT): in the school cell's 2020 campaign, supervision notes, a traffic violation that breaks
 * a teacher's IV.2 commitment, a submitted supervision report (and a draft), self-assessments, an
 * evaluation IN PROGRESS (draft, some members rated), one commendation proposal awaiting the
 * commune and one approved for Chi bộ ấp Thạnh Hòa.
 *
 * When an earlier seeder's rows are missing (a build without those slices), the minimum needed is
 * created here, guarded by existence checks, so the demo never depends on the order of building.
 */
import { FIVE_NOT_CRITERIA_2019 } from "@domain/criteria.js";
import type { Tx } from "../../db/client.js";
import type { DemoIds } from "../../db/seed/demo-organisation.js";
import { addDemoSeeder } from "../../db/seed/demo.js";
import { notifyPeople } from "../supervision/notify.js";
import { assembleFindings } from "../supervision/supervision.service.js";
import { refreshAllCommitmentOutcomes } from "../registrations/commitments.js";

const at = (date: string, time = "08:00") => new Date(`${date}T${time}:00+07:00`);

async function auditRow(tx: Tx, o: { at: Date; account: string | null; username: string | null; action: string; subjectType: string; subjectId: string; unitId: string; after: unknown }) {
  await tx.query(
    `INSERT INTO audit_log (at, actor_account_id, actor_username, action, subject_type, subject_id, unit_id, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [o.at, o.account, o.username, o.action, o.subjectType, o.subjectId, o.unitId, JSON.stringify(o.after)],
  );
}

/** The 2020 campaign of the commune, created minimally if the campaigns seeder did not run. */
async function ensureCampaign2020(tx: Tx, commune: string) {
  const found = await tx.query<{ id: string; period_start: string; period_end: string }>(
    "SELECT id, period_start, period_end FROM campaigns WHERE unit_id = $1 AND year = 2020 ORDER BY created_at LIMIT 1",
    [commune],
  );
  if (found[0]) return found[0];
  const set = await tx.query<{ id: string }>("INSERT INTO criteria_sets (issuing_unit_id, name, year, status) VALUES ($1, $2, 2019, 'published') RETURNING id", [
    commune,
    FIVE_NOT_CRITERIA_2019.name,
  ]);
  for (const [ci, c] of FIVE_NOT_CRITERIA_2019.criteria.entries()) {
    const cr = await tx.query<{ id: string }>("INSERT INTO criteria (set_id, code, title, sort) VALUES ($1, $2, $3, $4) RETURNING id", [set[0]!.id, c.code, c.title, ci]);
    for (const [ii, it] of c.subItems.entries()) {
      await tx.query("INSERT INTO criterion_items (criterion_id, code, title, guidance, mandatory, sort) VALUES ($1, $2, $3, $4, $5, $6)", [
        cr[0]!.id,
        it.code,
        it.title,
        it.text,
        it.mandatory,
        ii,
      ]);
    }
  }
  const r = await tx.query<{ id: string; period_start: string; period_end: string }>(
    `INSERT INTO campaigns (unit_id, name, year, period_start, period_end, criteria_set_id, status)
     VALUES ($1, 'Phong trào thi đua “Dân vận khéo” gắn với nội dung “5 không” năm 2020', 2020, '2020-03-02', '2020-11-30', $2, 'active')
     RETURNING id, period_start, period_end`,
    [commune, set[0]!.id],
  );
  return r[0]!;
}

/** A person's commitment on an item in the campaign and unit; created (approved registration) when missing. */
async function ensureCommitment(tx: Tx, o: { campaignId: string; unitId: string; personId: string; item: string; action: string; status?: string }) {
  const found = await tx.query<{ id: string }>(
    `SELECT cm.id FROM commitments cm JOIN registrations r ON r.id = cm.registration_id
       JOIN criterion_items ci ON ci.id = cm.criterion_item_id
      WHERE r.campaign_id = $1 AND r.unit_id = $2 AND r.person_id = $3 AND ci.code = $4 AND r.status <> 'draft' ORDER BY cm.sort LIMIT 1`,
    [o.campaignId, o.unitId, o.personId, o.item],
  );
  if (found[0]) return found[0].id;
  let reg = (
    await tx.query<{ id: string }>("SELECT id FROM registrations WHERE campaign_id = $1 AND unit_id = $2 AND person_id = $3", [o.campaignId, o.unitId, o.personId])
  )[0]?.id;
  if (!reg) {
    reg = (
      await tx.query<{ id: string }>(
        "INSERT INTO registrations (campaign_id, unit_id, person_id, status, submitted_at, reviewed_at) VALUES ($1, $2, $3, 'approved', $4, $4) RETURNING id",
        [o.campaignId, o.unitId, o.personId, at("2020-03-20")],
      )
    )[0]!.id;
  }
  const item = await tx.query<{ id: string }>(
    "SELECT ci.id FROM criterion_items ci JOIN criteria c ON c.id = ci.criterion_id JOIN campaigns k ON k.criteria_set_id = c.set_id WHERE k.id = $1 AND ci.code = $2",
    [o.campaignId, o.item],
  );
  const r = await tx.query<{ id: string }>(
    "INSERT INTO commitments (registration_id, criterion_item_id, action, target, status, sort) VALUES ($1, $2, $3, 'Đạt', $4, 99) RETURNING id",
    [reg, item[0]!.id, o.action, o.status ?? "not_started"],
  );
  return r[0]!.id;
}

async function seedSupervisionAndEvaluation(tx: Tx, ids: DemoIds): Promise<void> {
  const commune = ids.units["xa-thanh-an"];
  const school = ids.units["cb-tieu-hoc-thanh-an"];
  const hamlet = ids.units["cb-ap-thanh-hoa"];
  if (!commune || !school || !hamlet) return;
  const p = (name: string) => ids.people[name]!;
  const acc = (u: string) => ids.accounts[u] ?? null;
  const campaign = await ensureCampaign2020(tx, commune);
  const c = campaign.id;
  const deputy = acc("th.phobithu");
  const secretary = acc("th.bithu");
  const communeSec = acc("xa.bithu");

  const lan = p("Huỳnh Thị Lan");
  const commit = (person: string, item: string, action: string, status?: string) =>
    ensureCommitment(tx, { campaignId: c, unitId: school, personId: p(person), item, action, ...(status ? { status } : {}) });
  const lanTraffic = await commit("Huỳnh Thị Lan", "IV.2", "Chấp hành nghiêm Luật Giao thông đường bộ, không vi phạm");
  const anCleanUp = await commit("Nguyễn Văn An", "III.2", "Tổng vệ sinh lớp học, sân trường sáng thứ Bảy", "in_progress");
  const tamLibrary = await commit("Đỗ Thanh Tâm", "III.2", "Xây dựng “Thư viện xanh”", "in_progress");
  const hoaPoor = await commit("Phạm Thị Hoa", "I.4", "Vận động quyên góp cho học sinh hộ nghèo", "not_achieved");

  // ---- supervision notes by the deputy secretary (Trần Thị Mai)
  const notes: { person: string | null; commitment: string | null; on: string; text: string }[] = [
    { person: "Nguyễn Văn An", commitment: anCleanUp, on: "2020-04-20", text: "Lớp 4A duy trì tổng vệ sinh sáng thứ Bảy đủ 4 buổi; học sinh bước đầu phân loại rác tại lớp." },
    { person: null, commitment: null, on: "2020-05-15", text: "Chi bộ duy trì sinh hoạt định kỳ; 11/12 đảng viên đã đăng ký việc làm thiết thực, còn đồng chí Lý Thị Kim Anh chưa đăng ký." },
    { person: "Đỗ Thanh Tâm", commitment: tamLibrary, on: "2020-06-05", text: "“Thư viện xanh” hoạt động hiệu quả: học kỳ II thu gom 210 kg giấy vụn, chai nhựa, đổi được 96 đầu sách. Đề nghị nhân rộng sang các lớp khối 3." },
    { person: "Phạm Thị Hoa", commitment: hoaPoor, on: "2020-06-25", text: "Việc vận động áo trắng cho học sinh hộ nghèo còn chậm do ảnh hưởng dịch Covid-19; đề nghị phối hợp Ban đại diện cha mẹ học sinh." },
    { person: "Huỳnh Thị Lan", commitment: lanTraffic, on: "2020-08-20", text: "Đã trao đổi với đồng chí về vi phạm ngày 14/8; đồng chí nhận khuyết điểm, cam kết không tái phạm." },
  ];
  for (const n of notes) {
    const r = await tx.query<{ id: string }>(
      `INSERT INTO supervision_notes (campaign_id, unit_id, person_id, commitment_id, noted_on, note, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [c, school, n.person ? p(n.person) : null, n.commitment, n.on, n.text, deputy, at(n.on, "16:30")],
    );
    await auditRow(tx, { at: at(n.on, "16:30"), account: deputy, username: "th.phobithu", action: "supervision.note_create", subjectType: "supervision_note", subjectId: r[0]!.id, unitId: school, after: { demo: true } });
  }

  // ---- the traffic violation that breaks Huỳnh Thị Lan's IV.2 commitment
  const v = await tx.query<{ id: string }>(
    `INSERT INTO violations (campaign_id, unit_id, person_id, commitment_id, kind, occurred_on, description, created_by, created_at)
     VALUES ($1, $2, $3, $4, 'traffic', '2020-08-14', $5, $6, $7) RETURNING id`,
    [c, school, lan, lanTraffic, "Không đội mũ bảo hiểm khi điều khiển xe mô tô trên đường liên ấp, bị CSGT lập biên bản, phạt 200.000 đồng", deputy, at("2020-08-17", "09:00")],
  );
  await auditRow(tx, { at: at("2020-08-17", "09:00"), account: deputy, username: "th.phobithu", action: "violation.create", subjectType: "violation", subjectId: v[0]!.id, unitId: school, after: { kind: "traffic", demo: true } });
  await notifyPeople(tx, [lan], { kind: "violation.recorded", title: "Ghi nhận vi phạm: Vi phạm luật giao thông", body: "Ngày 14/08/2020 — Không đội mũ bảo hiểm, bị CSGT lập biên bản", link: "/tu-danh-gia", subjectId: v[0]!.id });

  // ---- supervision reports: Q2 submitted to the secretary, Q3 in draft
  const q2 = await assembleFindings(tx, { campaignId: c, unitId: school, from: "2020-04-01", to: "2020-06-30", campaignFrom: campaign.period_start, campaignTo: campaign.period_end });
  const r2 = await tx.query<{ id: string }>(
    `INSERT INTO supervision_reports (campaign_id, unit_id, period_start, period_end, findings, summary, proposals, status, submitted_at, submitted_by, created_by, created_at, updated_at)
     VALUES ($1, $2, '2020-04-01', '2020-06-30', $3::jsonb, $4, $5, 'submitted', $6, $7, $7, $8, $6) RETURNING id`,
    [
      c,
      school,
      JSON.stringify(q2.findings),
      "Quý II/2020, các đồng chí đảng viên thực hiện nghiêm túc việc làm đã đăng ký; nhiều việc làm có kết quả cụ thể (tổng vệ sinh, “Thư viện xanh”). Một số việc làm chậm do ảnh hưởng dịch Covid-19.",
      "Đề nghị Bí thư nhắc đồng chí Lý Thị Kim Anh hoàn thành đăng ký; biểu dương mô hình “Thư viện xanh” tại cuộc họp chi bộ tháng 7.",
      at("2020-07-02", "10:00"),
      deputy,
      at("2020-07-01", "15:00"),
    ],
  );
  await auditRow(tx, { at: at("2020-07-02", "10:00"), account: deputy, username: "th.phobithu", action: "supervision_report.submit", subjectType: "supervision_report", subjectId: r2[0]!.id, unitId: school, after: { status: "submitted" } });
  await notifyPeople(tx, [p("Lê Hữu Bình")], { kind: "supervision_report.submitted", title: "Báo cáo giám sát kỳ 01/04/2020 – 30/06/2020", body: "Trần Thị Mai đã gửi báo cáo giám sát.", link: `/giam-sat/bao-cao/${r2[0]!.id}`, subjectId: r2[0]!.id });
  await tx.query(
    `INSERT INTO supervision_reports (campaign_id, unit_id, period_start, period_end, summary, created_by, created_at)
     VALUES ($1, $2, '2020-07-01', '2020-09-30', 'Quý III/2020: đang tổng hợp.', $3, $4)`,
    [c, school, deputy, at("2020-09-28", "15:00")],
  );

  // ---- self-assessments
  const selfs: { person: string; rating: string; score: number; text: string }[] = [
    { person: "Lê Hữu Bình", rating: "good", score: 88, text: "Hoàn thành các việc làm đã đăng ký: không có phản ánh của phụ huynh, không vi phạm luật giao thông, quán triệt đầy đủ chủ trương trong sinh hoạt chi bộ." },
    { person: "Nguyễn Văn An", rating: "good", score: 82, text: "Lớp 4A duy trì tổng vệ sinh hằng tuần; tổ chức 2 buổi tuyên truyền an toàn giao thông; bản thân chấp hành tốt luật giao thông." },
    { person: "Đỗ Thanh Tâm", rating: "excellent", score: 95, text: "Xây dựng và duy trì “Thư viện xanh”: cả năm thu gom 420 kg giấy vụn, chai nhựa, bổ sung 180 đầu sách (vượt chỉ tiêu 150 đầu sách)." },
    { person: "Huỳnh Thị Lan", rating: "complete", score: 65, text: "Vận động được 100% phụ huynh lớp 2B ký cam kết phân loại rác. Tháng 8 bản thân có vi phạm luật giao thông (không đội mũ bảo hiểm), đã nhận khuyết điểm." },
  ];
  for (const s of selfs) {
    await tx.query(
      `INSERT INTO self_assessments (campaign_id, unit_id, person_id, content, proposed_rating, self_score, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT DO NOTHING`,
      [c, school, p(s.person), s.text, s.rating, s.score, at("2020-11-25", "20:00")],
    );
  }

  // ---- the school cell's evaluation, in progress: a few members judged and rated
  const e = await tx.query<{ id: string }>(
    "INSERT INTO evaluations (campaign_id, unit_id, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (campaign_id, unit_id) DO NOTHING RETURNING id",
    [c, school, secretary, at("2020-12-01", "14:00")],
  );
  const evaluationId = e[0]?.id;
  if (evaluationId) {
    await auditRow(tx, { at: at("2020-12-01", "14:00"), account: secretary, username: "th.bithu", action: "evaluation.start", subjectType: "evaluation", subjectId: evaluationId, unitId: school, after: { demo: true } });
    const judge = async (id: string, status: "achieved" | "not_achieved", note: string | null, exceeded = false) =>
      tx.query("UPDATE commitments SET judged_status = $2, judged_note = $3, judged_exceeded = $4, judged_by = $5, judged_at = $6 WHERE id = $1", [
        id,
        status,
        note,
        exceeded,
        secretary,
        at("2020-12-01", "15:00"),
      ]);
    // The secretary has gone through the commitments of the members rated so far.
    const commitmentsOf = async (person: string) =>
      (
        await tx.query<{ id: string }>(
          "SELECT cm.id FROM commitments cm JOIN registrations r ON r.id = cm.registration_id WHERE r.campaign_id = $1 AND r.unit_id = $2 AND r.person_id = $3 AND r.status <> 'draft'",
          [c, school, p(person)],
        )
      ).map((x) => x.id);
    for (const person of ["Lê Hữu Bình", "Trần Thị Mai", "Đỗ Thanh Tâm", "Huỳnh Thị Lan"]) {
      for (const id of await commitmentsOf(person)) await judge(id, "achieved", null);
    }
    await judge(tamLibrary, "achieved", "Vượt chỉ tiêu: 420 kg giấy vụn, chai nhựa; 180 đầu sách", true);
    await judge(lanTraffic, "not_achieved", "Vi phạm luật giao thông ngày 14/08/2020 (không đội mũ bảo hiểm, CSGT lập biên bản)");
    const rate = async (person: string, score: number, rating: string, notes: string | null) =>
      tx.query("INSERT INTO evaluation_items (evaluation_id, person_id, score, rating, notes, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
        evaluationId,
        p(person),
        score,
        rating,
        notes,
        secretary,
        at("2020-12-01", "15:30"),
      ]);
    await rate("Lê Hữu Bình", 88, "good", null);
    await rate("Trần Thị Mai", 86, "good", null);
    await rate("Đỗ Thanh Tâm", 95, "excellent", "Gương điển hình với mô hình “Thư viện xanh”");
    await rate("Huỳnh Thị Lan", 60, "complete", "Có vi phạm luật giao thông, không đạt cam kết IV.2");
  }

  // ---- commendations: the school cell proposes (awaiting the commune); Thạnh Hòa's approved
  const tam = await tx.query<{ id: string }>(
    `INSERT INTO commendation_proposals (campaign_id, unit_id, subject_kind, person_id, achievements, created_by, created_at, updated_at)
     VALUES ($1, $2, 'person', $3, $4, $5, $6, $6) RETURNING id`,
    [
      c,
      school,
      p("Đỗ Thanh Tâm"),
      "Xây dựng và duy trì mô hình “Thư viện xanh”: cả năm học thu gom 420 kg giấy vụn, chai nhựa, đổi 180 đầu sách mới; học sinh không còn xả rác trong sân trường. Được chi bộ xếp loại Hoàn thành xuất sắc nhiệm vụ.",
      secretary,
      at("2020-12-02", "09:00"),
    ],
  );
  await auditRow(tx, { at: at("2020-12-02", "09:00"), account: secretary, username: "th.bithu", action: "commendation.propose", subjectType: "commendation_proposal", subjectId: tam[0]!.id, unitId: school, after: { demo: true } });

  const hamletModel = await tx.query<{ id: string }>(
    `SELECT m.id FROM models m JOIN registrations r ON r.id = m.registration_id WHERE r.campaign_id = $1 AND r.unit_id = $2 AND r.status <> 'draft' ORDER BY m.created_at LIMIT 1`,
    [c, hamlet],
  );
  const hamletSec = acc("thanhhoa.bithu");
  const approved = await tx.query<{ id: string }>(
    `INSERT INTO commendation_proposals (campaign_id, unit_id, subject_kind, person_id, model_id, achievements, status, decided_by, decided_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'approved', $7, $8, $9, $10, $8) RETURNING id`,
    [
      c,
      hamlet,
      hamletModel[0] ? "model" : "person",
      hamletModel[0] ? null : p("Nguyễn Văn Sơn"),
      hamletModel[0]?.id ?? null,
      "Mô hình “Tuyến đường hoa không rác”: mỗi đảng viên phụ trách 10 hộ dọc tuyến đường; 1 km đường liên ấp có hoa, không còn điểm rác tự phát; 212/250 hộ ký cam kết không xả rác ra kênh rạch.",
      communeSec,
      at("2020-12-08", "10:00"),
      hamletSec,
      at("2020-12-03", "08:30"),
    ],
  );
  await auditRow(tx, { at: at("2020-12-08", "10:00"), account: communeSec, username: "xa.bithu", action: "commendation.approve", subjectType: "commendation_proposal", subjectId: approved[0]!.id, unitId: hamlet, after: { status: "approved", demo: true } });
}

// The rows above are written directly: their outcomes are computed by the one rule afterwards.
addDemoSeeder(async (tx, ids) => {
  await seedSupervisionAndEvaluation(tx, ids);
  await refreshAllCommitmentOutcomes(tx);
});
