import { expect, test, type Page } from "@playwright/test";
import { expectNoSideScroll, newCell, pickOption, StoryApi, STORY_PASSWORD, TRAFFIC_COMMITMENT, type NewCell } from "./story-data";
import { openMenu, signIn } from "./support";


/** Opens the member's rating dialog, enters a score and a rating, saves. */
async function rate(page: Page, name: string, score: string, rating: string): Promise<void> {
  await page.getByRole("button", { name: `Chấm điểm, xếp loại ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Chấm điểm, xếp loại: ${name}` });
  await dialog.getByLabel("Điểm (thang 100)").fill(score);
  await pickOption(page, dialog.getByLabel("Xếp loại"), rating);
  await expect(dialog.getByTitle(rating, { exact: true })).toBeVisible();
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Đã lưu điểm và xếp loại").last()).toBeVisible();
}

/**
 * A new cell for this width and repeat: its secretary registered two commitments for 2026 and
 * achieved both (so the suggestions rate her), three members registered nothing.
 */
async function cellToEvaluate(baseURL: string | undefined, testInfo: Parameters<typeof newCell>[1]): Promise<NewCell> {
  const api = await StoryApi.open(baseURL);
  try {
    const cell = await newCell(api, testInfo, { secretary: "Lương Thị Thu", members: ["Kiều Văn Bảo", "Tạ Văn Cường", "La Văn Danh"] });
    // The session is now the new secretary's.
    const sheet = await api.submitSheet({
      year: 2026,
      commitments: [TRAFFIC_COMMITMENT, { code: "III.2", action: "Vận động 20 hộ trong ấp phân loại rác tại nguồn", target: "20 hộ" }],
    });
    // Nobody approves her own sheet: the commune, the level above, does.
    await api.as("xa.bithu");
    await api.approveSheet(sheet);
    await api.as(cell.secretary.username, STORY_PASSWORD);
    for (const c of (await api.sheet(sheet)).commitments) await api.progress(c.id, "achieved", "Đã hoàn thành chỉ tiêu đăng ký");
    return cell;
  } finally {
    await api.dispose();
  }
}

// Step 6 from the cell secretary's side: the cell judges commitments (suggestions applied), scores
// and rates members, is warned when the ratings break the 20% quota (the warning names the rule
// and the excess), acknowledges the warning and signs off — the results are then locked.
// Each width and repeat evaluates its own new cell (made through the API) for the 2026 campaign,
// so no other story's data is locked by the sign-off.
test("the cell secretary rates members, is warned about the quota, acknowledges and signs off", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000); // a long story with many round trips; the shared test machine is slow at times
  const cell = await cellToEvaluate(baseURL, testInfo);
  const [bao, cuong, danh] = cell.members.map((m) => m.fullName) as [string, string, string];

  await signIn(page, cell.secretary.username, { password: STORY_PASSWORD });
  await openMenu(page, "Đánh giá, xếp loại");
  await page.getByRole("button", { name: `Bắt đầu đánh giá ${cell.name} năm 2026` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Đánh giá, xếp loại: ${cell.name}` })).toBeVisible();
  await expect(page.getByText("Đang đánh giá", { exact: true })).toBeVisible();
  const members = page.getByRole("region", { name: "Chấm điểm, xếp loại đảng viên" });

  // Suggestions first: the secretary's two achieved commitments give her 100 points, "Hoàn thành tốt".
  await page.getByRole("button", { name: "Áp dụng gợi ý" }).click();
  await page.getByRole("button", { name: "Áp dụng", exact: true }).click();
  await expect(page.getByText("Đã áp dụng gợi ý")).toBeVisible();
  const secretaryRow = members.locator("tr, [role='listitem']").filter({ hasText: cell.secretary.fullName });
  await expect(secretaryRow.getByText("2/2 cam kết đạt")).toBeVisible();
  await expect(secretaryRow.getByText("100 điểm · Hoàn thành tốt", { exact: true })).toBeVisible();

  // Until everyone is rated, the sheet says who is missing.
  const warnings = page.getByRole("region", { name: "Cảnh báo trước khi ký duyệt" });
  await expect(warnings.getByText(/chưa được xếp loại/).first()).toBeVisible();

  // …then the members without a suggestion, one of them rated excellent.
  await rate(page, bao, "80", "Hoàn thành tốt");
  await rate(page, cuong, "82", "Hoàn thành tốt");
  await rate(page, danh, "95", "Hoàn thành xuất sắc");

  // The warning names the rule and by how much: 1 excellent, 3 good → at most 0 (20% of 3, rounded down).
  await expect(warnings.getByText("Hoàn thành xuất sắc (1) vượt 20% số Hoàn thành tốt (3 → tối đa 0): vượt 1 người", { exact: false })).toBeVisible();
  await expect(warnings.getByText(/tỷ lệ Hoàn thành xuất sắc ≤ 20% số Hoàn thành tốt/)).toBeVisible();
  await expect(warnings.getByText(/chưa được xếp loại/)).toHaveCount(0);
  await expectNoSideScroll(page);

  // Signing off needs the warnings acknowledged.
  await page.getByRole("button", { name: "Ký duyệt" }).click();
  const dialog = page.getByRole("dialog", { name: "Chi bộ ký duyệt kết quả đánh giá" });
  await expect(dialog.getByText(/vượt 20% số Hoàn thành tốt/)).toBeVisible();
  await dialog.getByRole("button", { name: "Ký duyệt" }).click();
  await expect(dialog.getByText("Cần xác nhận đã xem các cảnh báo")).toBeVisible();
  await dialog.getByRole("checkbox", { name: "Tôi đã xem các cảnh báo trên và vẫn duyệt kết quả" }).check();
  await dialog.getByRole("button", { name: "Ký duyệt" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Chi bộ đã ký duyệt; kết quả đã được khóa")).toBeVisible();

  // Locked for the cell: no more rating, no sign-off, no unlock from the cell itself.
  await expect(page.getByText("Chi bộ đã duyệt (đã khóa)")).toBeVisible();
  await expect(page.getByText(new RegExp(`^Kết quả đã được khóa — chi bộ duyệt lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} \\(${cell.secretary.fullName}\\)$`))).toBeVisible();
  await expect(page.getByRole("region", { name: "Cảnh báo đã được xác nhận khi ký duyệt" }).getByText(/vượt 1 người/)).toBeVisible();
  await expect(page.getByRole("button", { name: `Chấm điểm, xếp loại ${danh}` })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ký duyệt" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mở khóa" })).toHaveCount(0);
  await expect(members.locator("tr, [role='listitem']").filter({ hasText: danh }).getByText("Hoàn thành xuất sắc", { exact: true }).first()).toBeVisible();
});
