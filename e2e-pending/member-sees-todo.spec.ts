import { expect, test } from "@playwright/test";
import { signIn } from "../e2e/support";

/**
 * Step 11 from a member's side: a teacher's home page says what to do next — here, register
 * practical actions for the 2026 campaign, past its registration deadline — and leads there.
 */
test("a teacher's home shows what to do next, most urgent first, with a link to do it", async ({ page }) => {
  await signIn(page, "th.gv01");
  const todo = page.getByRole("region", { name: "Việc cần làm" });
  await expect(todo).toBeVisible();
  const item = todo.getByRole("listitem").filter({ hasText: "Đăng ký việc làm thiết thực" });
  await expect(item).toContainText("Quá hạn");
  await expect(item).toContainText("Chi bộ Trường Tiểu học Thạnh An");
  await expect(item).toContainText("Hạn: 15/04/2026");
  // nothing of other cells, nothing of a secretary's duties
  await expect(todo).not.toContainText("Chi bộ ấp Thạnh Hòa");
  await expect(todo).not.toContainText("chờ duyệt");
  await item.getByRole("link", { name: "Đăng ký việc làm thiết thực" }).click();
  await expect(page).toHaveURL(/\/dang-ky$/);
});
