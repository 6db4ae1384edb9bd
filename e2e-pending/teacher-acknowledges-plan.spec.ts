import { expect, test } from "@playwright/test";
import { openMenu, signIn } from "../e2e/support";

test("a teacher sees the notification of the cell's plan, reads it and acknowledges it; the secretary sees it", async ({ page }, testInfo) => {
  // Different teachers per project (one server): neither had acknowledged the 2020 plan in the demo data.
  const teacher = testInfo.project.name === "phone" ? { user: "th.gv10", name: "Lý Thị Kim Anh" } : { user: "th.gv09", name: "Dương Văn Phúc" };

  await signIn(page, teacher.user);
  await expect(page.getByRole("region", { name: "Kế hoạch cần quán triệt" }).getByRole("link", { name: /Kế hoạch số 01-KH\/CB ngày 05\/03\/2020/ })).toBeVisible();

  await openMenu(page, "Thông báo");
  const note = page.getByRole("region", { name: "Danh sách thông báo" }).getByRole("listitem").filter({ hasText: "năm 2020" });
  await note.getByRole("link", { name: "Chi bộ Trường Tiểu học Thạnh An ban hành Kế hoạch số 01-KH/CB" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Kế hoạch số 01-KH/CB" })).toBeVisible();
  const doc = page.getByRole("article", { name: "Nội dung kế hoạch" });
  await expect(doc.getByText("Căn cứ Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An", { exact: false })).toBeVisible();
  await expect(doc.getByText("Lê Hữu Bình")).toBeVisible();

  await page.getByRole("button", { name: "Đã quán triệt" }).click();
  await expect(page.getByText(/Đồng chí đã xác nhận quán triệt kế hoạch này lúc/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Đã quán triệt" })).toHaveCount(0);
  const planUrl = new URL(page.url()).pathname;

  // The notification is read now and the home card no longer lists the plan.
  await openMenu(page, "Thông báo");
  await expect(page.getByRole("region", { name: "Danh sách thông báo" }).getByRole("listitem").filter({ hasText: "năm 2020" })).toHaveCount(0);

  // The secretary sees this teacher among those who acknowledged.
  await signIn(page, "th.bithu", { to: planUrl });
  await page.getByText("Tất cả", { exact: true }).click();
  const list = page.getByRole("region", { name: "Tình hình quán triệt" });
  const row = list.getByRole(testInfo.project.name === "phone" ? "listitem" : "row").filter({ hasText: teacher.name });
  await expect(row.getByText(/Đã quán triệt/)).toBeVisible();
});
