import { expect, test } from "@playwright/test";
import { expectNoSideScroll } from "./story-data";
import { isPhone, openMenu, signIn } from "./support";

// The audit log is read a page at a time, newest first, with "Xem thêm" (no page numbers, no count
// of the whole log): the commune secretary's log holds more than one page from the demo seed and
// the sign-ins of the stories.
test("the commune secretary reads the audit log newest first, a page at a time with 'Xem thêm'", async ({ page }) => {
  await signIn(page, "xa.bithu");
  await openMenu(page, "Nhật ký thao tác");
  const log = page.getByRole("region", { name: "Nhật ký thao tác" });
  const rows = isPhone(page) ? log.getByRole("listitem") : log.locator("tbody tr.ant-table-row");
  await expect(rows).toHaveCount(50);
  await expect(page.getByRole("navigation", { name: /trang/i })).toHaveCount(0);
  const more = page.getByRole("button", { name: "Xem thêm" });
  await more.click();
  await expect.poll(() => rows.count()).toBeGreaterThan(50);
  // newest first across the two pages: the times read never go forward
  const times = await rows.evaluateAll((els) => els.map((el) => (el.textContent ?? "").match(/(\d{2})\/(\d{2})\/(\d{4}),? (\d{2}):(\d{2})/)));
  const keys = times.map((m) => (m ? `${m[3]}${m[2]}${m[1]}${m[4]}${m[5]}` : ""));
  expect(keys.every((k) => k !== "")).toBe(true);
  expect([...keys].sort().reverse()).toEqual(keys);
  await expectNoSideScroll(page);
});
