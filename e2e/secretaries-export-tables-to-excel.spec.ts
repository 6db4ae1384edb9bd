import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { apiSignIn } from "./support";

/**
 * The tables people work with on screen come out as Excel files with the same figures: the
 * commune's live roll-up, a cell's coverage per criterion and its evaluation sheet. Read-only, so
 * both widths can run at once.
 */

async function downloadExcel(page: Page, button: ReturnType<Page["getByRole"]>) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return { name: file.suggestedFilename(), rows };
}

async function campaign2020(page: Page): Promise<string> {
  const list = (await (await page.request.get("/api/campaigns?year=2020")).json()) as { items: { id: string }[] };
  return list.items[0]!.id;
}

test("the commune exports its live roll-up; the cell exports its coverage and evaluation sheet", async ({ page }) => {
  // The commune's mass-mobilisation office: the roll-up of every unit below.
  await apiSignIn(page.request, "khoivan.xa");
  const campaignId = await campaign2020(page);
  const commune = ((await (await page.request.get("/api/units")).json()) as { units: { id: string; name: string }[] }).units.find((u) => u.name === "Đảng ủy xã Thạnh An")!;
  await page.goto(`/bao-cao/${campaignId}/${commune.id}?tab=tong-hop`);
  const summary = page.getByRole("group", { name: "Số liệu tổng hợp" });
  await expect(summary).toBeVisible();
  const rollup = await downloadExcel(page, page.getByRole("link", { name: "Xuất Excel", exact: true }));
  expect(rollup.name).toMatch(/^Tổng hợp kết quả - Đảng ủy xã Thạnh An - .+\.xlsx$/);
  expect(rollup.rows[0]!.slice(0, 3)).toEqual(["Đơn vị", "Loại", "Đảng viên đã đăng ký"]);
  const total = rollup.rows[rollup.rows.length - 1]!;
  expect(total[0]).toBe("Toàn Đảng ủy xã Thạnh An");
  // the same number of commitments the page shows
  await expect(summary).toContainText(`Việc làm đăng ký${String(total[4])}`);
  expect(rollup.rows.map((r) => r[0])).toContain("Chi bộ Trường Tiểu học Thạnh An");

  // The school cell's secretary: coverage per criterion and the evaluation sheet.
  await apiSignIn(page.request, "th.bithu");
  const school = ((await (await page.request.get("/api/units")).json()) as { units: { id: string; name: string }[] }).units.find((u) => u.name === "Chi bộ Trường Tiểu học Thạnh An")!;
  await page.goto(`/bang-dang-ky/${campaignId}/${school.id}?xem=muc-do`);
  const coverage = await downloadExcel(page, page.getByRole("link", { name: "Xuất Excel mức độ đăng ký" }));
  expect(coverage.name).toBe("Mức độ đăng ký theo tiêu chí - Chi bộ Trường Tiểu học Thạnh An.xlsx");
  const iv2 = coverage.rows.find((r) => r[1] === "IV.2")!;
  expect(iv2[3]).toBe("Có");
  await expect(page.getByRole("list", { name: "Chưa đăng ký IV.2" })).toBeVisible();
  const missing = await page.getByRole("list", { name: "Chưa đăng ký IV.2" }).getByRole("listitem").count();
  expect(String(iv2[8]).split(", ").length).toBe(missing);

  const evaluations = (await (await page.request.get(`/api/evaluations?campaignId=${campaignId}`)).json()) as { items: { evaluationId: string | null; unitId: string }[] };
  const mine = evaluations.items.find((e) => e.unitId === school.id && e.evaluationId)!;
  await page.goto(`/danh-gia/${mine.evaluationId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const sheet = await downloadExcel(page, page.getByRole("link", { name: "Xuất Excel", exact: true }));
  expect(sheet.name).toMatch(/^Đánh giá, xếp loại - Chi bộ Trường Tiểu học Thạnh An - .+\.xlsx$/);
  expect(sheet.rows[0]!.slice(0, 2)).toEqual(["STT", "Họ và tên"]);
  expect(sheet.rows.map((r) => r[1])).toContain("Lê Hữu Bình");
});
