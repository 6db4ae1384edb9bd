import { expect, test } from "@playwright/test";
import { newCell, StoryApi, STORY_PASSWORD } from "./story-data";
import { openMenu, signIn } from "./support";

/**
 * Step 10 from the cell secretary's side: she opens her cell's result report, reads the live
 * statistics, writes the narrative (Ưu điểm, Hạn chế, Nguyên nhân, Phương hướng), saves a draft and
 * submits it to the commune through the TTKV; the report becomes read-only. Each width and run
 * reports for a new cell of its own (made through the API) in the 2026 campaign.
 */
test("a cell secretary writes the narrative of the result report and submits it through the TTKV", async ({ page, baseURL }, testInfo) => {
  const api = await StoryApi.open(baseURL);
  const cell = await newCell(api, testInfo, { secretary: "Đoàn Thị Báo", members: ["Mạc Văn Cáo"] }).finally(() => api.dispose());
  await signIn(page, cell.secretary.username, { password: STORY_PASSWORD });
  await openMenu(page, "Báo cáo kết quả");
  await page.getByRole("link", { name: new RegExp(`^Báo cáo ${cell.name} — .*năm 2026$`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Báo cáo kết quả — ${cell.name}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Kết quả theo tiêu chí" })).toBeVisible();
  await expect(page.getByText("Số liệu trực tiếp", { exact: false })).toBeVisible();

  const stamp = `${testInfo.project.name} ${Date.now().toString(36)}`;
  await page.getByRole("textbox", { name: "Ưu điểm" }).fill(`100% đảng viên đăng ký việc làm thiết thực; mô hình “Thư viện xanh” được duy trì (${stamp}).`);
  await page.getByRole("textbox", { name: "Hạn chế" }).fill("Một số đồng chí cập nhật tiến độ chưa kịp thời.");
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đã lưu bản nháp báo cáo")).toBeVisible();
  // the four sections are required to send (not marked "Tùy chọn"); sending with two empty asks for them first
  await expect(page.getByText("Nguyên nhân (Tùy chọn)")).toHaveCount(0);
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByText("Vui lòng viết phần “Nguyên nhân” trước khi gửi báo cáo")).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Gửi báo cáo kết quả?" })).toHaveCount(0);

  await page.getByRole("textbox", { name: "Nguyên nhân" }).fill("Thời gian năm học bận rộn, một số việc phụ thuộc phụ huynh.");
  await page.getByRole("textbox", { name: "Phương hướng" }).fill("Tiếp tục kiểm tra, đôn đốc; đề xuất tuyên dương gương điển hình.");
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  const confirm = page.getByRole("dialog", { name: "Gửi báo cáo kết quả?" });
  await expect(confirm).toContainText("Thường trực Khối vận xã Thạnh An");
  await confirm.getByRole("button", { name: "Gửi báo cáo" }).click();

  await expect(page.getByText("Đã gửi báo cáo", { exact: true })).toBeVisible();
  await expect(page.getByText(/Báo cáo đã gửi ngày .*, qua Thường trực Khối vận xã Thạnh An/)).toBeVisible();
  // read-only now: the narrative is text, the form is gone, the figures are frozen
  await expect(page.getByRole("textbox", { name: "Ưu điểm" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Ưu điểm" })).toContainText(stamp);
  await expect(page.getByRole("button", { name: "Gửi báo cáo" })).toHaveCount(0);
  await expect(page.getByText(/Số liệu chốt khi gửi/)).toBeVisible();
  await expect(page.getByText(/\d{2}-BC\/CB/).first()).toBeVisible();
});
