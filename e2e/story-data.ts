/**
 * Test data made through the API for the stories whose setup is not the point: a new member with
 * an approved sheet, a new cell with its secretary. Every name is unique per width, per repeat and
 * per worker, so the desktop and phone runs (and CI's parallel workers) never share a record.
 */
import { expect, request as playwrightRequest, type APIRequestContext, type Locator, type Page, type TestInfo } from "@playwright/test";
import { apiSignIn } from "./support";

/** The password the accounts made here end up with (after the first-sign-in change). */
export const STORY_PASSWORD = "Thuchanh2026";
const TEMP_PASSWORD = "Tam-thoi-2026";

export const SCHOOL_CELL = "Chi bộ Trường Tiểu học Thạnh An";
export const COMMUNE = "Đảng ủy xã Thạnh An";
/**
 * Typed into a campaign picker (words, no diacritics, as on a phone) to find the demo 2026
 * campaign among the campaigns other stories launch meanwhile (their names cite neither this
 * wording nor 2026).
 */
export const DEMO_2026_SEARCH = "noi dung 5 khong nam 2026";

/** A short tag for names and usernames: width, time and worker ("Bàn 4821307"). */
export function storyTag(testInfo: TestInfo): { label: string; slug: string } {
  const n = `${String(Date.now() % 10_000_000).padStart(7, "0")}${testInfo.workerIndex}${testInfo.repeatEachIndex}`;
  const phone = testInfo.project.name === "phone";
  return { label: `${phone ? "Điện" : "Bàn"} ${n}`, slug: `${phone ? "p" : "d"}${n}` };
}

export interface CommitmentSpec {
  code: string;
  action: string;
  target: string;
}

export interface ModelSpec {
  name: string;
  field: "economy" | "culture_society" | "defence_security" | "political_system";
  content: string;
}

/** A signed-in API session that can switch accounts (one cookie jar, like one browser). */
export class StoryApi {
  private csrf = "";

  private constructor(readonly request: APIRequestContext) {}

  static async open(baseURL: string | undefined): Promise<StoryApi> {
    return new StoryApi(await playwrightRequest.newContext({ baseURL }));
  }

  async dispose(): Promise<void> {
    await this.request.dispose();
  }

  async as(username: string, password?: string): Promise<void> {
    this.csrf = (await apiSignIn(this.request, username, password)).csrfToken;
  }

  async get<T>(url: string): Promise<T> {
    const res = await this.request.get(url);
    expect(res.status(), `GET ${url}: ${await res.text()}`).toBe(200);
    return (await res.json()) as T;
  }

  async post<T = unknown>(url: string, data?: unknown, multipart?: Record<string, string>): Promise<T> {
    const res = await this.request.post(url, { headers: { "x-csrf-token": this.csrf }, ...(multipart ? { multipart } : { data: data ?? {} }) });
    expect([200, 201, 204], `POST ${url}: ${res.status()} ${await res.text()}`).toContain(res.status());
    return (res.status() === 204 ? null : await res.json()) as T;
  }

  /** The id of a unit the signed-in account sees, by its current name. */
  async unitId(name: string): Promise<string> {
    const tree = await this.get<{ units: { id: string; name: string }[] }>("/api/units");
    const unit = tree.units.find((u) => u.name === name);
    expect(unit, `đơn vị ${name}`).toBeTruthy();
    return unit!.id;
  }

  /** Adds a person with a position in a unit (the signed-in account manages it). */
  async person(o: { unitId: string; fullName: string; role: "secretary" | "deputy_secretary" | "member"; title?: string; gender?: "male" | "female" }): Promise<string> {
    const body = {
      fullName: o.fullName,
      gender: o.gender ?? "female",
      birthDate: "1990-05-12",
      categories: ["party_member"],
      position: { unitId: o.unitId, role: o.role, title: o.title ?? null, startDate: "2026-01-05" },
    };
    return (await this.post<{ id: string }>("/api/people", body)).id;
  }

  /**
   * Gives a person an account and goes through the first sign-in (the temporary password is
   * changed to STORY_PASSWORD); the session is then that account's.
   */
  async account(o: { username: string; personId: string; displayName: string; scopes?: { unitId: string; scope: "manage" | "view" }[] }): Promise<void> {
    await this.post("/api/accounts", { username: o.username, displayName: o.displayName, password: TEMP_PASSWORD, personId: o.personId, scopes: o.scopes ?? [] });
    await this.as(o.username, TEMP_PASSWORD);
    await this.post("/api/auth/change-password", { currentPassword: TEMP_PASSWORD, newPassword: STORY_PASSWORD });
    await this.as(o.username, STORY_PASSWORD);
  }

  /** The signed-in member registers (and submits) a sheet for the campaign of `year` in their unit. */
  async submitSheet(o: { year: number; commitments: CommitmentSpec[]; models?: ModelSpec[] }): Promise<string> {
    const campaigns = await this.get<{ items: { id: string; year: number; open: boolean; mine: { unit: { id: string } }[] }[] }>("/api/registrations/campaigns");
    const campaign = campaigns.items.find((c) => c.year === o.year && c.open && c.mine.length > 0);
    expect(campaign, `phong trào năm ${o.year}`).toBeTruthy();
    const criteria = await this.get<{ criteria: { items: { id: string; code: string }[] }[] }>(`/api/registrations/criteria?campaignId=${campaign!.id}`);
    const item = (code: string) => criteria.criteria.flatMap((c) => c.items).find((i) => i.code === code)!.id;
    const { id } = await this.post<{ id: string }>("/api/registrations", {
      campaignId: campaign!.id,
      unitId: campaign!.mine[0]!.unit.id,
      commitments: o.commitments.map((c) => ({ criterionItemId: item(c.code), action: c.action, target: c.target, deadline: `${o.year}-12-15` })),
      models: (o.models ?? []).map((m) => ({ name: m.name, field: m.field, content: m.content })),
    });
    await this.post(`/api/registrations/${id}/submit`);
    return id;
  }

  async approveSheet(registrationId: string): Promise<void> {
    await this.post(`/api/registrations/${registrationId}/approve`);
  }

  async sheet(registrationId: string): Promise<{ commitments: { id: string; itemCode: string }[]; models: { id: string; name: string }[] }> {
    return this.get(`/api/registrations/${registrationId}`);
  }

  /** Posts a progress update on a commitment (the owner or the unit's managers). */
  async progress(commitmentId: string, status: "in_progress" | "achieved" | "not_achieved", note: string): Promise<void> {
    await this.post(`/api/commitments/${commitmentId}/progress`, undefined, { status, note });
  }
}

export interface NewMember {
  personId: string;
  fullName: string;
  username: string;
  registrationId: string;
  commitments: { id: string; itemCode: string }[];
  models: { id: string; name: string }[];
}

/**
 * A new member of a demo cell (added by the cell's secretary) with an account that has been
 * through its first sign-in; the session is then the member's.
 */
export async function newMember(api: StoryApi, testInfo: TestInfo, o: { unit: string; secretary: string; givenName: string }): Promise<{ personId: string; fullName: string; username: string }> {
  const tag = storyTag(testInfo);
  const fullName = `${o.givenName} ${tag.label}`;
  const username = `tv.${tag.slug}`;
  await api.as(o.secretary);
  const unitId = await api.unitId(o.unit);
  const personId = await api.person({ unitId, fullName, role: "member", title: "Giáo viên" });
  await api.account({ username, personId, displayName: fullName });
  return { personId, fullName, username };
}

/**
 * A new member of a demo cell, with an account and an approved sheet for the campaign of `year`
 * (made by the cell's secretary, who approves it).
 */
export async function memberWithApprovedSheet(
  baseURL: string | undefined,
  testInfo: TestInfo,
  o: { unit: string; secretary: string; givenName: string; year: number; commitments: CommitmentSpec[]; models?: ModelSpec[] },
): Promise<NewMember> {
  const api = await StoryApi.open(baseURL);
  try {
    const member = await newMember(api, testInfo, o);
    const registrationId = await api.submitSheet({ year: o.year, commitments: o.commitments, ...(o.models ? { models: o.models } : {}) });
    await api.as(o.secretary);
    await api.approveSheet(registrationId);
    const sheet = await api.sheet(registrationId);
    return { ...member, registrationId, commitments: sheet.commitments, models: sheet.models };
  } finally {
    await api.dispose();
  }
}

/** The usual IV.2 commitment ("no traffic violation"). */
export const TRAFFIC_COMMITMENT: CommitmentSpec = {
  code: "IV.2",
  action: "Chấp hành nghiêm Luật Giao thông đường bộ: đội mũ bảo hiểm, không sử dụng rượu bia khi điều khiển phương tiện",
  target: "0 lỗi vi phạm trong suốt đợt thi đua",
};

export interface NewCell {
  unitId: string;
  name: string;
  secretary: { personId: string; fullName: string; username: string };
  members: { personId: string; fullName: string }[];
}

/**
 * A new party cell under the commune (made by xa.bithu), with a secretary who has an account
 * managing the cell and the given members (no accounts).
 */
export async function newCell(api: StoryApi, testInfo: TestInfo, o: { secretary: string; members: string[] }): Promise<NewCell> {
  const tag = storyTag(testInfo);
  await api.as("xa.bithu");
  const commune = await api.unitId(COMMUNE);
  const name = `Chi bộ Thử nghiệm ${tag.label}`;
  const unitId = (await api.post<{ id: string }>("/api/units", { kind: "party_cell", code: `cb-thu-${tag.slug}`, name, symbolCode: "CB", parentId: commune, validFrom: "2026-01-01" })).id;
  const secretaryName = `${o.secretary} ${tag.label}`;
  const secretaryId = await api.person({ unitId, fullName: secretaryName, role: "secretary", title: "Bí thư Chi bộ" });
  const members = [];
  for (const m of o.members) {
    const fullName = `${m} ${tag.label}`;
    members.push({ personId: await api.person({ unitId, fullName, role: "member", gender: "male" }), fullName });
  }
  const username = `bt.${tag.slug}`;
  await api.account({ username, personId: secretaryId, displayName: secretaryName, scopes: [{ unitId, scope: "manage" }] });
  return { unitId, name, secretary: { personId: secretaryId, fullName: secretaryName, username }, members };
}

/** The page does not scroll sideways (at 375 px a too-wide element pushes dialogs and buttons off-screen). */
export async function expectNoSideScroll(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: "trang bị tràn ngang" }).toBeLessThanOrEqual(0);
}

/**
 * Picks an option of an antd Select and checks the choice took: the dropdown closes. A click that
 * lands while the dropdown is still settling (its list re-renders once measured) is lost now and
 * then on a slow machine, so the pick is tried again then. With `search`, types it first (a
 * Select with showSearch).
 */
export async function pickOption(page: Page, field: Locator, option: string | RegExp, search?: string): Promise<void> {
  const dropdown = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  for (let attempt = 1; ; attempt++) {
    if ((await dropdown.count()) === 0) {
      await field.click();
      if (search) await field.fill(search);
    }
    await dropdown.last().locator(".ant-select-item-option", { hasText: option }).first().click();
    try {
      await expect(dropdown).toHaveCount(0, { timeout: attempt < 3 ? 2_000 : 10_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}
