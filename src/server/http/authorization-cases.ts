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
async function accountIdOf(f: AuthzFixture, username: string): Promise<string> {
  const r = await f.ctx.db.query<{ id: string }>("SELECT id FROM accounts WHERE username = $1", [username]);
  return r[0]!.id;
}

/**
 * One out-of-scope request per route ("METHOD /url" as Fastify registers it). A feature that adds
 * a route adds its case here; the route-table test fails until it does.
 */
export const AUTHORIZATION_CASES: Record<string, CaseFactory> = {
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
    body: { currentPassword: "sai-mat-khau", newPassword: "khongduoc123" },
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
    body: { username: "xam.nhap", displayName: "X", password: "tamthoi123", scopes: [{ unitId: u(f, "cb-tieu-hoc-thanh-an"), scope: "manage" }] },
    expect: [403],
  }),
  "POST /api/accounts/:id/reset-password": async (f) => ({ as: "thanhhoa.bithu", method: "POST", url: `/api/accounts/${await accountIdOf(f, "th.bithu")}/reset-password`, body: { newPassword: "hack12345" }, expect: [403, 404] }),
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
};
