import { expect, test } from "@playwright/test";
import { isPhone, openMenu, signIn } from "../e2e/support";

/** A small real PNG (8×6 pixels) standing in for a photo taken on the phone. */
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAGElEQVR4nGOo2PcBK2IgXcJmmhtWRLoEAHcUTdFwTkE1AAAAAElFTkSuQmCC", "base64");

// Step 5 from the member's side: on an approved 2020 sheet, a teacher posts a progress update
// with a photo as evidence and sees it on the commitment's timeline.
test("a teacher posts a progress update with a photo on an approved commitment", async ({ page }) => {
  const teacher = isPhone(page) ? "th.gv02" : "th.gv01";
  await signIn(page, teacher);
  await openMenu(page, "Đăng ký của tôi");
  await page.getByRole("region", { name: /năm 2020/ }).getByRole("link", { name: "Xem bảng đăng ký" }).click();
  await expect(page.getByText("Đã duyệt", { exact: true }).first()).toBeVisible();

  await page.getByRole("listitem", { name: /^IV\.2:/ }).getByRole("link", { name: "Cập nhật tiến độ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tiến độ việc làm IV.2" })).toBeVisible();

  const note = `Tháng 10: không vi phạm luật giao thông (${test.info().project.name} ${Date.now()})`;
  await page.getByRole("radio", { name: "Đang thực hiện" }).check();
  await page.getByLabel("Ghi chú").fill(note);
  await page.getByLabel("Tệp minh chứng").setInputFiles({ name: "anh-minh-chung.png", mimeType: "image/png", buffer: PHOTO });
  await page.getByRole("button", { name: "Gửi cập nhật" }).click();
  await expect(page.getByText("Đã cập nhật tiến độ")).toBeVisible();

  const updates = page.getByRole("region", { name: "Các lần cập nhật" });
  await expect(updates.getByText(note)).toBeVisible();
  const img = updates.getByRole("img", { name: "anh-minh-chung.png" }).first();
  await expect(img).toBeVisible();
  const src = await img.getAttribute("src");
  const file = await page.request.get(src!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("image/png");
  expect(Buffer.compare(await file.body(), PHOTO)).toBe(0);

  // "Closing is not achieving": the commitment shows what was posted, not "Đạt".
  await page.getByRole("button", { name: "Quay lại" }).click();
  await expect(page.getByRole("listitem", { name: /^IV\.2:/ }).getByText("Đang thực hiện")).toBeVisible();
  await expect(page.getByRole("region", { name: "Dòng thời gian" }).getByText(note)).toBeVisible();
});
