import ExcelJS from "exceljs";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { apiSignIn, openMenu, signIn } from "./support";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEADER = ["STT", "Họ và tên", "Chức vụ", "Tiêu chí", "Nội dung", "Việc làm thiết thực", "Chỉ tiêu", "Địa điểm", "Ngày bắt đầu", "Thời hạn", "Trạng thái", "Mã dòng"];

interface Sheet {
  counts: Record<string, number>;
  items: { displayName: string; status: string; commitmentCount: number; itemCodes: string[] }[];
}

async function post(api: APIRequestContext, csrf: string, url: string, data: unknown, what: string): Promise<{ id: string }> {
  const res = await api.post(url, { headers: { "x-csrf-token": csrf }, data });
  expect(res.status(), `${what}: ${await res.text()}`).toBe(201);
  return (await res.json()) as { id: string };
}

/**
 * Step 3/4 from the cell secretary's side, with Excel: she downloads her cell's 2026 registration
 * sheet, edits it (changes a target, adds rows for two members, one with a wrong sub-item and one
 * with a date that does not exist), imports it and reads the errors row by row — nothing is
 * written; she fixes the file, imports it again and sees the new registrations in the sheet.
 * Each width works on its own new cell (made through the API by the commune secretary) whose
 * secretary holds the position only, no account scope.
 */
test("the cell secretary exports the registration sheet, sees the errors of an edited file row by row, then imports the fixed file", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000); // a cell, three people and an account made through the API first
  const unique = `${Date.now().toString(36)}${testInfo.workerIndex}${testInfo.repeatEachIndex}`;
  const tag = `${testInfo.project.name === "phone" ? "Điện" : "Bàn"} ${unique}`;
  const cellName = `Chi bộ Khu phố thử nhập ${tag}`;
  const secretaryName = `Phan Thị Hằng ${tag}`;
  const memberA = `Lê Văn Nhập ${tag}`;
  const memberB = `Võ Thị Tệp ${tag}`;
  const username = `bithu.${testInfo.project.name}-${unique}`;
  const password = "MatKhauRieng2026";

  // ---- setup: the commune secretary makes the cell, its people and the secretary's account
  const commune = await playwrightRequest.newContext({ baseURL });
  const boss = await apiSignIn(commune, "xa.bithu");
  const tree = (await (await commune.get("/api/units")).json()) as { units: { id: string; name: string }[] };
  const parentId = tree.units.find((u) => u.name === "Đảng ủy xã Thạnh An")!.id;
  const code = `e2e-dk-${testInfo.project.name}-${unique}`;
  const cell = await post(commune, boss.csrfToken, "/api/units", { kind: "party_cell", code, name: cellName, symbolCode: "CB", parentId, validFrom: "2026-01-01" }, "tạo chi bộ");
  const person = (fullName: string, role: string, title: string) =>
    post(commune, boss.csrfToken, "/api/people", { fullName, categories: ["party_member"], position: { unitId: cell.id, role, title, startDate: "2026-01-01" } }, `thêm ${fullName}`);
  const secretary = await person(secretaryName, "secretary", "Bí thư Chi bộ");
  await person(memberA, "member", "Đảng viên");
  await person(memberB, "member", "Đảng viên");
  await post(commune, boss.csrfToken, "/api/accounts", { username, displayName: secretaryName, password: "Mat-khau-tam-2026", personId: secretary.id, scopes: [] }, "tạo tài khoản");
  await commune.dispose();

  // The secretary sets her own password, and has a draft sheet of her own (one commitment).
  const first = await apiSignIn(page.request, username, "Mat-khau-tam-2026");
  const changed = await page.request.post("/api/auth/change-password", { headers: { "x-csrf-token": first.csrfToken }, data: { currentPassword: "Mat-khau-tam-2026", newPassword: password } });
  expect(changed.status(), await changed.text()).toBe(204);
  const me = await apiSignIn(page.request, username, password);
  const campaigns = (await (await page.request.get("/api/registrations/campaigns")).json()) as { items: { id: string; year: number; open: boolean }[] };
  const campaign = campaigns.items.find((c) => c.year === 2026 && c.open)!;
  const criteria = (await (await page.request.get(`/api/registrations/criteria?campaignId=${campaign.id}`)).json()) as { criteria: { items: { id: string; code: string }[] }[] };
  const itemId = (c: string) => criteria.criteria.flatMap((x) => x.items).find((i) => i.code === c)!.id;
  await post(
    page.request,
    me.csrfToken,
    "/api/registrations",
    { campaignId: campaign.id, unitId: cell.id, commitments: [{ criterionItemId: itemId("IV.2"), action: "Chấp hành nghiêm luật giao thông đường bộ", target: "0 lỗi vi phạm", deadline: "2026-12-15" }] },
    "đăng ký của Bí thư",
  );
  const sheet = async () => (await (await page.request.get(`/api/registrations?campaignId=${campaign.id}&unitId=${cell.id}`)).json()) as Sheet;

  // ---- the secretary opens her cell's sheet and downloads it
  await signIn(page, username, { password });
  await openMenu(page, "Bảng đăng ký");
  await page.getByRole("region", { name: /năm 2026/ }).getByRole("link", { name: cellName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Bảng đăng ký — ${cellName}` })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Xuất Excel", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe(`Bảng đăng ký - ${cellName}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
  expect(ws.getRow(2).getCell(2).value).toBe(secretaryName);
  expect(ws.getRow(2).getCell(5).value).toBe("IV.2");

  // ---- she edits it: a new target on her row, three new rows — two of them wrong
  ws.getRow(2).getCell(7).value = "0 lỗi vi phạm; nhắc nhở 5 người thân";
  ws.addRow([2, memberA, null, "III", "III.1", "Vận động hộ dân phân loại rác tại nguồn", "15 hộ ký cam kết", "Khu phố", null, "30/11/2026", null, null]);
  ws.addRow([3, memberB, null, "II", "II.9", "Hướng dẫn người dân nộp hồ sơ trực tuyến", "10 hồ sơ", null, null, "30/11/2026", null, null]);
  ws.addRow([4, memberB, null, "V", "V.1", "Tham gia tổ hòa giải ở khu phố", "2 vụ", null, null, "31/02/2026", null, null]);
  const file = async (name: string) => ({ name, mimeType: XLSX, buffer: Buffer.from(await wb.xlsx.writeBuffer()) });

  await page.getByRole("button", { name: "Nhập từ Excel", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Nhập bảng đăng ký từ Excel — ${cellName}` });
  await expect(dialog).toBeVisible();
  await dialog.locator('input[type="file"]').setInputFiles(await file("bang-dang-ky-sai.xlsx"));
  await expect(dialog.getByText("Tệp có 2 lỗi; chưa nhập dòng nào. Sửa tệp rồi chọn lại.")).toBeVisible();
  const errors = dialog.getByRole("table", { name: "Lỗi trong tệp" });
  const issue = (text: string) => errors.getByRole("row").filter({ hasText: text });
  await expect(issue('Nội dung "II.9" không có trong bộ tiêu chí').getByRole("cell").first()).toHaveText("4");
  await expect(issue('"31/02/2026" không phải ngày hợp lệ').getByRole("cell").first()).toHaveText("5");
  await expect(dialog.getByRole("button", { name: "Xác nhận nhập" })).toHaveCount(0);
  // nothing written: still only the secretary's own draft with its old target
  const untouched = await sheet();
  expect(untouched.counts).toMatchObject({ draft: 1, not_registered: 2 });

  // ---- she fixes the two rows and imports again
  ws.getRow(4).getCell(5).value = "II.1";
  ws.getRow(5).getCell(10).value = "30/04/2026"; // a real date, within the campaign (01/03 – 15/12/2026)
  await dialog.locator('input[type="file"]').setInputFiles(await file("bang-dang-ky.xlsx"));
  await expect(dialog.getByText("Tệp hợp lệ. Kiểm tra số liệu rồi bấm “Xác nhận nhập”.")).toBeVisible();
  await dialog.getByRole("button", { name: "Xác nhận nhập" }).click();
  await expect(dialog.getByText("Đã nhập xong: thêm 3, cập nhật 1, giữ nguyên 0")).toBeVisible();
  await dialog.getByRole("button", { name: "Xong", exact: true }).click();
  await expect(dialog).toBeHidden();

  // The new registrations are in the sheet at once (drafts the members submit themselves).
  const list = page.getByRole("region", { name: "Danh sách đăng ký của đơn vị" });
  await expect(list.getByRole("link", { name: memberA, exact: true })).toBeVisible();
  await expect(list.getByRole("link", { name: memberB, exact: true })).toBeVisible();
  const after = await sheet();
  expect(after.counts).toMatchObject({ draft: 3, not_registered: 0 });
  const row = (name: string) => after.items.find((i) => i.displayName === name)!;
  expect(row(memberA)).toMatchObject({ status: "draft", commitmentCount: 1, itemCodes: ["III.1"] });
  expect(row(memberB)).toMatchObject({ status: "draft", commitmentCount: 2 });
  expect([...row(memberB).itemCodes].sort()).toEqual(["II.1", "V.1"]);

  // The changed target is what the sheet exports now.
  const [again] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Xuất Excel", exact: true }).click()]);
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.readFile(await again.path());
  const targets = wb2.worksheets[0]!.getColumn(7).values.slice(2);
  expect(targets).toContain("0 lỗi vi phạm; nhắc nhở 5 người thân");
  expect(wb2.worksheets[0]!.rowCount).toBe(5);
});
