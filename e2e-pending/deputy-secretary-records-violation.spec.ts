import { expect, test, type Locator, type Page } from "@playwright/test";
import { chooseOption, isPhone, openDropdown, openMenu, signIn } from "../e2e/support";

/** A small real PNG standing in for the photo of the traffic police's record. */
const RECORD = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAGElEQVR4nGOo2PcBK2IgXcJmmhtWRLoEAHcUTdFwTkE1AAAAAElFTkSuQmCC", "base64");

async function typeDate(field: Locator, value: string): Promise<void> {
  await field.click();
  await field.fill(value);
  await field.press("Enter");
  await expect(field).toHaveValue(value);
}

async function pick(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  await field.click();
  await openDropdown(page).locator(".ant-select-item-option", { hasText: option }).first().click();
}

// Step 7 from the deputy secretary's side: th.phobithu records a traffic violation that breaks a
// member's IV.2 commitment ("no traffic violation"); the commitment shows as not achieved, and the
// member sees the violation recorded against them. The 2026 campaign is used (nobody signs off its
// evaluation in the stories); desktop and phone record against different members.
test("the deputy secretary records a traffic violation with evidence; the member's IV.2 commitment is no longer achieved", async ({ page }) => {
  test.setTimeout(120_000);
  const phone = isPhone(page);
  const member = phone ? "Lê Hữu Bình" : "Đỗ Thanh Tâm";
  const memberAccount = phone ? "th.bithu" : "th.gv07";
  const description = `Không đội mũ bảo hiểm, bị CSGT lập biên bản (${test.info().project.name} ${Date.now().toString(36)})`;

  await signIn(page, "th.phobithu");
  await openMenu(page, "Giám sát");
  await pick(page, page.getByLabel("Chi bộ và phong trào"), "Chi bộ Trường Tiểu học Thạnh An — năm 2026");
  await expect(page.getByText(/năm 2026 \(01\/03\/2026/)).toBeVisible();

  await page.getByRole("button", { name: "Ghi vi phạm" }).click();
  const dialog = page.getByRole("dialog", { name: "Ghi nhận vi phạm" });
  await chooseOption(page, dialog.getByLabel("Thành viên vi phạm"), member, member);
  await pick(page, dialog.getByLabel("Cam kết bị vi phạm"), /^IV\.2/);
  await pick(page, dialog.getByLabel("Loại vi phạm"), "Vi phạm luật giao thông");
  await typeDate(dialog.getByLabel("Ngày vi phạm"), "05/10/2026");
  await dialog.getByLabel("Mô tả vi phạm").fill(description);
  await dialog.locator('input[type="file"]').setInputFiles({ name: "bien-ban-csgt.png", mimeType: "image/png", buffer: RECORD });
  await expect(dialog.getByText("bien-ban-csgt.png")).toBeVisible();
  await dialog.getByRole("button", { name: "Ghi nhận vi phạm" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Đã ghi nhận vi phạm")).toBeVisible();

  // The violation is listed with its evidence.
  await page.getByRole("tab", { name: /^Vi phạm/ }).click();
  const violations = page.getByRole("region", { name: "Vi phạm đã ghi nhận" });
  const entry = violations.locator(phone ? '[role="listitem"]' : "tr").filter({ hasText: description });
  await expect(entry.getByText(member)).toBeVisible();
  await expect(entry.getByText("Vi phạm luật giao thông")).toBeVisible();
  const link = entry.getByRole("link", { name: /bien-ban-csgt\.png/ });
  await expect(link).toBeVisible();
  const file = await page.request.get((await link.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(Buffer.compare(await file.body(), RECORD)).toBe(0);

  // The member's IV.2 commitment now counts as not achieved, with the reason.
  await page.getByRole("tab", { name: /^Thành viên/ }).click();
  const members = page.getByRole("region", { name: "Thành viên và việc làm đã đăng ký" });
  const row = members.locator(phone ? '[role="listitem"]' : "tr").filter({ hasText: member });
  await expect(row.getByText(/Không đạt: có \d+ vi phạm trái với cam kết \(tiêu chí IV, mục IV\.2\) — Vi phạm luật giao thông ngày 05\/10\/2026/)).toBeVisible();

  // The member sees it, read-only, on their own page.
  await signIn(page, memberAccount);
  await openMenu(page, "Tự đánh giá");
  const mine = page.getByRole("region", { name: "Vi phạm được ghi nhận đối với tôi" });
  await expect(mine.getByText(description)).toBeVisible();
  await expect(mine.getByRole("button")).toHaveCount(0);
});
