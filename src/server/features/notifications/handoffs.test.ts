import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildPerson, buildUnit, TEST_PASSWORD } from "../../test/factories.js";
import { setupTestApp, signIn, type TestContext } from "../../test/support.js";
import { buildCampaignRow } from "../campaigns/campaigns.fixtures.js";

/**
 * Hand-offs between levels that had no notification (issue 9, point 2): the commune's plan to the
 * cells and bodies that implement it, a cell's result report to TTKV and the commune's secretary.
 * The others (registration submitted/approved/returned, commendation proposed/decided, supervision
 * report, violations, evaluation approvals) are tested with their features.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

async function commune() {
  const db = ctx.db;
  const commune = await buildUnit(db, { kind: "commune_party_committee", name: "Đảng ủy xã Bàn Giao", symbolCode: "ĐU" });
  const ttkv = await buildUnit(db, { kind: "mass_mobilization_office", parentId: commune, name: "Thường trực Khối vận xã Bàn Giao", symbolCode: "KV" });
  const cell = await buildUnit(db, { parentId: commune, name: "Chi bộ ấp Bàn Giao" });
  const front = await buildUnit(db, { kind: "fatherland_front", parentId: commune, name: "Ủy ban MTTQ xã Bàn Giao", symbolCode: "MTTQ" });
  const p = async (unitId: string, role: string, fullName: string) => (await buildPerson(db, { unitId, role, fullName })).personId;
  const people = {
    communeSecretary: await p(commune, "secretary", "Bí Thư Xã"),
    communeMember: await p(commune, "committee_member", "Ủy Viên Xã"),
    ttkvStaff: await p(ttkv, "member", "Cán Bộ Khối Vận"),
    cellSecretary: await p(cell, "secretary", "Bí Thư Chi Bộ"),
    cellMember: await p(cell, "member", "Đảng Viên Chi Bộ"),
    frontChair: await p(front, "secretary", "Chủ Tịch Mặt Trận"),
  };
  const acc = async (unitId: string, personId: string) =>
    signIn(ctx.app, (await buildAccount(db, { scopes: [{ unitId, scope: "manage" }], personId })).username, TEST_PASSWORD);
  const { campaignId } = await buildCampaignRow(db, { unitId: commune, planDeadline: "2026-03-31" });
  return { commune, ttkv, cell, front, people, campaignId, communeClient: await acc(commune, people.communeSecretary), cellClient: await acc(cell, people.cellSecretary) };
}

const notificationsOf = (personId: string, kind: string) =>
  ctx.db.query<{ title: string; body: string | null; link: string | null; subject_id: string | null }>(
    "SELECT title, body, link, subject_id FROM notifications WHERE person_id = $1 AND kind = $2",
    [personId, kind],
  );

describe("hand-off notifications", () => {
  it("the commune issues its plan: the secretaries of the cells and bodies below are asked to build theirs; its members to study it", async () => {
    const t = await commune();
    const created = await t.communeClient.post("/api/plans", { campaignId: t.campaignId, unitId: t.commune });
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    const sections = (await t.communeClient.get(`/api/plans/${planId}`)).body.sections as { heading: string; responsibilities: unknown[] }[];
    const filled = sections.map((s) => ({ ...s, paragraphs: [{ kind: "bullet", text: "Nội dung." }] }));
    expect((await t.communeClient.patch(`/api/plans/${planId}`, { sections: filled })).status).toBe(204);
    const issued = await t.communeClient.post(`/api/plans/${planId}/issue`, {});
    expect(issued.status).toBe(200);
    for (const who of [t.people.cellSecretary, t.people.frontChair]) {
      const n = await notificationsOf(who, "plan.cascade");
      expect(n).toHaveLength(1);
      expect(n[0]).toMatchObject({ link: `/phong-trao/${t.campaignId}`, subject_id: planId });
      expect(n[0]!.title).toContain(`Đảng ủy xã Bàn Giao ban hành Kế hoạch số ${issued.body.symbol as string}`);
      expect(n[0]!.body).toContain("Đề nghị đồng chí xây dựng kế hoạch thực hiện của đơn vị trước ngày 31/03/2026");
    }
    // a cell's ordinary member hears from their own cell, the TTKV staff and the issuer get nothing of this kind
    for (const who of [t.people.cellMember, t.people.ttkvStaff, t.people.communeSecretary]) expect(await notificationsOf(who, "plan.cascade")).toEqual([]);
    expect(await notificationsOf(t.people.communeMember, "plan.issued")).toHaveLength(1);
  });

  it("a cell submits its result report qua TTKV: the TTKV staff and the commune's secretary are told, once", async () => {
    const t = await commune();
    const full = { strengths: "Tốt.", limitations: "Chậm.", causes: "Thời gian.", nextSteps: "Duy trì." };
    const r = await t.cellClient.post(`/api/reports/${t.campaignId}/units/${t.cell}/submit`, full);
    expect(r.status).toBe(200);
    const reportId = (await ctx.db.query<{ id: string }>("SELECT id FROM result_reports WHERE campaign_id = $1 AND unit_id = $2", [t.campaignId, t.cell]))[0]!.id;
    for (const who of [t.people.ttkvStaff, t.people.communeSecretary]) {
      const n = await notificationsOf(who, "result_report.submitted");
      expect(n).toHaveLength(1);
      expect(n[0]).toMatchObject({ link: `/bao-cao/${t.campaignId}/${t.cell}`, subject_id: reportId });
      expect(n[0]!.title).toMatch(/^Chi bộ ấp Bàn Giao đã gửi Báo cáo số .+ qua Thường trực Khối vận xã Bàn Giao$/);
    }
    // not the sender, not a committee member who is not the secretary, not the cell's members
    for (const who of [t.people.cellSecretary, t.people.communeMember, t.people.cellMember]) expect(await notificationsOf(who, "result_report.submitted")).toEqual([]);
    expect((await t.cellClient.post(`/api/reports/${t.campaignId}/units/${t.cell}/submit`, full)).status).toBe(409);
    expect(await notificationsOf(t.people.ttkvStaff, "result_report.submitted")).toHaveLength(1);
  });
});
