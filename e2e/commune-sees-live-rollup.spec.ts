import { expect, request as playwrightRequest, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { apiSignIn, isPhone, openMenu, signIn } from "./support";

interface Campaign {
  id: string;
  name: string;
  year: number;
  status: string;
}

/** Sends a write with the session's CSRF token and checks the status. */
async function write(api: APIRequestContext, csrf: string, method: "post" | "put", url: string, data: unknown, status: number, what: string) {
  const res = await api[method](url, { headers: { "x-csrf-token": csrf }, data });
  expect(res.status(), `${what}: ${await res.text()}`).toBe(status);
  return res.status() === 204 ? null : ((await res.json()) as { id: string });
}

/** The row (desktop table) or card (phone) of a unit in the roll-up's list of units below. */
function childRow(page: Page, name: string): Locator {
  const region = page.getByRole("region", { name: "Tổng hợp theo đơn vị trực thuộc" });
  const link = page.getByRole("link", { name, exact: true });
  return isPhone(page) ? region.getByRole("listitem").filter({ has: link }) : region.getByRole("row").filter({ has: link });
}

/** "registered/achieved" of a unit's row: the table's "Đăng ký" and "Đạt" cells, or the card's line. */
async function figures(row: Locator, phone: boolean): Promise<string> {
  if (phone) {
    const m = /Đăng ký (\d+) · Đạt (\d+)/.exec(await row.innerText());
    return m ? `${m[1]}/${m[2]}` : "";
  }
  const cells = row.getByRole("cell");
  return `${(await cells.nth(1).innerText()).trim()}/${(await cells.nth(2).innerText()).trim()}`;
}

/**
 * Steps 5 and 10 from the commune's side. The commune (Bí thư on desktop, Khối vận on the phone)
 * opens the live roll-up: totals and two charts over every level below it, which units have not
 * reported and which reported late. Each width makes its own units through the API — a cell under
 * the commune (valid since 2020) with a women's branch under it, one member there with an approved
 * 2026 sheet — so nothing another story does changes the figures it checks. The member then marks
 * her commitment achieved, and the commune sees it two levels up as soon as it refreshes.
 */
test("the commune sees the live roll-up with charts and who has not reported or reported late; a member's update shows at once", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000); // accounts, units and a sheet made through the API before the story starts
  const phone = testInfo.project.name === "phone";
  const unique = `${Date.now().toString(36)}${testInfo.workerIndex}${testInfo.repeatEachIndex}`;
  const stamp = `${phone ? "Điện thoại" : "Máy tính"} ${unique}`;
  const code = `e2e-th-${testInfo.project.name}-${unique}`;
  const cellName = `Chi bộ Khu dân cư thử ${stamp}`;
  const branchName = `Chi hội Phụ nữ thử ${stamp}`;
  const memberName = `Trần Thị Thử ${stamp}`;
  const username = `th.${code}`;
  const password = "Mat-khau-tam-2026";

  // ---- setup through the API: the commune secretary builds the units and approves the sheet
  const admin = await playwrightRequest.newContext({ baseURL });
  const boss = await apiSignIn(admin, "xa.bithu");
  const tree = (await (await admin.get("/api/units")).json()) as { units: { id: string; name: string }[] };
  const commune = tree.units.find((u) => u.name === "Đảng ủy xã Thạnh An")!;
  const campaigns = ((await (await admin.get("/api/reports/campaigns")).json()) as { items: Campaign[] }).items;
  const c2020 = campaigns.find((c) => c.year === 2020 && c.name.endsWith("năm 2020"))!;
  const c2026 = campaigns.find((c) => c.year === 2026 && c.status === "active")!;
  const cell = (await write(admin, boss.csrfToken, "post", "/api/units", { kind: "party_cell", code, name: cellName, symbolCode: "CB", parentId: commune.id, validFrom: "2020-01-01" }, 201, "tạo chi bộ"))!;
  const branch = (await write(
    admin,
    boss.csrfToken,
    "post",
    "/api/units",
    { kind: "mass_organization", code: `${code}-phn`, name: branchName, symbolCode: "CHPN", parentId: cell.id, validFrom: "2020-01-01" },
    201,
    "tạo chi hội",
  ))!;
  const person = (await write(
    admin,
    boss.csrfToken,
    "post",
    "/api/people",
    { fullName: memberName, gender: "female", categories: ["party_member"], position: { unitId: branch.id, role: "member", title: "Hội viên", startDate: "2020-01-01" } },
    201,
    "tạo đảng viên",
  ))!;
  await write(admin, boss.csrfToken, "post", "/api/accounts", { username, displayName: memberName, password, personId: person.id, scopes: [] }, 201, "tạo tài khoản");
  // The cell sent its 2020 report only now: late. The branch never sent one.
  const narrative = { strengths: "Hoàn thành các việc làm đăng ký.", limitations: "Báo cáo chậm.", causes: "Mới thành lập.", nextSteps: "Gửi báo cáo đúng hạn." };
  await write(admin, boss.csrfToken, "post", `/api/reports/${c2020.id}/units/${cell.id}/submit`, narrative, 200, "gửi báo cáo 2020 của chi bộ");

  // The member registers one practical action for 2026 and submits; the commune approves it.
  const member = await playwrightRequest.newContext({ baseURL });
  const me = await apiSignIn(member, username, password);
  const criteria = (await (await member.get(`/api/registrations/criteria?campaignId=${c2026.id}`)).json()) as {
    criteria: { code: string; items: { id: string; code: string }[] }[];
  };
  const item = criteria.criteria.find((c) => c.code === "III")!.items[0]!;
  const reg = (await write(
    member,
    me.csrfToken,
    "post",
    "/api/registrations",
    {
      campaignId: c2026.id,
      unitId: branch.id,
      commitments: [{ criterionItemId: item.id, action: "Vận động hội viên phân loại rác tại nguồn", target: "20 hộ ký cam kết", deadline: "2026-12-10" }],
    },
    201,
    "đăng ký",
  ))!;
  await write(member, me.csrfToken, "post", `/api/registrations/${reg.id}/submit`, {}, 200, "gửi bảng đăng ký");
  await write(admin, boss.csrfToken, "post", `/api/registrations/${reg.id}/approve`, {}, 204, "duyệt bảng đăng ký");
  await admin.dispose();

  // ---- the commune: the 2020 roll-up, and who has not reported or reported late
  await signIn(page, phone ? "khoivan.xa" : "xa.bithu");
  await openMenu(page, "Báo cáo kết quả");
  await page.getByRole("link", { name: `Tổng hợp Đảng ủy xã Thạnh An — ${c2020.name}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo kết quả — Đảng ủy xã Thạnh An" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Tổng hợp", selected: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "Biểu đồ đăng ký và đạt theo tiêu chí" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Biểu đồ đăng ký và đạt theo đơn vị trực thuộc" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Tổng hợp theo tiêu chí" })).toContainText("Tổng cộng");
  await expect(childRow(page, "Chi bộ Trường Tiểu học Thạnh An")).toBeVisible();
  // the commune's own bodies have a row of their own, so the rows add up to the total
  await expect(page.getByRole("region", { name: "Tổng hợp theo đơn vị trực thuộc" }).getByText("Trực tiếp tại Đảng ủy xã Thạnh An", { exact: true })).toBeVisible();

  await page.getByRole("tab", { name: "Tình hình báo cáo" }).click();
  await expect(page.getByText(/Đã quá hạn gửi báo cáo \(30\/11\/2020\)/)).toBeVisible();
  const missing = page.getByRole("region", { name: "Đơn vị chưa gửi báo cáo" });
  await expect(missing.getByRole("link", { name: "Chi bộ ấp Thiềng Liềng", exact: true })).toBeVisible();
  await expect(missing.getByRole("link", { name: "Chi bộ ấp Thạnh Hòa", exact: true })).toHaveCount(0);
  // the new cell sent its own report (late) but the association under it has not: the cell's row says so
  await expect(missing.getByRole("listitem").filter({ has: page.getByRole("link", { name: cellName, exact: true }) })).toContainText("1/1 đơn vị trực thuộc chưa gửi");
  const late = page.getByRole("region", { name: "Đơn vị gửi báo cáo trễ hạn" });
  await expect(late.getByRole("listitem").filter({ has: page.getByRole("link", { name: cellName, exact: true }) })).toContainText("trễ hạn");
  // …and its link opens the cell, where the association is the one missing
  await missing.getByRole("link", { name: cellName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Báo cáo kết quả — ${cellName}` })).toBeVisible();
  await page.getByRole("tab", { name: "Tình hình báo cáo" }).click();
  await expect(page.getByRole("region", { name: "Đơn vị chưa gửi báo cáo" }).getByRole("link", { name: branchName, exact: true })).toBeVisible();

  // ---- the live 2026 roll-up: the member's commitment counts at the commune, two levels up
  await openMenu(page, "Báo cáo kết quả");
  await page.getByRole("link", { name: `Tổng hợp Đảng ủy xã Thạnh An — ${c2026.name}`, exact: true }).click();
  await expect(page.getByRole("tab", { name: "Tổng hợp", selected: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "Biểu đồ đăng ký và đạt theo đơn vị trực thuộc" })).toBeVisible();
  const row = childRow(page, cellName);
  await expect.poll(() => figures(row, phone)).toBe("1/0");

  const sheet = (await (await member.get(`/api/registrations/${reg.id}`)).json()) as { commitments: { id: string }[] };
  const posted = await member.post(`/api/commitments/${sheet.commitments[0]!.id}/progress`, {
    headers: { "x-csrf-token": me.csrfToken },
    multipart: { status: "achieved", note: "20 hộ đã ký cam kết phân loại rác." },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  await member.dispose();

  // No reload: the commune refreshes the figures and the achieved commitment is there.
  await page.getByRole("button", { name: "Làm mới" }).click();
  await expect.poll(() => figures(row, phone)).toBe("1/1");

  // Down one level: the cell's own roll-up shows the branch where the member works.
  await row.getByRole("link", { name: cellName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Báo cáo kết quả — ${cellName}` })).toBeVisible();
  await expect.poll(() => figures(childRow(page, branchName), phone)).toBe("1/1");
});
