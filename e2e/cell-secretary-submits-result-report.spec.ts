import { expect, test } from "@playwright/test";
import { openMenu, signIn } from "./support";

/**
 * Step 10 from the cell secretary's side: she opens her cell's result report, reads the live
 * statistics, writes the narrative (Ưu điểm, Hạn chế, Nguyên nhân, Phương hướng), saves a draft and
 * submits it to the commune through the TTKV; the report becomes read-only. Desktop works on the
 * 2026 campaign (no report yet), the phone on the 2020 one (the demo draft), so both run on one server.
 */
test("a cell secretary writes the narrative of the result report and submits it through the TTKV", async ({ page }, testInfo) => {
  const year = testInfo.project.name === "phone" ? 2020 : 2026;
  await signIn(page, "th.bithu");
  await openMenu(page, "Báo cáo kết quả");
  // The 2020 campaign's period is over but the commune has not closed it: the units still report.
  await expect(page.getByRole("region", { name: /năm 2020$/ }).getByText("Đang tổng kết", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: new RegExp(`^Báo cáo Chi bộ Trường Tiểu học Thạnh An — .*năm ${year}$`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo kết quả — Chi bộ Trường Tiểu học Thạnh An" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Kết quả theo tiêu chí" })).toBeVisible();
  await expect(page.getByText("Số liệu trực tiếp", { exact: false })).toBeVisible();

  const stamp = `${testInfo.project.name} ${Date.now().toString(36)}`;
  await page.getByRole("textbox", { name: "Ưu điểm" }).fill(`100% đảng viên đăng ký việc làm thiết thực; mô hình “Thư viện xanh” được duy trì (${stamp}).`);
  await page.getByRole("textbox", { name: "Hạn chế" }).fill("Một số đồng chí cập nhật tiến độ chưa kịp thời.");
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đã lưu bản nháp báo cáo")).toBeVisible();

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
