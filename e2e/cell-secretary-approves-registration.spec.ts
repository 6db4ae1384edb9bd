import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiSignIn, isPhone, openMenu, signIn } from "./support";

/** A teacher's 2026 sheet, created and submitted through the API (the story starts at the secretary). */
async function submittedSheet(request: APIRequestContext, username: string, action: string) {
  const me = await apiSignIn(request, username);
  const headers = { "x-csrf-token": me.csrfToken };
  const campaigns = (await (await request.get("/api/registrations/campaigns")).json()) as { items: { id: string; year: number; mine: { unit: { id: string } }[] }[] };
  const c = campaigns.items.find((x) => x.year === 2026)!;
  const criteria = (await (await request.get(`/api/registrations/criteria?campaignId=${c.id}`)).json()) as { criteria: { items: { id: string; code: string }[] }[] };
  const item = (code: string) => criteria.criteria.flatMap((x) => x.items).find((i) => i.code === code)!.id;
  const created = await request.post("/api/registrations", {
    headers,
    data: {
      campaignId: c.id,
      unitId: c.mine[0]!.unit.id,
      commitments: [
        { criterionItemId: item("IV.2"), action: "Chấp hành nghiêm luật giao thông", target: "0 lỗi vi phạm", deadline: "2026-12-15" },
        { criterionItemId: item("II.4"), action, target: "Tốt", deadline: "2026-12-15" },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/api/registrations/${id}/submit`, { headers })).status()).toBe(200);
  return id;
}

// Step 4 from the secretary's side: th.bithu approves one sheet and returns another with a reason.
test("the cell secretary approves one registration and returns another with a reason", async ({ page }) => {
  const [approveWho, returnWho] = isPhone(page)
    ? [{ username: "th.gv05", name: "Đặng Văn Hùng" }, { username: "th.gv06", name: "Bùi Thị Ngọc" }]
    : [{ username: "th.gv03", name: "Võ Minh Tuấn" }, { username: "th.gv04", name: "Huỳnh Thị Lan" }];
  await submittedSheet(page.request, approveWho.username, "Niềm nở hướng dẫn phụ huynh");
  await submittedSheet(page.request, returnWho.username, "Làm tốt công việc");

  await signIn(page, "th.bithu");
  await openMenu(page, "Bảng đăng ký");
  await page.getByRole("region", { name: /năm 2026/ }).getByRole("link", { name: "Chi bộ Trường Tiểu học Thạnh An" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bảng đăng ký — Chi bộ Trường Tiểu học Thạnh An" })).toBeVisible();

  // Only the sheets awaiting approval.
  await page.getByRole("group", { name: "Số lượng theo trạng thái" }).getByRole("button", { name: /Chờ duyệt/ }).click();
  const list = page.getByRole("region", { name: "Danh sách đăng ký của đơn vị" });
  await list.getByRole("link", { name: approveWho.name, exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Bảng đăng ký — ${approveWho.name}` })).toBeVisible();
  await page.getByRole("button", { name: "Duyệt", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Duyệt bảng đăng ký" }).click();
  await expect(page.getByText("Đã duyệt bảng đăng ký")).toBeVisible();
  await expect(page.getByText("Đã duyệt", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Duyệt", exact: true })).toHaveCount(0);

  // Back to the sheet: return the other one with a reason.
  await page.getByRole("button", { name: "Quay lại" }).click();
  await list.getByRole("link", { name: returnWho.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Bảng đăng ký — ${returnWho.name}` })).toBeVisible();
  await page.getByRole("button", { name: "Trả lại", exact: true }).click();
  const dialog = page.getByRole("dialog");
  // The reason is required.
  await dialog.getByRole("button", { name: "Trả lại" }).click();
  await expect(dialog.getByText("Hãy nêu rõ lý do trả lại")).toBeVisible();
  const reason = "Việc làm tiêu chí II còn chung chung, đề nghị ghi chỉ tiêu đo được";
  await dialog.getByLabel("Lý do trả lại").fill(reason);
  await dialog.getByRole("button", { name: "Trả lại" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("alert").filter({ hasText: `Lý do: ${reason}` })).toBeVisible();
  await expect(page.getByText("Trả lại", { exact: true }).first()).toBeVisible();

  // The coverage tab counts them.
  await page.getByRole("button", { name: "Quay lại" }).click();
  await page.getByRole("tab", { name: "Mức độ đăng ký theo tiêu chí" }).click();
  await expect(page.getByRole("region", { name: "Mức độ đăng ký theo tiêu chí" })).toBeVisible();
  await expect(page.getByText(/Chưa đăng ký nội dung bắt buộc IV\.2/)).toBeVisible();
});
