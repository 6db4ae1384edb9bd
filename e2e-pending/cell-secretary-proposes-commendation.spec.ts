import { expect, test, type Locator, type Page } from "@playwright/test";
import { chooseOption, isPhone, openDropdown, openMenu, signIn } from "../e2e/support";

async function pick(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  await field.click();
  await openDropdown(page).locator(".ant-select-item-option", { hasText: option }).first().click();
}

// Step 9: the cell secretary proposes an exemplary member with their achievements; the commune
// secretary approves it; the member appears in the list of the commended. 2026 campaign; desktop
// and phone propose different members.
test("the cell secretary proposes a member for commendation and the commune secretary approves", async ({ page }) => {
  test.setTimeout(180_000); // a long story with many round trips; the shared test machine is slow at times
  const phone = isPhone(page);
  const person = phone ? "Huỳnh Thị Lan" : "Phạm Thị Hoa";
  const achievements = `Vận động 12 suất học bổng cho học sinh hộ nghèo (${test.info().project.name} ${Date.now().toString(36)})`;

  await signIn(page, "th.bithu");
  await openMenu(page, "Tuyên dương, khen thưởng");
  await pick(page, page.getByLabel("Phong trào", { exact: true }), /^Năm 2026/);
  await page.getByRole("button", { name: "Đề xuất tuyên dương" }).click();
  const dialog = page.getByRole("dialog", { name: "Đề xuất tuyên dương" });
  await expect(dialog.getByLabel("Đơn vị đề xuất")).toBeVisible();
  await dialog.getByRole("radio", { name: "Cá nhân" }).check();
  await chooseOption(page, dialog.getByLabel("Cá nhân được đề xuất"), person, person);
  await dialog.getByLabel("Thành tích").fill(achievements);
  await dialog.getByRole("button", { name: "Gửi đề xuất" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Đã gửi đề xuất tuyên dương lên Đảng ủy xã")).toBeVisible();

  const proposals = page.getByRole("region", { name: "Đề xuất tuyên dương" });
  const mine = proposals.locator(phone ? '[role="listitem"]' : "tr").filter({ hasText: achievements });
  await expect(mine.getByText("Chờ xét duyệt")).toBeVisible();
  await expect(mine.getByRole("button", { name: `Duyệt đề xuất ${person}`, exact: true })).toHaveCount(0);

  // The commune secretary decides.
  await signIn(page, "xa.bithu");
  await openMenu(page, "Tuyên dương, khen thưởng");
  await pick(page, page.getByLabel("Phong trào", { exact: true }), /^Năm 2026/);
  const row = page.getByRole("region", { name: "Đề xuất tuyên dương" }).locator(phone ? '[role="listitem"]' : "tr").filter({ hasText: achievements });
  await expect(row.getByText("Chi bộ Trường Tiểu học Thạnh An")).toBeVisible();
  await row.getByRole("button", { name: `Duyệt đề xuất ${person}`, exact: true }).click();
  await page.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(page.getByText("Đã duyệt đề xuất")).toBeVisible();
  await expect(row.getByText("Được tuyên dương")).toBeVisible();

  // The list of the commended, rolled up for the commune.
  await page.getByRole("tab", { name: "Danh sách được tuyên dương" }).click();
  const list = page.getByRole("list", { name: "Danh sách được tuyên dương" });
  const school = list.getByRole("listitem").filter({ hasText: "Chi bộ Trường Tiểu học Thạnh An" });
  await expect(school.getByText(person)).toBeVisible();
  await expect(school.getByText(achievements)).toBeVisible();
});
