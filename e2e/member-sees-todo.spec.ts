import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const CAMPAIGN_2026 = "Phong trào thi đua “Dân vận khéo” gắn với thực hiện nội dung “5 không” năm 2026";

/**
 * Step 11 from a member's side: a teacher's home page says what to do next — here, register
 * practical actions for the 2026 campaign, past its registration deadline — and leads there.
 * th.gv09 has no 2026 sheet in the demo data and no other story makes one (the story only reads).
 */
test("a teacher's home shows what to do next, most urgent first, with a link to do it", async ({ page }) => {
  await signIn(page, "th.gv09");
  const todo = page.getByRole("region", { name: "Việc cần làm" });
  await expect(todo).toBeVisible();
  // Another story's campaign may be open meanwhile: the 2026 one is meant.
  const item = todo.getByRole("listitem").filter({ hasText: "Đăng ký việc làm thiết thực" }).filter({ hasText: CAMPAIGN_2026 });
  await expect(item).toContainText("Quá hạn");
  await expect(item).toContainText("Chi bộ Trường Tiểu học Thạnh An");
  await expect(item).toContainText("Hạn: 15/04/2026");
  // overdue first
  await expect(todo.getByRole("listitem").first()).toContainText("Quá hạn");
  // nothing of other cells, nothing of a secretary's duties
  await expect(todo).not.toContainText("Chi bộ ấp Thạnh Hòa");
  await expect(todo).not.toContainText("chờ duyệt");
  await expect(todo).not.toContainText("chưa ban hành kế hoạch");
  // The link opens a new sheet for this campaign and this cell.
  await item.getByRole("link", { name: "Đăng ký việc làm thiết thực" }).click();
  await expect(page).toHaveURL(/\/dang-ky\/moi\?phongtrao=[0-9a-f-]+&donvi=[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Lập bảng đăng ký" })).toBeVisible();
  await expect(page.getByText(CAMPAIGN_2026).first()).toBeVisible();
});

/** The same page for a cell secretary: the cell's duties, not a member's, and where to do them. */
test("a cell secretary's home lists the cell's duties — members still to register, the cell's plan — and leads to the sheet", async ({ page }) => {
  await signIn(page, "thanhhoa.bithu");
  const todo = page.getByRole("region", { name: "Việc cần làm" });
  const items = todo.getByRole("listitem").filter({ hasText: CAMPAIGN_2026 });
  const unregistered = items.filter({ hasText: /\d+ đảng viên chưa đăng ký việc làm thiết thực/ });
  await expect(unregistered).toContainText("Quá hạn");
  await expect(unregistered).toContainText("Chi bộ ấp Thạnh Hòa");
  await expect(unregistered).toContainText("Hạn: 15/04/2026");
  await expect(items.filter({ hasText: "Ban hành kế hoạch thực hiện của chi bộ" })).toContainText("Hạn: 20/03/2026");
  // only his cell
  await expect(todo).not.toContainText("Chi bộ Trường Tiểu học Thạnh An");
  await unregistered.getByRole("link", { name: /đảng viên chưa đăng ký việc làm thiết thực/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bảng đăng ký — Chi bộ ấp Thạnh Hòa" })).toBeVisible();
});

/** And for the commune's mass-mobilisation office, which follows up the units. */
test("the commune's mass-mobilisation office sees the units without a plan and opens the campaign's cascade", async ({ page }, testInfo) => {
  await signIn(page, "khoivan.xa");
  const todo = page.getByRole("region", { name: "Việc cần làm" });
  const item = todo.getByRole("listitem").filter({ hasText: CAMPAIGN_2026 }).filter({ hasText: /\d+ đơn vị chưa ban hành kế hoạch/ });
  await expect(item).toContainText("Quá hạn");
  // (the names shown first depend on the test cells other stories add under the commune)
  await item.getByRole("link", { name: /đơn vị chưa ban hành kế hoạch/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: CAMPAIGN_2026 })).toBeVisible();
  const cascade = page.getByRole("region", { name: "Tình hình ban hành kế hoạch" });
  const row = cascade.getByRole(testInfo.project.name === "phone" ? "listitem" : "row").filter({ hasText: "Chi bộ ấp Thiềng Liềng" });
  await expect(row.getByText("Chưa lập kế hoạch")).toBeVisible();
});
