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
// and rates members, is warned per member when a rating breaks its conditions (issue 9, point 1:
// the rule, by how much, the suggested rating) and when the ratings break the 20% quota, applies
// the suggested ratings to the members it ticks (point 3), acknowledges the remaining warnings
// and signs off — the results are then locked.
// Each width and repeat evaluates its own new cell (made through the API) for the 2026 campaign,
// so no other story's data is locked by the sign-off.
test("the cell secretary rates members, is warned about conditions and the quota, applies suggestions to the ticked members and signs off", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000); // a long story with many round trips; the shared test machine is slow at times
  const cell = await cellToEvaluate(baseURL, testInfo);
  const [bao, cuong, danh] = cell.members.map((m) => m.fullName) as [string, string, string];

  await signIn(page, cell.secretary.username, { password: STORY_PASSWORD });
  await openMenu(page, "Đánh giá, xếp loại");
  await page.getByRole("button", { name: `Bắt đầu đánh giá ${cell.name} năm 2026` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Đánh giá, xếp loại: ${cell.name}` })).toBeVisible();
  await expect(page.getByText("Đang đánh giá", { exact: true })).toBeVisible();
  const members = page.getByRole("region", { name: "Chấm điểm, xếp loại đảng viên" });
  const row = (name: string) => members.locator("tr, [role='listitem']").filter({ hasText: name });

  // Until everyone is rated, the sheet says who is missing.
  const warnings = page.getByRole("region", { name: "Cảnh báo trước khi ký duyệt" });
  await expect(warnings.getByText(/chưa được xếp loại/).first()).toBeVisible();

  // Suggestions first: the secretary's two achieved commitments give her 100 points, "Hoàn thành
  // tốt"; the three who registered nothing meet no level from "Hoàn thành" up.
  await page.getByRole("button", { name: "Áp dụng gợi ý" }).click();
  await page.getByRole("button", { name: "Áp dụng", exact: true }).click();
  await expect(page.getByText("Đã áp dụng gợi ý")).toBeVisible();
  await expect(row(cell.secretary.fullName).getByText("2/2 cam kết đạt")).toBeVisible();
  await expect(row(cell.secretary.fullName).getByText("100 điểm · Hoàn thành tốt", { exact: true })).toBeVisible();
  await expect(row(bao).getByText("Không hoàn thành", { exact: true }).first()).toBeVisible();
  await expect(warnings.getByText(/chưa được xếp loại/)).toHaveCount(0);

  // The cell rates two of them higher than the rules allow: each row says which rule, by how much, and the suggestion.
  await rate(page, bao, "80", "Hoàn thành tốt");
  await rate(page, danh, "95", "Hoàn thành xuất sắc");
  const baoProblems = members.getByRole("group", { name: `Xếp loại của ${bao} chưa đủ điều kiện` });
  await expect(baoProblems.getByText("Chưa đủ điều kiện — gợi ý: Không hoàn thành")).toBeVisible();
  await expect(baoProblems.getByText("Mức Hoàn thành tốt cần có việc làm thiết thực đã đăng ký và hoàn thành: chưa đăng ký việc làm nào (0 nhiệm vụ)")).toBeVisible();
  await expect(baoProblems.getByText("Quy định: Kế hoạch phong trào: mọi cán bộ, đảng viên đăng ký việc làm thiết thực")).toBeVisible();
  await expect(warnings.getByText(new RegExp(`^${bao}: xếp loại Hoàn thành tốt chưa đủ điều kiện — .*Gợi ý: Không hoàn thành\\.$`))).toBeVisible();
  await expect(warnings.getByText(new RegExp(`^${danh}: xếp loại Hoàn thành xuất sắc chưa đủ điều kiện`))).toBeVisible();
  // The quota names the rule and by how much: 1 excellent, 2 good → at most 0 (20% of 2, rounded down).
  await expect(warnings.getByText("Hoàn thành xuất sắc (1) vượt 20% số Hoàn thành tốt (2 → tối đa 0): vượt 1 người", { exact: false })).toBeVisible();
  await expect(warnings.getByText(/tỷ lệ Hoàn thành xuất sắc ≤ 20% số Hoàn thành tốt/)).toBeVisible();
  await expectNoSideScroll(page);

  // Tick two members and give them the suggested rating at once.
  const applyButton = members.getByRole("button", { name: /^Áp dụng xếp loại gợi ý/ });
  await expect(applyButton).toBeDisabled();
  await members.getByRole("checkbox", { name: `Chọn ${bao}` }).check();
  await members.getByRole("checkbox", { name: `Chọn ${cuong}` }).check();
  await members.getByRole("button", { name: "Áp dụng xếp loại gợi ý (2)" }).click();
  const bulk = page.getByRole("dialog", { name: "Áp dụng xếp loại gợi ý" });
  await expect(bulk.getByRole("list", { name: "Danh sách đã chọn" }).getByText(`${bao}: Hoàn thành tốt →`)).toBeVisible();
  await bulk.getByRole("button", { name: "Áp dụng cho 2 người" }).click();
  await expect(bulk).toBeHidden();
  await expect(page.getByText("Đã áp dụng xếp loại gợi ý cho 2 người")).toBeVisible();
  await expect(baoProblems).toHaveCount(0);
  await expect(warnings.getByText(new RegExp(`^${bao}: xếp loại`))).toHaveCount(0);
  await expect(warnings.getByText("Hoàn thành xuất sắc (1) vượt 20% số Hoàn thành tốt (1 → tối đa 0): vượt 1 người", { exact: false })).toBeVisible();

  // Signing off lists every warning, the member's condition included, and needs them acknowledged.
  await page.getByRole("button", { name: "Ký duyệt" }).click();
  const dialog = page.getByRole("dialog", { name: "Chi bộ ký duyệt kết quả đánh giá" });
  await expect(dialog.getByText(/vượt 20% số Hoàn thành tốt/)).toBeVisible();
  await expect(dialog.getByText(new RegExp(`^${danh}: xếp loại Hoàn thành xuất sắc chưa đủ điều kiện — .*chưa đăng ký việc làm nào`))).toBeVisible();
  await expect(dialog.getByText("Có 2 cảnh báo")).toBeVisible();
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
  await expect(members.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ký duyệt" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mở khóa" })).toHaveCount(0);
  await expect(row(danh).getByText("Hoàn thành xuất sắc", { exact: true }).first()).toBeVisible();
});
