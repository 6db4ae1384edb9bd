import { expect, test } from "@playwright/test";
import { apiSignIn, isPhone, openMenu, signIn } from "./support";

/**
 * Step 1 of the campaign: the criteria are data. The commune secretary makes next year's version
 * of the 2019 "5 không" set, adds a sub-item, marks it mandatory and issues the set; a cell
 * secretary reads it but cannot change it. Each width works on its own year, so both can run at once.
 */
test("the commune secretary makes a new year's criteria set, adds a mandatory item and issues it", async ({ page }, testInfo) => {
  const year = testInfo.project.name === "phone" ? 2042 : 2041;
  const tag = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const name = `Nội dung “5 không” năm ${year} (${tag})`;

  await signIn(page, "xa.bithu");
  await openMenu(page, "Bộ tiêu chí");
  await page.getByRole("link", { name: "Nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2019" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /năm 2019$/ })).toBeVisible();

  // A new version copies every criterion and sub-item of 2019, as a draft.
  await page.getByRole("button", { name: "Tạo phiên bản mới" }).click();
  const dialog = page.getByRole("dialog", { name: "Tạo phiên bản bộ tiêu chí cho một năm" });
  await dialog.getByLabel("Năm áp dụng").fill(String(year));
  await dialog.getByLabel("Tên bộ tiêu chí").fill(name);
  await dialog.getByRole("button", { name: "Tạo phiên bản" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Dự thảo", { exact: true })).toBeVisible();
  await expect(page.getByText("Bộ tiêu chí đang là dự thảo")).toBeVisible();

  // Edit: a sixth sub-item under criterion IV (traffic), mandatory for every member.
  await page.getByRole("button", { name: "Sửa nội dung" }).click();
  const before = await page.getByLabel(/^Mã nội dung 4\.\d+$/).count();
  await page.getByRole("button", { name: "Thêm nội dung vào tiêu chí 4" }).click();
  const n = `4.${before + 1}`;
  await page.getByLabel(`Mã nội dung ${n}`, { exact: true }).fill("IV.9");
  await page.getByLabel(`Tên nội dung ${n}`, { exact: true }).fill(`Đội mũ bảo hiểm đúng quy cách khi đi xe máy điện (${tag})`);
  // the innermost block holding the new item's fields and its checkboxes
  const item = page
    .locator("div")
    .filter({ has: page.getByLabel(`Mã nội dung ${n}`, { exact: true }) })
    .filter({ has: page.getByRole("button", { name: `Xóa nội dung ${n}` }) })
    .last();
  await item.getByRole("checkbox", { name: "Mọi đảng viên phải đăng ký" }).check();
  await page.getByRole("button", { name: "Lưu bộ tiêu chí" }).click();
  await expect(page.getByRole("button", { name: "Sửa nội dung" })).toBeVisible();
  await expect(page.getByText(/Bắt buộc với mọi đảng viên:\s*IV\.2, IV\.9$/)).toBeVisible();
  const traffic = page.getByRole("button", { name: /^IV\. Không vi phạm luật giao thông/ });
  if ((await traffic.getAttribute("aria-expanded")) !== "true") await traffic.click();
  await expect(traffic).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByText(`Đội mũ bảo hiểm đúng quy cách khi đi xe máy điện (${tag})`)).toBeVisible();

  // Issue it: read-only from now on, usable by campaigns.
  await page.getByRole("button", { name: "Ban hành", exact: true }).click();
  await page.getByRole("tooltip").getByRole("button", { name: "Ban hành" }).click();
  await expect(page.getByText("Đã ban hành", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sửa nội dung" })).toHaveCount(0);
  const setUrl = page.url();

  // The school cell's secretary reads the commune's set and cannot change it.
  await apiSignIn(page.request, "th.bithu");
  await page.goto(setUrl);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Tạo phiên bản mới" })).toHaveCount(0);
  const id = setUrl.split("/").pop()!;
  const me = (await (await page.request.get("/api/auth/me")).json()) as { csrfToken: string };
  const refused = await page.request.post(`/api/criteria-sets`, { data: { basedOnSetId: id, year: year + 1, name: "Bộ của chi bộ" }, headers: { "x-csrf-token": me.csrfToken } });
  expect([403, 404]).toContain(refused.status());
  if (isPhone(page)) await expect(page.locator("body")).toHaveJSProperty("scrollWidth", 375);
});
