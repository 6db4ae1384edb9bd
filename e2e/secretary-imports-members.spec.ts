import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Phân loại", "Chức vụ", "Chức danh", "Ngày bắt đầu", "Mã", "Điện thoại", "Email"];

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("the cell secretary downloads the member list, sees a bad row reported in Vietnamese, then imports the corrected file", async ({ page }, info) => {
  const suffix = `${info.project.name === "phone" ? "Điện" : "Bàn"} ${Date.now() % 100000}${info.workerIndex}${info.repeatEachIndex}`;
  const name = `Thử Nhập ${suffix}`;
  await signIn(page, "th.bithu");
  const tree = await (await page.request.get("/api/units")).json();
  const school = tree.units.find((u: { name: string }) => u.name === "Chi bộ Trường Tiểu học Thạnh An");
  await page.goto(`/to-chuc/${school.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Chi bộ Trường Tiểu học Thạnh An" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Xuất Excel/ }).first().click()]);
  expect(download.suggestedFilename()).toBe("Danh sách đảng viên - Chi bộ Trường Tiểu học Thạnh An.xlsx");

  await page.getByRole("button", { name: /Nhập từ Excel/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const bad = await xlsx([HEADER, [1, name, "12/05/1991", "Nữ", "Đảng viên", "Chủ tịch", "Giáo viên", "01/09/2024", null, null, null]]);
  await dialog.locator('input[type="file"]').setInputFiles({ name: "sai.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bad });
  await expect(dialog.getByText(/chưa nhập dòng nào/)).toBeVisible();
  const errors = dialog.getByRole("table", { name: "Lỗi trong tệp" });
  await expect(errors.getByText('Chức vụ "Chủ tịch" không có trong danh mục', { exact: false })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Xác nhận nhập" })).toHaveCount(0);
  // nothing was written: the unit still has no such member
  const members = async () => ((await (await page.request.get(`/api/units/${school.id}`)).json()) as { members: { fullName: string }[] }).members.map((m) => m.fullName);
  expect(await members()).not.toContain(name);

  const good = await xlsx([HEADER, [1, name, "12/05/1991", "Nữ", "Đảng viên", "Đảng viên", "Giáo viên", "01/09/2024", null, null, null]]);
  await dialog.locator('input[type="file"]').setInputFiles({ name: "dung.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: good });
  await expect(dialog.getByText(/Tệp hợp lệ/)).toBeVisible();
  await dialog.getByRole("button", { name: "Xác nhận nhập" }).click();
  await expect(dialog.getByText(/Đã nhập xong: thêm 1/)).toBeVisible();
  await dialog.getByRole("button", { name: "Xong", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Thành viên" }).getByRole("link", { name, exact: true })).toBeVisible();
  expect(await members()).toContain(name);
});
