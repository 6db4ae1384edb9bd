import { registrationAuthzScenario } from "../features/registrations/registrations.fixtures.js";
import { sliceCAuthzScenario } from "../features/supervision/supervision.fixtures.js";
import { campaignAuthzScenario, demoNotificationId, demoPlanId } from "../features/campaigns/campaigns.fixtures.js";
import { reportsAuthzScenario } from "../features/reports/reports.fixtures.js";
import type { Client, Response, TestContext } from "../test/support.js";

export interface AuthzFixture {
  ctx: TestContext;
  as(username: string): Promise<Client>;
}

export interface AuthzCase {
  /** The out-of-scope actor. */
  as: string;
  method: string;
  url: string;
  body?: unknown;
  /** Accepted statuses: 403, or 404 where existence would leak; 200 only for lists that must come back filtered. */
  expect: number[];
  check?: (res: Response) => void | Promise<void>;
}

type CaseFactory = (f: AuthzFixture) => Promise<AuthzCase>;

const u = (f: AuthzFixture, code: string) => f.ctx.units[code]!;
async function personIdOf(f: AuthzFixture, name: string): Promise<string> {
  const r = await f.ctx.db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = $1", [name]);
  return r[0]!.id;
}
async function positionIdOf(f: AuthzFixture, name: string): Promise<string> {
  const r = await f.ctx.db.query<{ id: string }>("SELECT p.id FROM positions p JOIN persons pe ON pe.id = p.person_id WHERE pe.full_name = $1 AND p.end_date IS NULL", [name]);
  return r[0]!.id;
}
async function anyCampaignId(f: AuthzFixture): Promise<string> {
  const r = await f.ctx.db.query<{ id: string }>("SELECT id FROM campaigns ORDER BY created_at LIMIT 1");
  return r[0]?.id ?? "00000000-0000-4000-8000-000000000000";
}
async function accountIdOf(f: AuthzFixture, username: string): Promise<string> {
  const r = await f.ctx.db.query<{ id: string }>("SELECT id FROM accounts WHERE username = $1", [username]);
  return r[0]!.id;
}

const regs = (f: AuthzFixture) => registrationAuthzScenario(f.ctx.db, f.ctx.units);
const sc = (f: AuthzFixture) => sliceCAuthzScenario(f.ctx.db, f.ctx.units);
const camp = (f: AuthzFixture) => campaignAuthzScenario(f.ctx.db, f.ctx.units);
const planOf = (f: AuthzFixture, unitCode: string, year: number) => demoPlanId(f.ctx.db, f.ctx.units, unitCode, year);

/**
 * One out-of-scope request per route ("METHOD /url" as Fastify registers it). A feature that adds
 * a route adds its case here; the route-table test fails until it does.
 */
const rep = async (f: AuthzFixture, unitCode: string, suffix = "") => `/api/reports/${(await reportsAuthzScenario(f.ctx.db, f.ctx.units)).campaignId}/units/${u(f, unitCode)}${suffix}`;

/** The DOCX and PDF download of one document, asked for by the secretary of another cell. */
function documentCases(route: string, url: (f: AuthzFixture) => Promise<string>): Record<string, CaseFactory> {
  const out: Record<string, CaseFactory> = {};
  for (const ext of ["docx", "pdf"]) {
    out[`GET ${route}/export.${ext}`] = async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: `${await url(f)}/export.${ext}`, expect: [404] });
  }
  return out;
}

export const AUTHORIZATION_CASES: Record<string, CaseFactory> = {
  // campaigns, criteria sets, plans, notifications (slice A)
  "GET /api/criteria-sets": async (f) => {
    await camp(f);
    return {
      as: "th.bithu",
      method: "GET",
      url: "/api/criteria-sets",
      expect: [200],
      check: (res) => {
        if (res.body.items.some((x: { name: string; status: string }) => x.name === "Bộ tiêu chí xã khác" || x.status === "draft")) throw new Error("another commune's or a draft set leaked");
      },
    };
  },
  "GET /api/criteria-sets/:id": async (f) => ({ as: "th.bithu", method: "GET", url: `/api/criteria-sets/${(await camp(f)).foreignSetId}`, expect: [404] }),
  "POST /api/criteria-sets": async (f) => ({
    as: "thanhhoa.bithu",
    method: "POST",
    url: "/api/criteria-sets",
    body: { basedOnSetId: (await f.ctx.db.query<{ id: string }>("SELECT id FROM criteria_sets WHERE code = '5K-2019'"))[0]!.id, year: 2027, name: "Bộ tiêu chí trái phép" },
    expect: [403, 404],
  }),
  "PUT /api/criteria-sets/:id": async (f) => ({
    as: "khoivan.xa",
    method: "PUT",
    url: `/api/criteria-sets/${(await camp(f)).communeDraftSetId}`,
    body: { name: "Sửa trái phép", code: "X-2027", criteria: [] },
    expect: [403],
  }),
  "POST /api/criteria-sets/:id/publish": async (f) => ({ as: "th.bithu", method: "POST", url: `/api/criteria-sets/${(await camp(f)).communeDraftSetId}/publish`, expect: [404] }),
  "GET /api/campaigns": async (f) => {
    await camp(f);
    return {
      as: "th.bithu",
      method: "GET",
      url: "/api/campaigns",
      expect: [200],
      check: (res) => {
        if (res.body.items.some((x: { name: string }) => x.name === "Phong trào của xã khác")) throw new Error("another commune's campaign leaked");
      },
    };
  },
  "GET /api/campaigns/unissued-plans": async () => ({
    as: "th.bithu",
    method: "GET",
    url: "/api/campaigns/unissued-plans",
    expect: [200],
    check: (res) => {
      if (res.body.items.length) throw new Error("a cell secretary saw the commune's follow-up");
    },
  }),
  "GET /api/campaigns/:id": async (f) => ({ as: "th.bithu", method: "GET", url: `/api/campaigns/${(await camp(f)).foreignCampaignId}`, expect: [404] }),
  "POST /api/campaigns": async (f) => ({
    as: "thanhhoa.bithu",
    method: "POST",
    url: "/api/campaigns",
    body: {
      unitId: u(f, "xa-thanh-an"),
      name: "Phong trào trái phép",
      year: 2026,
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      criteriaSetId: (await f.ctx.db.query<{ id: string }>("SELECT id FROM criteria_sets WHERE code = '5K-2019'"))[0]!.id,
    },
    expect: [403, 404],
  }),
  "DELETE /api/campaigns/:id": async (f) => ({ as: "xa.bithu", method: "DELETE", url: `/api/campaigns/${(await camp(f)).foreignCampaignId}`, expect: [404] }),
  "PATCH /api/campaigns/:id": async (f) => ({
    as: "khoivan.xa",
    method: "PATCH",
    url: `/api/campaigns/${(await f.ctx.db.query<{ campaign_id: string }>("SELECT campaign_id FROM plans WHERE id = $1", [await planOf(f, "xa-thanh-an", 2026)]))[0]!.campaign_id}`,
    body: { name: "Đổi tên trái phép" },
    expect: [403],
  }),
  "GET /api/plans/number-suggestion": async (f) => ({
    as: "th.bithu",
    method: "GET",
    url: `/api/plans/number-suggestion?unitId=${u(f, "cb-ap-thanh-hoa")}&date=2026-11-01`,
    expect: [404],
  }),
  "GET /api/plans/to-acknowledge": async () => ({
    as: "th.gv07",
    method: "GET",
    url: "/api/plans/to-acknowledge",
    expect: [200],
    check: (res) => {
      if (res.body.items.some((x: { unitName: string }) => x.unitName !== "Chi bộ Trường Tiểu học Thạnh An")) throw new Error("another unit's plan listed");
    },
  }),
  "GET /api/plans/:id": async (f) => ({ as: "th.bithu", method: "GET", url: `/api/plans/${await planOf(f, "cb-ap-thanh-hoa", 2020)}`, expect: [404] }),
  "POST /api/plans": async (f) => ({
    as: "thanhhoa.bithu",
    method: "POST",
    url: "/api/plans",
    body: {
      campaignId: (await f.ctx.db.query<{ campaign_id: string }>("SELECT campaign_id FROM plans WHERE id = $1", [await planOf(f, "xa-thanh-an", 2026)]))[0]!.campaign_id,
      unitId: u(f, "cb-tieu-hoc-thanh-an"),
      parentPlanId: await planOf(f, "xa-thanh-an", 2026),
    },
    expect: [403, 404],
  }),
  "PATCH /api/plans/:id": async (f) => ({ as: "th.bithu", method: "PATCH", url: `/api/plans/${await planOf(f, "cb-ap-thanh-hoa", 2020)}`, body: { place: "Nơi khác" }, expect: [404] }),
  "DELETE /api/plans/:id": async (f) => ({ as: "th.bithu", method: "DELETE", url: `/api/plans/${await planOf(f, "cb-ap-thanh-hoa", 2020)}`, expect: [404] }),
  "POST /api/plans/:id/issue": async (f) => ({ as: "khoivan.xa", method: "POST", url: `/api/plans/${await planOf(f, "cb-tieu-hoc-thanh-an", 2020)}/issue`, expect: [403] }),
  "POST /api/plans/:id/versions": async (f) => ({ as: "thanhhoa.bithu", method: "POST", url: `/api/plans/${await planOf(f, "cb-tieu-hoc-thanh-an", 2020)}/versions`, expect: [404] }),
  "POST /api/plans/:id/acknowledge": async (f) => ({ as: "thanhhoa.bithu", method: "POST", url: `/api/plans/${await planOf(f, "xa-thanh-an", 2026)}/acknowledge`, expect: [403] }),
  "GET /api/plans/:id/acknowledgements": async (f) => ({ as: "th.gv01", method: "GET", url: `/api/plans/${await planOf(f, "cb-tieu-hoc-thanh-an", 2020)}/acknowledgements`, expect: [403] }),
  "GET /api/notifications": async () => ({
    as: "th.gv06",
    method: "GET",
    url: "/api/notifications",
    expect: [200],
    check: (res) => {
      if (res.body.items.some((x: { title: string }) => x.title.includes("Thạnh Hòa"))) throw new Error("another person's notification leaked");
    },
  }),
  "POST /api/notifications/:id/read": async (f) => ({ as: "th.gv02", method: "POST", url: `/api/notifications/${await demoNotificationId(f.ctx.db, "Bùi Thị Ngọc")}/read`, expect: [404] }),
  "POST /api/notifications/read-all": async () => ({
    as: "khoivan.xa",
    method: "POST",
    url: "/api/notifications/read-all",
    expect: [200],
    check: (res) => {
      if (res.body.updated !== 0) throw new Error("marked someone else's notifications read");
    },
  }),

  // auth: only ever acts on the caller's own session, so the "foreign" case is another account's data not leaking
  "POST /api/auth/logout": async () => ({ as: "th.gv07", method: "POST", url: "/api/auth/logout", expect: [204] }),
  "GET /api/auth/me": async () => ({
    as: "th.gv01",
    method: "GET",
    url: "/api/auth/me",
    expect: [200],
    check: (res) => {
      if (res.body.account.username !== "th.gv01") throw new Error("me leaked another account");
    },
  }),
  "POST /api/auth/change-password": async () => ({
    as: "th.gv02",
    method: "POST",
    url: "/api/auth/change-password",
    body: { currentPassword: "sai-mat-khau", newPassword: "Khong-duoc-doi-2026" },
    expect: [400],
  }),

  "GET /api/units": async () => ({
    as: "th.bithu",
    method: "GET",
    url: "/api/units",
    expect: [200],
    check: (res) => {
      if (res.body.units.some((x: { name: string }) => x.name === "Chi bộ ấp Thạnh Hòa")) throw new Error("tree leaked another cell");
    },
  }),
  "GET /api/units/:id": async (f) => ({ as: "th.bithu", method: "GET", url: `/api/units/${u(f, "cb-ap-thanh-hoa")}`, expect: [404] }),
  "POST /api/units": async (f) => ({
    as: "thanhhoa.bithu",
    method: "POST",
    url: "/api/units",
    body: { kind: "party_cell", code: "cb-xam-nhap", name: "Chi bộ xâm nhập", symbolCode: "CB", parentId: u(f, "cb-tieu-hoc-thanh-an"), validFrom: "2026-01-01" },
    expect: [403, 404],
  }),
  "PATCH /api/units/:id": async (f) => ({
    as: "khoivan.xa",
    method: "PATCH",
    url: `/api/units/${u(f, "cb-ap-thanh-hoa")}`,
    body: { name: "Đổi tên trái phép", effectiveDate: "2026-01-01" },
    expect: [403],
  }),
  "POST /api/units/:id/end": async (f) => ({ as: "th.bithu", method: "POST", url: `/api/units/${u(f, "cb-ap-thanh-hoa")}/end`, body: { lastDay: "2026-01-01" }, expect: [404] }),

  "GET /api/people": async () => ({
    as: "thanhhoa.bithu",
    method: "GET",
    url: "/api/people?q=nguyen%20van%20an",
    expect: [200],
    check: (res) => {
      if (res.body.items.length) throw new Error("search leaked another cell's member");
    },
  }),
  "GET /api/people/:id": async (f) => ({ as: "th.bithu", method: "GET", url: `/api/people/${await personIdOf(f, "Trần Văn Dũng")}`, expect: [404] }),
  "POST /api/people": async (f) => ({
    as: "th.bithu",
    method: "POST",
    url: "/api/people",
    body: { fullName: "Người Lạ", categories: [], position: { unitId: u(f, "cb-ap-thanh-hoa"), role: "member", startDate: "2026-01-01" } },
    expect: [403, 404],
  }),
  "PATCH /api/people/:id": async (f) => ({ as: "th.bithu", method: "PATCH", url: `/api/people/${await personIdOf(f, "Trần Văn Dũng")}`, body: { phone: "0900000000" }, expect: [403, 404] }),
  "POST /api/people/:id/positions": async (f) => ({
    as: "thanhhoa.bithu",
    method: "POST",
    url: `/api/people/${await personIdOf(f, "Nguyễn Văn An")}/positions`,
    body: { unitId: u(f, "cb-tieu-hoc-thanh-an"), role: "deputy_secretary", startDate: "2026-01-01" },
    expect: [403, 404],
  }),
  "POST /api/people/:id/positions/:positionId/end": async (f) => ({
    as: "khoivan.xa",
    method: "POST",
    url: `/api/people/${await personIdOf(f, "Nguyễn Văn An")}/positions/${await positionIdOf(f, "Nguyễn Văn An")}/end`,
    body: { endDate: "2026-01-01" },
    expect: [403],
  }),
  "POST /api/people/:id/transfer": async (f) => ({
    as: "th.bithu",
    method: "POST",
    url: `/api/people/${await personIdOf(f, "Trần Văn Dũng")}/transfer`,
    body: { fromPositionId: await positionIdOf(f, "Trần Văn Dũng"), toUnitId: u(f, "cb-tieu-hoc-thanh-an"), role: "member", date: "2026-01-01" },
    expect: [403, 404],
  }),

  "GET /api/accounts": async () => ({
    as: "thanhhoa.bithu",
    method: "GET",
    url: "/api/accounts",
    expect: [200],
    check: (res) => {
      if (res.body.items.some((a: { username: string }) => a.username.startsWith("th."))) throw new Error("accounts leaked");
    },
  }),
  "POST /api/accounts": async (f) => ({
    as: "thanhhoa.bithu",
    method: "POST",
    url: "/api/accounts",
    body: { username: "xam.nhap", displayName: "X", password: "Tam-thoi-Xa-2026", scopes: [{ unitId: u(f, "cb-tieu-hoc-thanh-an"), scope: "manage" }] },
    expect: [403],
  }),
  "POST /api/accounts/:id/reset-password": async (f) => ({ as: "thanhhoa.bithu", method: "POST", url: `/api/accounts/${await accountIdOf(f, "th.bithu")}/reset-password`, body: { newPassword: "Hack-dat-lai-2026" }, expect: [403, 404] }),
  "POST /api/accounts/:id/disable": async (f) => ({ as: "th.bithu", method: "POST", url: `/api/accounts/${await accountIdOf(f, "xa.bithu")}/disable`, expect: [403, 404] }),
  "POST /api/accounts/:id/enable": async (f) => ({ as: "khoivan.xa", method: "POST", url: `/api/accounts/${await accountIdOf(f, "th.gv01")}/enable`, expect: [403] }),
  "PUT /api/accounts/:id/scopes": async (f) => ({
    as: "th.bithu",
    method: "PUT",
    url: `/api/accounts/${await accountIdOf(f, "th.gv01")}/scopes`,
    body: { scopes: [{ unitId: u(f, "xa-thanh-an"), scope: "manage" }] },
    expect: [403],
  }),

  "GET /api/audit": async (f) => ({ as: "th.bithu", method: "GET", url: `/api/audit?unitId=${u(f, "cb-ap-thanh-hoa")}`, expect: [404] }),

  // spreadsheets (XLSX export/import)
  "GET /api/units/:id/members/export.xlsx": async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: `/api/units/${u(f, "cb-tieu-hoc-thanh-an")}/members/export.xlsx`, expect: [404] }),
  "GET /api/campaigns/:campaignId/units/:unitId/registrations/export.xlsx": async (f) => ({
    as: "thanhhoa.bithu",
    method: "GET",
    url: `/api/campaigns/${await anyCampaignId(f)}/units/${u(f, "cb-tieu-hoc-thanh-an")}/registrations/export.xlsx`,
    expect: [404],
  }),
  "POST /api/campaigns/:campaignId/units/:unitId/registrations/import": async (f) => ({
    as: "khoivan.xa",
    method: "POST",
    url: `/api/campaigns/${await anyCampaignId(f)}/units/${u(f, "cb-tieu-hoc-thanh-an")}/registrations/import`,
    body: {},
    expect: [403, 404],
  }),
  "GET /api/people/export.xlsx": async () => ({ as: "thanhhoa.bithu", method: "GET", url: "/api/people/export.xlsx?q=nguyen%20van%20an", expect: [200] }),
  "POST /api/units/:id/members/import": async (f) => ({ as: "khoivan.xa", method: "POST", url: `/api/units/${u(f, "cb-tieu-hoc-thanh-an")}/members/import`, body: {}, expect: [403] }),

  // registrations (registration sheets, review, coverage)
  "GET /api/registrations/campaigns": async () => ({
    as: "thanhhoa.bithu",
    method: "GET",
    url: "/api/registrations/campaigns",
    expect: [200],
    check: (res) => {
      const names = res.body.items.flatMap((c: { sheetUnits: { name: string }[] }) => c.sheetUnits.map((x) => x.name));
      if (names.some((n: string) => n.includes("Tiểu học"))) throw new Error("another cell's sheet leaked");
    },
  }),
  "GET /api/registrations/criteria": async (f) => ({ as: "th.gv01", method: "GET", url: `/api/registrations/criteria?campaignId=${(await regs(f)).foreignCampaignId}`, expect: [404] }),
  "GET /api/registrations": async (f) => ({
    as: "th.bithu",
    method: "GET",
    url: `/api/registrations?campaignId=${(await regs(f)).campaign.campaignId}&unitId=${u(f, "cb-ap-thanh-hoa")}`,
    expect: [404],
  }),
  "GET /api/registrations/coverage": async (f) => ({
    as: "th.bithu",
    method: "GET",
    url: `/api/registrations/coverage?campaignId=${(await regs(f)).campaign.campaignId}&unitId=${u(f, "cb-ap-thanh-hoa")}`,
    expect: [404],
  }),
  "POST /api/registrations": async (f) => {
    const s = await regs(f);
    return {
      as: "th.bithu",
      method: "POST",
      url: "/api/registrations",
      body: { campaignId: s.campaign.campaignId, unitId: u(f, "cb-ap-thanh-hoa"), collectiveName: "Tập thể xâm nhập", commitments: [{ criterionItemId: s.campaign.items["IV.2"], action: "X", target: "Y", deadline: "2026-06-30" }] },
      expect: [403, 404],
    };
  },
  "GET /api/registrations/:id": async (f) => ({ as: "th.bithu", method: "GET", url: `/api/registrations/${(await regs(f)).hamletRegistrationId}`, expect: [404] }),
  "PUT /api/registrations/:id": async (f) => {
    const s = await regs(f);
    return {
      as: "th.gv03",
      method: "PUT",
      url: `/api/registrations/${s.submittedRegistrationId}`,
      body: { commitments: [{ criterionItemId: s.campaign.items["IV.2"], action: "Sửa hộ", target: "Y", deadline: "2026-06-30" }] },
      expect: [403],
    };
  },
  "POST /api/registrations/:id/submit": async (f) => ({ as: "thanhhoa.bithu", method: "POST", url: `/api/registrations/${(await regs(f)).teacherRegistrationId}/submit`, expect: [404] }),
  "POST /api/registrations/:id/withdraw": async (f) => ({ as: "thanhhoa.bithu", method: "POST", url: `/api/registrations/${(await regs(f)).submittedRegistrationId}/withdraw`, expect: [404] }),
  "POST /api/registrations/:id/approve": async (f) => ({ as: "thanhhoa.bithu", method: "POST", url: `/api/registrations/${(await regs(f)).submittedRegistrationId}/approve`, expect: [404] }),
  "POST /api/registrations/approve": async (f) => ({ as: "thanhhoa.bithu", method: "POST", url: "/api/registrations/approve", body: { ids: [(await regs(f)).submittedRegistrationId] }, expect: [404] }),
  "POST /api/registrations/:id/return": async (f) => ({
    as: "th.phobithu",
    method: "POST",
    url: `/api/registrations/${(await regs(f)).submittedRegistrationId}/return`,
    body: { reason: "Không có quyền trả lại" },
    expect: [403],
  }),

  // progress and evidence
  "GET /api/commitments/:id/progress": async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: `/api/commitments/${(await regs(f)).teacherCommitmentId}/progress`, expect: [404] }),
  "POST /api/commitments/:id/progress": async (f) => ({ as: "thanhhoa.bithu", method: "POST", url: `/api/commitments/${(await regs(f)).teacherCommitmentId}/progress`, body: {}, expect: [404] }),
  "GET /api/registrations/:id/timeline": async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: `/api/registrations/${(await regs(f)).teacherRegistrationId}/timeline`, expect: [404] }),
  "GET /api/evidence-files/:id": async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: `/api/evidence-files/${(await regs(f)).evidenceFileId}`, expect: [404] }),

  // supervision, evaluation, commendation (slice C): one shared scenario in the demo school cell
  "GET /api/supervision/units": async () => ({
    as: "thanhhoa.bithu",
    method: "GET",
    url: "/api/supervision/units",
    expect: [200],
    check: (res) => {
      if (res.body.items.some((x: { unitName: string }) => x.unitName.includes("Tiểu học"))) throw new Error("another cell's supervision leaked");
    },
  }),
  "GET /api/supervision/workspace": async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: `/api/supervision/workspace?campaignId=${(await sc(f)).campaignId}&unitId=${u(f, "cb-tieu-hoc-thanh-an")}`, expect: [404] }),
  "POST /api/supervision/notes": async (f) => ({
    as: "khoivan.xa",
    method: "POST",
    url: "/api/supervision/notes",
    body: { campaignId: (await sc(f)).campaignId, unitId: u(f, "cb-tieu-hoc-thanh-an"), notedOn: "2026-02-01", note: "Không có quyền" },
    expect: [403],
  }),
  "DELETE /api/supervision/notes/:id": async (f) => ({ as: "thanhhoa.bithu", method: "DELETE", url: `/api/supervision/notes/${(await sc(f)).noteId}`, expect: [404] }),
  "POST /api/supervision/violations": async (f) => ({
    as: "th.gv01",
    method: "POST",
    url: "/api/supervision/violations",
    body: { campaignId: (await sc(f)).campaignId, unitId: u(f, "cb-tieu-hoc-thanh-an"), personId: (await sc(f)).hungId, kind: "traffic", occurredOn: "2026-02-01", description: "Tự ghi" },
    expect: [403],
  }),
  "DELETE /api/supervision/violations/:id": async (f) => ({ as: "khoivan.xa", method: "DELETE", url: `/api/supervision/violations/${(await sc(f)).violationId}`, expect: [403] }),
  "POST /api/supervision/violations/:id/evidence": async (f) => ({ as: "thanhhoa.bithu", method: "POST", url: `/api/supervision/violations/${(await sc(f)).violationId}/evidence`, body: {}, expect: [404] }),
  "GET /api/supervision/violations/:id/evidence/:fileId": async (f) => ({
    as: "thanhhoa.bithu",
    method: "GET",
    url: `/api/supervision/violations/${(await sc(f)).violationId}/evidence/${(await sc(f)).evidenceFileId}`,
    expect: [404],
  }),
  "GET /api/supervision/my-violations": async (f) => {
    await sc(f);
    return {
      as: "th.gv01",
      method: "GET",
      url: "/api/supervision/my-violations",
      expect: [200],
      check: (res) => {
        if (res.body.items.length) throw new Error("another member's violations leaked");
      },
    };
  },
  "POST /api/supervision/reports": async (f) => ({
    as: "th.gv02",
    method: "POST",
    url: "/api/supervision/reports",
    body: { campaignId: (await sc(f)).campaignId, unitId: u(f, "cb-tieu-hoc-thanh-an"), periodStart: "2026-01-01", periodEnd: "2026-03-31" },
    expect: [403],
  }),
  "GET /api/supervision/reports/:id": async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: `/api/supervision/reports/${(await sc(f)).reportId}`, expect: [404] }),
  "PATCH /api/supervision/reports/:id": async (f) => ({ as: "khoivan.xa", method: "PATCH", url: `/api/supervision/reports/${(await sc(f)).reportId}`, body: { proposals: "X" }, expect: [403] }),
  "POST /api/supervision/reports/:id/submit": async (f) => ({ as: "th.gv03", method: "POST", url: `/api/supervision/reports/${(await sc(f)).reportId}/submit`, expect: [403] }),

  "GET /api/evaluations": async () => ({
    as: "thanhhoa.bithu",
    method: "GET",
    url: "/api/evaluations",
    expect: [200],
    check: (res) => {
      if (res.body.items.some((x: { unitName: string }) => x.unitName.includes("Tiểu học"))) throw new Error("another cell's evaluation leaked");
    },
  }),
  "POST /api/evaluations": async (f) => ({ as: "khoivan.xa", method: "POST", url: "/api/evaluations", body: { campaignId: (await sc(f)).campaignId, unitId: u(f, "cb-ap-thanh-hoa") }, expect: [403] }),
  "GET /api/evaluations/mine": async () => ({
    as: "th.gv01",
    method: "GET",
    url: "/api/evaluations/mine",
    expect: [200],
    check: (res) => {
      if (res.body.items.some((x: { unitName: string }) => !x.unitName.includes("Tiểu học"))) throw new Error("a unit the member is not in was listed");
    },
  }),
  "PUT /api/evaluations/self-assessment": async (f) => ({
    as: "thanhhoa.bithu",
    method: "PUT",
    url: "/api/evaluations/self-assessment",
    body: { campaignId: (await sc(f)).campaignId, unitId: u(f, "cb-tieu-hoc-thanh-an"), content: "Xâm nhập" },
    expect: [404],
  }),
  "GET /api/evaluations/:id": async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: `/api/evaluations/${(await sc(f)).evaluationId}`, expect: [404] }),
  "PATCH /api/evaluations/:id": async (f) => ({ as: "khoivan.xa", method: "PATCH", url: `/api/evaluations/${(await sc(f)).evaluationId}`, body: { unitRating: "excellent" }, expect: [403] }),
  "PUT /api/evaluations/:id/commitments/:commitmentId": async (f) => ({
    as: "th.phobithu",
    method: "PUT",
    url: `/api/evaluations/${(await sc(f)).evaluationId}/commitments/${(await sc(f)).hungCommitmentId}`,
    body: { judgedStatus: "achieved" },
    expect: [403],
  }),
  "PUT /api/evaluations/:id/members/:personId": async (f) => ({
    as: "th.gv01",
    method: "PUT",
    url: `/api/evaluations/${(await sc(f)).evaluationId}/members/${(await sc(f)).hungId}`,
    body: { score: 95, rating: "excellent" },
    expect: [403],
  }),
  "POST /api/evaluations/:id/apply-suggestions": async (f) => ({ as: "khoivan.xa", method: "POST", url: `/api/evaluations/${(await sc(f)).evaluationId}/apply-suggestions`, expect: [403] }),
  "POST /api/evaluations/:id/members/apply-suggested": async (f) => ({
    as: "khoivan.xa",
    method: "POST",
    url: `/api/evaluations/${(await sc(f)).evaluationId}/members/apply-suggested`,
    body: { personIds: [(await sc(f)).hungId] },
    expect: [403],
  }),
  "POST /api/evaluations/:id/cell-approve": async (f) => ({ as: "thanhhoa.bithu", method: "POST", url: `/api/evaluations/${(await sc(f)).evaluationId}/cell-approve`, body: { acknowledgeWarnings: true }, expect: [404] }),
  "POST /api/evaluations/:id/commune-approve": async (f) => ({ as: "th.bithu", method: "POST", url: `/api/evaluations/${(await sc(f)).evaluationId}/commune-approve`, body: { acknowledgeWarnings: true }, expect: [403] }),
  "POST /api/evaluations/:id/unlock": async (f) => ({ as: "th.bithu", method: "POST", url: `/api/evaluations/${(await sc(f)).evaluationId}/unlock`, body: { reason: "Tự mở khóa" }, expect: [403] }),

  "GET /api/commendations/units": async () => ({
    as: "thanhhoa.bithu",
    method: "GET",
    url: "/api/commendations/units",
    expect: [200],
    check: (res) => {
      if (res.body.units.some((x: { unitName: string }) => x.unitName.includes("Tiểu học"))) throw new Error("another cell's proposals leaked");
    },
  }),
  "GET /api/commendations": async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: `/api/commendations?campaignId=${(await sc(f)).campaignId}&unitId=${u(f, "cb-tieu-hoc-thanh-an")}`, expect: [404] }),
  "GET /api/commendations/candidates": async (f) => ({
    as: "thanhhoa.bithu",
    method: "GET",
    url: `/api/commendations/candidates?campaignId=${(await sc(f)).campaignId}&unitId=${u(f, "cb-tieu-hoc-thanh-an")}`,
    expect: [404],
  }),
  "GET /api/commendations/commended": async (f) => ({
    as: "thanhhoa.bithu",
    method: "GET",
    url: `/api/commendations/commended?campaignId=${(await sc(f)).campaignId}&unitId=${u(f, "cb-tieu-hoc-thanh-an")}`,
    expect: [404],
  }),
  "POST /api/commendations": async (f) => ({
    as: "khoivan.xa",
    method: "POST",
    url: "/api/commendations",
    body: { campaignId: (await sc(f)).campaignId, unitId: u(f, "cb-tieu-hoc-thanh-an"), subjectKind: "collective", collectiveName: "Chi bộ Trường Tiểu học Thạnh An", achievements: "X" },
    expect: [403],
  }),
  "DELETE /api/commendations/:id": async (f) => ({ as: "th.phobithu", method: "DELETE", url: `/api/commendations/${(await sc(f)).proposalId}`, expect: [403] }),
  "POST /api/commendations/:id/approve": async (f) => ({ as: "th.bithu", method: "POST", url: `/api/commendations/${(await sc(f)).proposalId}/approve`, expect: [403] }),
  "POST /api/commendations/:id/decline": async (f) => ({ as: "th.bithu", method: "POST", url: `/api/commendations/${(await sc(f)).proposalId}/decline`, body: { reason: "Tự quyết" }, expect: [403] }),

  // reports (slice D): another cell's report is invisible (404); the TTKV sees but may not write (403)
  "GET /api/reports/campaigns": async (f) => {
    await reportsAuthzScenario(f.ctx.db, f.ctx.units);
    return {
      as: "thanhhoa.bithu",
      method: "GET",
      url: "/api/reports/campaigns",
      expect: [200],
      check: (res) => {
        if (res.body.items.some((c: { units: { name: string }[] }) => c.units.some((x) => x.name !== "Chi bộ ấp Thạnh Hòa"))) throw new Error("report units leaked");
      },
    };
  },
  "GET /api/reports/:campaignId/units/:unitId": async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: await rep(f, "cb-tieu-hoc-thanh-an"), expect: [404] }),
  "PUT /api/reports/:campaignId/units/:unitId": async (f) => ({ as: "khoivan.xa", method: "PUT", url: await rep(f, "cb-ap-thanh-hoa"), body: { strengths: "Sửa trái phép" }, expect: [403] }),
  "POST /api/reports/:campaignId/units/:unitId/submit": async (f) => ({
    as: "th.bithu",
    method: "POST",
    url: await rep(f, "cb-ap-thanh-hoa", "/submit"),
    body: { strengths: "a", limitations: "b", causes: "c", nextSteps: "d" },
    expect: [404],
  }),
  "GET /api/reports/:campaignId/units/:unitId/rollup": async (f) => ({ as: "th.bithu", method: "GET", url: await rep(f, "xa-thanh-an", "/rollup"), expect: [404] }),
  "GET /api/reports/:campaignId/units/:unitId/submissions": async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: await rep(f, "xa-thanh-an", "/submissions"), expect: [404] }),
  // table exports (XLSX of the tables on screen)
  "GET /api/registrations/coverage/export.xlsx": async (f) => ({
    as: "th.bithu",
    method: "GET",
    url: `/api/registrations/coverage/export.xlsx?campaignId=${(await regs(f)).campaign.campaignId}&unitId=${u(f, "cb-ap-thanh-hoa")}`,
    expect: [404],
  }),
  "GET /api/evaluations/:id/export.xlsx": async (f) => ({ as: "thanhhoa.bithu", method: "GET", url: `/api/evaluations/${(await sc(f)).evaluationId}/export.xlsx`, expect: [404] }),
  "GET /api/reports/:campaignId/units/:unitId/rollup/export.xlsx": async (f) => ({ as: "th.bithu", method: "GET", url: await rep(f, "xa-thanh-an", "/rollup/export.xlsx"), expect: [404] }),
  // official documents (DOCX/PDF): another cell's document does not exist for thanhhoa.bithu (404)
  ...documentCases("/api/plans/:id", async (f) => `/api/plans/${await planOf(f, "cb-tieu-hoc-thanh-an", 2020)}`),
  ...documentCases("/api/campaigns/:campaignId/units/:unitId/registrations", async (f) => `/api/campaigns/${await anyCampaignId(f)}/units/${u(f, "cb-tieu-hoc-thanh-an")}/registrations`),
  ...documentCases("/api/supervision/reports/:id", async (f) => `/api/supervision/reports/${(await sc(f)).reportId}`),
  ...documentCases("/api/reports/:campaignId/units/:unitId", (f) => rep(f, "cb-tieu-hoc-thanh-an")),
  ...documentCases("/api/commendations/:campaignId/units/:unitId", async (f) => `/api/commendations/${(await sc(f)).campaignId}/units/${u(f, "cb-tieu-hoc-thanh-an")}`),
  ...documentCases("/api/evaluations/:id", async (f) => `/api/evaluations/${(await sc(f)).evaluationId}`),
  // The member's forms, the minutes and the commendation documents (issue 9, point 14).
  ...documentCases("/api/registrations/:id", async (f) => {
    const r = await f.ctx.db.query<{ id: string }>("SELECT id FROM registrations WHERE unit_id = $1 AND person_id IS NOT NULL ORDER BY created_at LIMIT 1", [u(f, "cb-tieu-hoc-thanh-an")]);
    return `/api/registrations/${r[0]!.id}`;
  }),
  ...documentCases("/api/self-assessments/:campaignId/units/:unitId", async (f) => `/api/self-assessments/${(await sc(f)).campaignId}/units/${u(f, "cb-tieu-hoc-thanh-an")}`),
  ...documentCases("/api/evaluations/:id/members/:personId", async (f) => `/api/evaluations/${(await sc(f)).evaluationId}/members/${(await sc(f)).hungId}`),
  ...documentCases("/api/evaluations/:id/minutes", async (f) => `/api/evaluations/${(await sc(f)).evaluationId}/minutes`),
  ...documentCases("/api/evaluations/summary/:campaignId/units/:unitId", async (f) => `/api/evaluations/summary/${(await sc(f)).campaignId}/units/${u(f, "xa-thanh-an")}`),
  ...documentCases("/api/commendations/:campaignId/units/:unitId/decision", async (f) => `/api/commendations/${(await sc(f)).campaignId}/units/${u(f, "xa-thanh-an")}/decision`),
  ...documentCases("/api/commendations/:id/certificate", async (f) => `/api/commendations/${(await sc(f)).proposalId}/certificate`),
  "GET /api/home/todo": async () => ({
    as: "th.gv01",
    method: "GET",
    url: "/api/home/todo",
    expect: [200],
    check: (res) => {
      if (res.body.items.some((i: { unitName: string }) => i.unitName !== "Chi bộ Trường Tiểu học Thạnh An")) throw new Error("todo leaked another unit");
    },
  }),
};

/**
 * A person's own things asked for by a colleague of the same cell (th.gv02, an ordinary member,
 * on th.gv01's approved sheet): being in the same cell is not a reason to read or change another
 * member's sheet, its progress, timeline or evidence. "not yours" looks like "does not exist": 404.
 */
export const MEMBER_TO_MEMBER_CASES: Record<string, CaseFactory> = {
  "GET /api/registrations/:id": async (f) => ({ as: "th.gv02", method: "GET", url: `/api/registrations/${(await regs(f)).teacherRegistrationId}`, expect: [404] }),
  "PUT /api/registrations/:id": async (f) => {
    const s = await regs(f);
    return {
      as: "th.gv02",
      method: "PUT",
      url: `/api/registrations/${s.teacherRegistrationId}`,
      body: { commitments: [{ criterionItemId: s.campaign.items["IV.2"], action: "Sửa hộ", target: "Y", deadline: "2026-06-30" }] },
      expect: [404],
    };
  },
  "POST /api/registrations/:id/submit": async (f) => ({ as: "th.gv02", method: "POST", url: `/api/registrations/${(await regs(f)).teacherRegistrationId}/submit`, expect: [404] }),
  // th.gv02's submitted sheet, withdrawn by th.gv01
  "POST /api/registrations/:id/withdraw": async (f) => ({ as: "th.gv01", method: "POST", url: `/api/registrations/${(await regs(f)).submittedRegistrationId}/withdraw`, expect: [404] }),
  "GET /api/registrations/:id/timeline": async (f) => ({ as: "th.gv02", method: "GET", url: `/api/registrations/${(await regs(f)).teacherRegistrationId}/timeline`, expect: [404] }),
  "GET /api/commitments/:id/progress": async (f) => ({ as: "th.gv02", method: "GET", url: `/api/commitments/${(await regs(f)).teacherCommitmentId}/progress`, expect: [404] }),
  "POST /api/commitments/:id/progress": async (f) => ({ as: "th.gv02", method: "POST", url: `/api/commitments/${(await regs(f)).teacherCommitmentId}/progress`, body: {}, expect: [404] }),
  "GET /api/evidence-files/:id": async (f) => ({ as: "th.gv02", method: "GET", url: `/api/evidence-files/${(await regs(f)).evidenceFileId}`, expect: [404] }),
};

const selfScenarios = new WeakMap<object, Promise<{ ownId: string; collectiveId: string }>>();

/**
 * th.bithu's own sheet and the cell's collective sheet he wrote, both submitted through the API
 * (so their audit records name him as the author); built once per database.
 */
function selfApprovalScenario(f: AuthzFixture) {
  let s = selfScenarios.get(f.ctx.db);
  if (!s) {
    s = (async () => {
      const { campaign } = await regs(f);
      const bithu = await f.as("th.bithu");
      const commitments = [{ criterionItemId: campaign.items["IV.2"], action: "Chấp hành luật giao thông", target: "0 lỗi", deadline: "2026-12-31" }];
      const school = u(f, "cb-tieu-hoc-thanh-an");
      const own = await bithu.post("/api/registrations", { campaignId: campaign.campaignId, unitId: school, commitments });
      const collective = await bithu.post("/api/registrations", { campaignId: campaign.campaignId, unitId: school, collectiveName: "Chi bộ Trường Tiểu học Thạnh An", commitments });
      for (const r of [own, collective]) {
        if (r.status !== 201) throw new Error(`self-approval scenario: ${r.status} ${JSON.stringify(r.body)}`);
        await bithu.post(`/api/registrations/${r.body.id}/submit`);
      }
      return { ownId: own.body.id as string, collectiveId: collective.body.id as string };
    })();
    selfScenarios.set(f.ctx.db, s);
  }
  return s;
}

/**
 * Separation of duties, keyed "METHOD /route — what": the cell's secretary approving or returning
 * his own sheet or the collective sheet he wrote is refused (403) and changes nothing.
 */
export const SELF_APPROVAL_CASES: Record<string, CaseFactory> = {
  "POST /api/registrations/:id/approve — his own sheet": async (f) => ({ as: "th.bithu", method: "POST", url: `/api/registrations/${(await selfApprovalScenario(f)).ownId}/approve`, expect: [403] }),
  "POST /api/registrations/:id/return — his own sheet": async (f) => ({
    as: "th.bithu",
    method: "POST",
    url: `/api/registrations/${(await selfApprovalScenario(f)).ownId}/return`,
    body: { reason: "Tự trả lại" },
    expect: [403],
  }),
  "POST /api/registrations/approve — his own sheet among the selected": async (f) => ({
    as: "th.bithu",
    method: "POST",
    url: "/api/registrations/approve",
    body: { ids: [(await selfApprovalScenario(f)).ownId, (await selfApprovalScenario(f)).collectiveId] },
    expect: [403],
  }),
  "POST /api/registrations/:id/approve — the collective sheet he wrote": async (f) => ({
    as: "th.bithu",
    method: "POST",
    url: `/api/registrations/${(await selfApprovalScenario(f)).collectiveId}/approve`,
    expect: [403],
  }),
  "POST /api/registrations/:id/return — the collective sheet he wrote": async (f) => ({
    as: "th.bithu",
    method: "POST",
    url: `/api/registrations/${(await selfApprovalScenario(f)).collectiveId}/return`,
    body: { reason: "Tự trả lại" },
    expect: [403],
  }),
};
