import { expect, test } from "@playwright/test";
import { openMenu, signInViaUi } from "./support";

test("a cell secretary sees only her cell, its members, and finds a member typing without diacritics", async ({ page }) => {
  await signInViaUi(page, "th.bithu");
  await expect(page.getByRole("banner").getByText("Lê Hữu Bình")).toBeVisible();

  await openMenu(page, "Cây tổ chức");
  const tree = page.getByRole("tree");
  const school = tree.getByRole("link", { name: "Chi bộ Trường Tiểu học Thạnh An", exact: true });
  await expect(school).toBeVisible();
  await expect(page.getByText("Chi bộ ấp Thạnh Hòa")).toHaveCount(0);

  await school.click();
  await expect(page.getByRole("heading", { level: 1, name: "Chi bộ Trường Tiểu học Thạnh An" })).toBeVisible();
  const members = page.getByRole("region", { name: "Thành viên" });
  await expect(members.getByRole("link", { name: "Nguyễn Văn An", exact: true })).toBeVisible();
  await expect(members.getByRole("link", { name: "Lê Hữu Bình", exact: true })).toBeVisible();

  await openMenu(page, "Cán bộ, đảng viên");
  await page.getByLabel("Tìm theo tên").fill("nguyen van an");
  const people = page.getByRole("region", { name: "Danh sách cán bộ, đảng viên" });
  await expect(people.getByRole("link", { name: "Nguyễn Văn An", exact: true })).toBeVisible();
  await expect(people.getByRole("link", { name: "Lý Thị Kim Anh", exact: true })).toHaveCount(0);
  await expect(page).toHaveURL(/q=nguyen/);
  // The first page counts its matches; the list is complete, so there is nothing to read on.
  await expect(people.getByText("Tìm thấy 1 người")).toBeVisible();
  await expect(page.getByRole("button", { name: "Xem thêm" })).toHaveCount(0);
});
