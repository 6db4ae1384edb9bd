/**
 * Campaign data of a story's own, made through the API where setting it up is not the point of
 * the story. Every story runs at two widths against one server (and may be repeated on it), and a
 * unit has one plan per campaign: a story that issues plans launches a campaign of its own, and
 * closes it when it ends (an open campaign adds to-dos for everyone in the commune).
 */
import { expect, type APIRequestContext, type TestInfo } from "@playwright/test";
import { apiSignIn } from "./support";

const COMMUNE = "Đảng ủy xã Thạnh An";

/** Today in Vietnam (yyyy-mm-dd), the day the server issues plans on. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** dd/mm/yyyy, as the pages show dates. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** "ngày 05 tháng 3 năm 2026", as a document cites a date (day always two digits, month 1–2 too). */
export function documentDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `ngày ${String(d).padStart(2, "0")} tháng ${m <= 2 ? String(m).padStart(2, "0") : m} năm ${y}`;
}

export interface IssuedPlan {
  id: string;
  symbol: string;
  date: string;
}

export interface TestCampaign {
  id: string;
  name: string;
  /** How many days ago the plan deadline passed. */
  daysPastPlanDeadline: number;
  communePlan: IssuedPlan;
}

type Json = Record<string, unknown>;
type PlanSection = { heading: string; paragraphs: { kind: string; text: string }[]; responsibilities: { role: string; text: string }[] };

async function json<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  expect(res.ok(), `${what}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/**
 * Issues a draft with a free number. Another story may issue in the same unit meanwhile (409: the
 * number is taken): ask the server for the next number and try again. `skip` leaves that many
 * numbers free before the one used — for a draft a story is writing in the browser, which holds
 * the next number.
 */
async function issueWithFreeNumber(request: APIRequestContext, csrfToken: string, plan: { id: string; unitId: string; date: string }, skip: number): Promise<string> {
  const headers = { "x-csrf-token": csrfToken };
  for (let attempt = 0; attempt < 6; attempt++) {
    const s = await json<{ number: number }>(
      await request.get(`/api/plans/number-suggestion?unitId=${plan.unitId}&date=${plan.date}&typeCode=KH&planId=${plan.id}`),
      "gợi ý số kế hoạch",
    );
    const patched = await request.patch(`/api/plans/${plan.id}`, { headers, data: { number: s.number + skip } });
    expect(patched.status(), await patched.text()).toBe(204);
    const issued = await request.post(`/api/plans/${plan.id}/issue`, { headers, data: {} });
    if (issued.status() === 200) return ((await issued.json()) as { symbol: string }).symbol;
    expect(issued.status(), `ban hành kế hoạch: ${await issued.text()}`).toBe(409);
  }
  throw new Error("Không tìm được số kế hoạch còn trống");
}

/** A story's label, unique on the server: the width and a time stamp. */
export function storyTag(testInfo: TestInfo): string {
  return `${testInfo.project.name} ${Date.now().toString(36)}`;
}

/**
 * xa.bithu launches a campaign of the story's own and issues its launching plan: it started 40
 * days ago, its plan deadline passed 20 days ago, it runs for most of a year. The name is unique
 * and cites no year of the demo campaigns (2020, 2026), so other stories never pick it.
 */
export async function launchTestCampaign(request: APIRequestContext, tag: string): Promise<TestCampaign> {
  const me = await apiSignIn(request, "xa.bithu");
  const headers = { "x-csrf-token": me.csrfToken };
  const campaigns = await json<{ items: { id: string; unitId: string; unitName: string; criteriaSetId: string; year: number }[] }>(
    await request.get("/api/campaigns"),
    "danh sách phong trào",
  );
  const current = campaigns.items.find((c) => c.unitName === COMMUNE && c.year === 2026);
  expect(current, "phong trào năm 2026 của dữ liệu mẫu").toBeTruthy();
  const today = todayInVietnam();
  const periodEnd = addDays(today, 330);
  const name = `Phong trào thi đua “Dân vận khéo” chào mừng Đại hội (${tag})`;
  const created = await json<{ id: string }>(
    await request.post("/api/campaigns", {
      headers,
      data: {
        unitId: current!.unitId,
        name,
        year: Number(periodEnd.slice(0, 4)),
        periodStart: addDays(today, -40),
        periodEnd,
        criteriaSetId: current!.criteriaSetId,
        planDeadline: addDays(today, -20),
        registrationDeadline: addDays(today, -10),
        reportDeadline: addDays(today, 300),
      } satisfies Json,
    }),
    "phát động phong trào",
  );
  const plan = await json<{ id: string }>(
    await request.post("/api/plans", { headers, data: { campaignId: created.id, unitId: current!.unitId, parentPlanId: null } }),
    "lập kế hoạch phát động",
  );
  // The committee writes its plan's content: that of its 2026 plan (Kế hoạch số 45-KH/ĐU).
  const demo = await json<{ unitPlan: { id: string } | null }>(await request.get(`/api/campaigns/${current!.id}`), "phong trào năm 2026");
  const content = await json<{ sections: PlanSection[] }>(await request.get(`/api/plans/${demo.unitPlan!.id}`), "kế hoạch năm 2026");
  const sections = content.sections.map((x) => ({
    heading: x.heading,
    paragraphs: x.paragraphs.map((p) => ({ kind: p.kind, text: p.text })),
    responsibilities: x.responsibilities.map((r) => ({ role: r.role, text: r.text })),
  }));
  const written = await request.patch(`/api/plans/${plan.id}`, { headers, data: { sections } });
  expect(written.status(), await written.text()).toBe(204);
  const symbol = await issueWithFreeNumber(request, me.csrfToken, { id: plan.id, unitId: current!.unitId, date: today }, 0);
  return { id: created.id, name, daysPastPlanDeadline: 20, communePlan: { id: plan.id, symbol, date: today } };
}

/**
 * A cell secretary writes the cell's plan from the campaign's commune plan (prefilled, unchanged)
 * and issues it: the cell's members are notified.
 */
export async function issueCellPlan(request: APIRequestContext, secretary: string, campaign: TestCampaign): Promise<IssuedPlan> {
  const me = await apiSignIn(request, secretary);
  const detail = await json<{ myUnits: { unitId: string; canManage: boolean }[] }>(await request.get(`/api/campaigns/${campaign.id}`), "phong trào");
  const unitId = detail.myUnits.find((u) => u.canManage)?.unitId;
  expect(unitId, `đơn vị của ${secretary}`).toBeTruthy();
  const plan = await json<{ id: string }>(
    await request.post("/api/plans", { headers: { "x-csrf-token": me.csrfToken }, data: { campaignId: campaign.id, unitId, parentPlanId: campaign.communePlan.id } }),
    "lập kế hoạch của chi bộ",
  );
  const date = todayInVietnam();
  // One number left free: the cell's secretary may be writing a plan in a browser story now.
  const symbol = await issueWithFreeNumber(request, me.csrfToken, { id: plan.id, unitId: unitId!, date }, 1);
  return { id: plan.id, symbol, date };
}

/** Ends a story's campaign (found by its unique name if the story stopped before it knew the id). */
export async function closeTestCampaign(request: APIRequestContext, campaign: { id?: string | undefined; name: string }): Promise<void> {
  const me = await apiSignIn(request, "xa.bithu");
  let id = campaign.id;
  if (!id) {
    const list = await json<{ items: { id: string; name: string }[] }>(await request.get("/api/campaigns"), "danh sách phong trào");
    id = list.items.find((c) => c.name === campaign.name)?.id;
  }
  if (!id) return;
  const closed = await request.patch(`/api/campaigns/${id}`, { headers: { "x-csrf-token": me.csrfToken }, data: { status: "closed" } });
  expect(closed.status(), await closed.text()).toBe(204);
}
