import { expect, test, type TestInfo } from "@playwright/test";
import { expectNoSideScroll, newMember, SCHOOL_CELL, StoryApi, TRAFFIC_COMMITMENT } from "./story-data";
import { isPhone, openMenu, signIn } from "./support";

/** A new teacher of the school cell who has registered for 2026 and sent the sheet (the story starts at the secretary). */
async function submittedSheet(baseURL: string | undefined, testInfo: TestInfo, givenName: string, action: string) {
  const api = await StoryApi.open(baseURL);
  try {
    const member = await newMember(api, testInfo, { unit: SCHOOL_CELL, secretary: "th.bithu", givenName });
    const id = await api.submitSheet({ year: 2026, commitments: [TRAFFIC_COMMITMENT, { code: "II.4", action, target: "Tốt" }] });
    return { name: member.fullName, id };
  } finally {
    await api.dispose();
  }
}

// Step 4 from the secretary's side: th.bithu approves one sheet and returns another with a reason.
// Each width and run has its own two new teachers, so the story can run again on the same server.
test("the cell secretary approves one registration and returns another with a reason", async ({ page, baseURL }, testInfo) => {
  const approveWho = await submittedSheet(baseURL, testInfo, "Người Được Duyệt", "Niềm nở hướng dẫn phụ huynh");
  const returnWho = await submittedSheet(baseURL, testInfo, "Người Bị Trả Lại", "Làm tốt công việc");

  await signIn(page, "th.bithu");
  await openMenu(page, "Bảng đăng ký");
  // The 2020 campaign's period is over but the commune has not closed it: it is being summed up.
  await expect(page.getByRole("region", { name: /năm 2020$/ }).getByText("Đang tổng kết", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /năm 2026$/ }).getByText(/^Đang (triển khai|tổng kết)$/)).toBeVisible();
  await page.getByRole("region", { name: /năm 2026/ }).getByRole("link", { name: "Chi bộ Trường Tiểu học Thạnh An" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bảng đăng ký — Chi bộ Trường Tiểu học Thạnh An" })).toBeVisible();

  // Only the sheets awaiting approval.
  await page.getByRole("group", { name: "Số lượng theo trạng thái" }).getByRole("button", { name: /Chờ duyệt/ }).click();
  const list = page.getByRole("region", { name: "Danh sách đăng ký của đơn vị" });
  await list.getByRole("link", { name: approveWho.name, exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Bảng đăng ký — ${approveWho.name}` })).toBeVisible();
  // a member's sheet is part of the unit's sheet: the menu shows "Bảng đăng ký", not "Đăng ký của tôi"
  if (isPhone(page)) await page.getByRole("button", { name: "Mở menu" }).click();
  const nav = isPhone(page) ? page.getByRole("dialog") : page.getByRole("navigation", { name: "Chức năng" });
  await expect(nav.locator(".ant-menu-item-selected")).toHaveText("Bảng đăng ký");
  if (isPhone(page)) {
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
  }
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

// Issue 9, point 3: the secretary ticks several sheets awaiting review and approves them at once.
// The server does all or nothing: when one was approved meanwhile (here by the commune), nothing
// is approved and the dialog says which and why; unticked, the rest go through, each audited.
// Each width and run has its own three new teachers ("Duyệt Loạt …"), ticked by their own names.
test("the cell secretary approves several selected registrations at once, all or nothing", async ({ page, baseURL }, testInfo) => {
  const sheets = [
    await submittedSheet(baseURL, testInfo, "Duyệt Loạt Một", "Hướng dẫn phụ huynh làm thủ tục nhập học"),
    await submittedSheet(baseURL, testInfo, "Duyệt Loạt Hai", "Trả lời phụ huynh trong ngày"),
    await submittedSheet(baseURL, testInfo, "Duyệt Loạt Ba", "Niêm yết lịch tiếp phụ huynh"),
  ];
  const [one, two, three] = sheets as [(typeof sheets)[0], (typeof sheets)[0], (typeof sheets)[0]];

  await signIn(page, "th.bithu");
  await openMenu(page, "Bảng đăng ký");
  await page.getByRole("region", { name: /năm 2026/ }).getByRole("link", { name: "Chi bộ Trường Tiểu học Thạnh An" }).click();
  await page.getByRole("group", { name: "Số lượng theo trạng thái" }).getByRole("button", { name: /Chờ duyệt/ }).click();
  await page.getByLabel("Tìm theo tên").fill("duyet loat");
  const list = page.getByRole("region", { name: "Danh sách đăng ký của đơn vị" });
  for (const s of sheets) await expect(list.getByRole("link", { name: s.name, exact: true })).toBeVisible();
  const approveButton = list.getByRole("button", { name: /^Duyệt các bảng đã chọn/ });
  await expect(approveButton).toBeDisabled();
  for (const s of sheets) await list.getByRole("checkbox", { name: `Chọn bảng đăng ký của ${s.name}` }).check();
  await expect(list.getByRole("button", { name: "Duyệt các bảng đã chọn (3)" })).toBeEnabled();
  await expectNoSideScroll(page);

  // Meanwhile the commune approves one of them.
  const api = await StoryApi.open(baseURL);
  try {
    await api.as("xa.bithu");
    await api.approveSheet(two.id);
  } finally {
    await api.dispose();
  }

  await list.getByRole("button", { name: "Duyệt các bảng đã chọn (3)" }).click();
  const dialog = page.getByRole("dialog", { name: "Duyệt nhiều bảng đăng ký" });
  const picked = dialog.getByRole("list", { name: "Danh sách đã chọn" });
  for (const s of sheets) await expect(picked.getByText(s.name, { exact: false })).toBeVisible();
  await dialog.getByRole("button", { name: "Duyệt 3 bảng" }).click();
  // Refused as a whole: the reason names the sheet; nothing was approved.
  const refusal = dialog.getByRole("alert");
  await expect(refusal.getByText("Chưa thực hiện gì vì:")).toBeVisible();
  await expect(refusal.getByText(`${two.name}: Bảng đăng ký đã được duyệt`)).toBeVisible();
  await dialog.getByRole("button", { name: "Hủy" }).click();
  await expect(dialog).toBeHidden();
  // The list has refreshed: the approved one left "Chờ duyệt", the other two are still ticked.
  await expect(list.getByRole("link", { name: two.name, exact: true })).toHaveCount(0);
  for (const s of [one, three]) await expect(list.getByRole("checkbox", { name: `Chọn bảng đăng ký của ${s.name}` })).toBeChecked();
  await list.getByRole("button", { name: "Duyệt các bảng đã chọn (2)" }).click();
  await dialog.getByRole("button", { name: "Duyệt 2 bảng" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Đã duyệt 2 bảng đăng ký")).toBeVisible();
  for (const s of sheets) await expect(list.getByRole("link", { name: s.name, exact: true })).toHaveCount(0);

  // Among all the sheets, each is approved.
  await page.getByRole("group", { name: "Số lượng theo trạng thái" }).getByRole("button", { name: /Đã duyệt/ }).click();
  for (const s of sheets) {
    const row = list.locator("tr, [role='listitem']").filter({ has: page.getByRole("link", { name: s.name, exact: true }) });
    await expect(row.getByText("Đã duyệt", { exact: true })).toBeVisible();
  }
});
