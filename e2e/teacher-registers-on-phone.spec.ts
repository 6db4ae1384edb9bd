import { expect, test } from "@playwright/test";
import { newMember, SCHOOL_CELL, StoryApi, STORY_PASSWORD } from "./story-data";
import { chooseOption, openDropdown, openMenu, signIn } from "./support";

// Step 4 of the campaign, from the member's side: a teacher registers practical actions
// (including the mandatory IV.2) and a "Dân vận khéo" model for 2026, then sends the sheet.
test("a teacher registers commitments including IV.2 and a model, and submits the sheet", async ({ page, baseURL }, testInfo) => {
  // A new teacher of the school cell per width and run (one sheet per person and campaign).
  const api = await StoryApi.open(baseURL);
  const teacher = await newMember(api, testInfo, { unit: SCHOOL_CELL, secretary: "th.bithu", givenName: "Giáo Viên Mới" }).finally(() => api.dispose());
  await signIn(page, teacher.username, { password: STORY_PASSWORD });
  await openMenu(page, "Đăng ký của tôi");

  const campaign = page.getByRole("region", { name: /năm 2026/ });
  await expect(campaign.getByText("Chưa đăng ký")).toBeVisible();
  await campaign.getByRole("link", { name: "Đăng ký" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lập bảng đăng ký" })).toBeVisible();

  // IV.2 (mandatory) is already on the sheet, with its usual wording.
  const first = page.getByRole("region", { name: "Việc làm 1" });
  await expect(first.getByText(/^IV\.2 —/)).toBeVisible();
  await expect(first.getByLabel("Chỉ tiêu (đo được)")).toHaveValue(/0 lỗi/);

  // A second practical action under III.2.
  await page.getByRole("button", { name: "Thêm việc làm" }).click();
  const second = page.getByRole("region", { name: "Việc làm 2" });
  await chooseOption(page, second.getByLabel("Nội dung (tiêu chí)"), "III.2", /^III\.2/);
  await second.getByLabel("Việc làm thiết thực").fill("Hướng dẫn học sinh lớp chủ nhiệm phân loại rác tại lớp, tổng vệ sinh sáng thứ Bảy");
  await second.getByLabel("Chỉ tiêu (đo được)").fill("4 buổi mỗi tháng");
  await second.getByLabel("Nơi thực hiện").fill("Trường Tiểu học Thạnh An");

  // A "Dân vận khéo" model.
  await page.getByRole("button", { name: "Thêm mô hình" }).click();
  const model = page.getByRole("region", { name: "Mô hình 1" });
  await model.getByLabel("Tên mô hình").fill("Mô hình “Lớp học xanh” không rác thải nhựa");
  await model.getByLabel("Lĩnh vực").click();
  await openDropdown(page).getByText("Văn hóa - xã hội", { exact: true }).click();
  await model.getByLabel("Nội dung mô hình").fill("Mỗi lớp một góc phân loại rác; học sinh mang bình nước cá nhân");

  await page.getByRole("button", { name: "Lưu và gửi duyệt" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Bảng đăng ký — ${teacher.fullName}` })).toBeVisible();
  await expect(page.getByText("Chờ duyệt", { exact: true }).first()).toBeVisible();
  // The 2026 registration deadline (15/04/2026) has passed: accepted, flagged late.
  await expect(page.getByText("Nộp sau hạn", { exact: true })).toBeVisible();
  await expect(page.getByRole("listitem", { name: /^IV\.2:/ })).toBeVisible();
  await expect(page.getByRole("listitem", { name: /^III\.2:/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Mô hình “Lớp học xanh” không rác thải nhựa" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Gửi duyệt" })).toHaveCount(0);

  // Back on "Đăng ký của tôi" the sheet awaits the secretary.
  await openMenu(page, "Đăng ký của tôi");
  await expect(page.getByRole("region", { name: /năm 2026/ }).getByText("Chờ duyệt")).toBeVisible();
});
