import { expect, test } from "@playwright/test";
import { isPhone, signIn } from "./support";

/**
 * Pages are chunks loaded when first opened. After a release, a tab still running the previous one
 * asks for chunk names that are gone from the server: the member sees a Vietnamese message with a
 * reload button inside the app's frame, not a blank page, and the reload brings the page. The
 * story only reads.
 */
test("a page whose code is gone after an update offers a reload, and the reload opens it", async ({ page }) => {
  await signIn(page, "th.gv01");
  // The server answers as it does for a chunk of another release (src/server/http/web-assets.ts).
  await page.route(/\/assets\/notifications\.page-[^/]+\.js$/, (route) => route.fulfill({ status: 404, contentType: "application/json", body: '{"error":{"code":"NOT_FOUND"}}' }));

  if (isPhone(page)) {
    await page.getByRole("button", { name: "Mở menu" }).click();
    await page.getByRole("dialog").getByRole("link", { name: "Thông báo", exact: true }).click();
  } else {
    await page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Thông báo", exact: true }).click();
  }
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("Không tải được trang");
  await expect(alert).toContainText("Ứng dụng vừa được cập nhật");
  await expect(page.getByRole("banner")).toBeVisible();

  // Elsewhere the app works on; the failed chunk stays failed in this document, as in a browser.
  await page.getByRole("link", { name: "Dân vận khéo — Trang chủ" }).click();
  await expect(page.getByRole("region", { name: "Việc cần làm" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);

  await page.unroute(/\/assets\/notifications\.page-[^/]+\.js$/);
  await page.goBack();
  await expect(alert).toContainText("Không tải được trang");
  await alert.getByRole("button", { name: "Tải lại trang" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thông báo" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});
