import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import JSZip from "jszip";
import { extractPdfText } from "../src/server/documents/pdf-text";
import { apiSignIn } from "./support";

/**
 * The school cell's secretary downloads the documents she prints and signs — the 2020 plan and
 * the cell's registration sheet — as Word and PDF, from the pages that show them. Read-only: the
 * story changes nothing, so both widths can run at once.
 */

const squash = (s: string) => s.replace(/\s+/g, "");

async function saved(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFileSync(file);
}

/** Clicks "Tải DOCX"/"Tải PDF" in the page's download group and returns the file as the browser saved it. */
async function download(page: Page, group: string, button: "Tải DOCX" | "Tải PDF") {
  const downloads = page.getByRole("group", { name: group, exact: true });
  const [file] = await Promise.all([page.waitForEvent("download"), downloads.getByRole("button", { name: button }).click()]);
  return { name: file.suggestedFilename(), body: await saved(file) };
}

async function expectDocx(body: Buffer, needles: readonly string[]) {
  expect(body.subarray(0, 2).toString("latin1")).toBe("PK");
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file("word/document.xml")!.async("string");
  // What Word shows: runs joined, its non-breaking hyphen as "-", non-breaking spaces as spaces, no word joiners.
  const text = xml
    .replace(/<w:noBreakHyphen\/>/g, "<w:t>-</w:t>")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/\u00a0/g, " ")
    .replace(/\u2060/g, "");
  // A needle written as XML (the page setup) is looked for in the XML itself.
  for (const n of needles) expect(n.includes("=") ? xml : text, n).toContain(n);
}

function expectPdf(body: Buffer, needles: readonly string[]) {
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(body.subarray(-8).toString("latin1")).toContain("%%EOF");
  const text = squash(extractPdfText(body));
  for (const n of needles) expect(text, n).toContain(squash(n));
}

test("a cell secretary downloads her cell's plan and registration sheet as DOCX and PDF", async ({ page }) => {
  await apiSignIn(page.request, "th.bithu");
  const campaigns = (await (await page.request.get("/api/campaigns?year=2020")).json()) as { items: { id: string }[] };
  const campaignId = campaigns.items[0]!.id;
  const detail = (await (await page.request.get(`/api/campaigns/${campaignId}`)).json()) as { myUnits: { unitId: string; plan: { id: string } | null }[] };
  const mine = detail.myUnits[0]!;

  // The plan: Số 01-KH/CB, as the seed reads.
  await page.goto(`/ke-hoach/${mine.plan!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kế hoạch");
  const planDocx = await download(page, "Tải kế hoạch", "Tải DOCX");
  expect(planDocx.name).toBe("Kế hoạch số 01-KH-CB - Chi bộ Trường Tiểu học Thạnh An.docx");
  await expectDocx(planDocx.body, ["CHI BỘ TRƯỜNG TIỂU HỌC", "Số 01-KH/CB", "Thạnh An, ngày 05 tháng 3 năm 2020", "T/M CHI BỘ", "Lê Hữu Bình", "- Lưu HSCB."]);
  const planPdf = await download(page, "Tải kế hoạch", "Tải PDF");
  expect(planPdf.name).toBe("Kế hoạch số 01-KH-CB - Chi bộ Trường Tiểu học Thạnh An.pdf");
  expectPdf(planPdf.body, ["ĐẢNG CỘNG SẢN VIỆT NAM", "KẾ HOẠCH", "III. Tổ chức thực hiện", "Lê Hữu Bình"]);

  // The registration sheet of the cell: landscape table in the Party columns.
  await page.goto(`/bang-dang-ky/${campaignId}/${mine.unitId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Bảng đăng ký — Chi bộ Trường Tiểu học Thạnh An" })).toBeVisible();
  const sheetDocx = await download(page, "Tải bảng đăng ký", "Tải DOCX");
  expect(sheetDocx.name).toBe("Bảng đăng ký - Chi bộ Trường Tiểu học Thạnh An - 2020.docx");
  await expectDocx(sheetDocx.body, ["BẢNG ĐĂNG KÝ", "Việc làm thiết thực/mô hình", "Ký tên", 'w:orient="landscape"', "Lê Hữu Bình"]);
  const sheetPdf = await download(page, "Tải bảng đăng ký", "Tải PDF");
  expect(sheetPdf.name).toBe("Bảng đăng ký - Chi bộ Trường Tiểu học Thạnh An - 2020.pdf");
  expectPdf(sheetPdf.body, ["BẢNG ĐĂNG KÝ", "Nội dung và cách thực hiện", "T/M CHI BỘ", "Lê Hữu Bình"]);
});
