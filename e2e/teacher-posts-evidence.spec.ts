import { expect, test } from "@playwright/test";
import { expectNoSideScroll, memberWithApprovedSheet, SCHOOL_CELL, STORY_PASSWORD, TRAFFIC_COMMITMENT } from "./story-data";
import { openMenu, signIn } from "./support";

/** A small real PNG (8×6 pixels) standing in for a photo taken on the phone. */
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAGElEQVR4nGOo2PcBK2IgXcJmmhtWRLoEAHcUTdFwTkE1AAAAAElFTkSuQmCC", "base64");
/** A one-page PDF standing in for a scanned confirmation. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
  "latin1",
);

// Step 5 from the member's side: on an approved sheet, a teacher posts a progress update (status,
// note, a photo and a PDF as evidence) and sees it on the commitment and on the sheet's timeline.
// Each width (and each repeat) has its own new teacher whose 2026 sheet is made and approved
// through the API, so no other story's sign-off or update can get in the way.
test("a teacher posts a progress update with a photo and a PDF on an approved commitment", async ({ page, baseURL }, testInfo) => {
  const teacher = await memberWithApprovedSheet(baseURL, testInfo, {
    unit: SCHOOL_CELL,
    secretary: "th.bithu",
    givenName: "Giáo Viên Thử",
    year: 2026,
    commitments: [TRAFFIC_COMMITMENT, { code: "III.2", action: "Tổng vệ sinh lớp học sáng thứ Bảy", target: "4 buổi mỗi tháng" }],
  });

  await signIn(page, teacher.username, { password: STORY_PASSWORD });
  await openMenu(page, "Đăng ký của tôi");
  await page.getByRole("region", { name: /năm 2026/ }).getByRole("link", { name: "Xem bảng đăng ký" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Bảng đăng ký — ${teacher.fullName}` })).toBeVisible();
  await expect(page.getByText("Đã duyệt", { exact: true }).first()).toBeVisible();

  await page.getByRole("listitem", { name: /^IV\.2:/ }).getByRole("link", { name: "Cập nhật tiến độ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tiến độ việc làm IV.2" })).toBeVisible();

  const note = `Tháng 11: không vi phạm luật giao thông (${testInfo.project.name} ${Date.now()})`;
  const form = page.getByRole("form", { name: "Cập nhật tiến độ" });
  await form.getByRole("radio", { name: "Đang thực hiện" }).check();
  await form.getByLabel("Ghi chú").fill(note);
  await form.getByLabel("Tệp minh chứng").setInputFiles([
    { name: "anh-minh-chung.png", mimeType: "image/png", buffer: PHOTO },
    { name: "xac-nhan.pdf", mimeType: "application/pdf", buffer: PDF },
  ]);
  await expect(form.getByText("xac-nhan.pdf")).toBeVisible();
  await form.getByRole("button", { name: "Gửi cập nhật" }).click();
  await expect(page.getByText("Đã cập nhật tiến độ")).toBeVisible();

  const updates = page.getByRole("region", { name: "Các lần cập nhật" });
  const update = updates.getByRole("listitem").filter({ hasText: note });
  await expect(update.getByText("Đang thực hiện")).toBeVisible();
  const img = update.getByRole("img", { name: "anh-minh-chung.png" });
  await expect(img).toBeVisible();
  const photo = await page.request.get((await img.getAttribute("src"))!);
  expect(photo.status()).toBe(200);
  expect(photo.headers()["content-type"]).toBe("image/png");
  expect(Buffer.compare(await photo.body(), PHOTO)).toBe(0);
  const pdfLink = update.getByRole("link", { name: /xac-nhan\.pdf/ });
  await expect(pdfLink).toBeVisible();
  const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.compare(await pdf.body(), PDF)).toBe(0);
  await expectNoSideScroll(page);

  // "Closing is not achieving": the commitment shows what was posted, not "Đạt".
  await page.getByRole("button", { name: "Quay lại" }).click();
  await expect(page.getByRole("listitem", { name: /^IV\.2:/ }).getByText("Đang thực hiện")).toBeVisible();
  await expect(page.getByRole("region", { name: "Dòng thời gian" }).getByText(note)).toBeVisible();
});
