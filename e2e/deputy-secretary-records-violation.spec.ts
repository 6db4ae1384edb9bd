import { expect, test, type Locator } from "@playwright/test";
import { DEMO_2026_SEARCH, expectNoSideScroll, memberWithApprovedSheet, pickOption, SCHOOL_CELL, STORY_PASSWORD, TRAFFIC_COMMITMENT } from "./story-data";
import { isPhone, openMenu, signIn } from "./support";

/** A small real PNG standing in for the photo of the traffic police's record. */
const RECORD = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAGElEQVR4nGOo2PcBK2IgXcJmmhtWRLoEAHcUTdFwTkE1AAAAAElFTkSuQmCC", "base64");

async function typeDate(field: Locator, value: string): Promise<void> {
  await field.click();
  await field.fill(value);
  await field.press("Enter");
  await expect(field).toHaveValue(value);
}


// Step 5 from the deputy secretary's side: th.phobithu records a traffic violation that breaks a
// member's IV.2 commitment ("no traffic violation"); the commitment shows as not achieved, with
// the reason, and the member sees the violation recorded against them. The member is new for each
// width and repeat (a teacher of the school cell with an approved 2026 sheet, made through the
// API), so no other story sees or changes that record.
test("the deputy secretary records a traffic violation with evidence; the member's IV.2 commitment is no longer achieved", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const phone = isPhone(page);
  const member = await memberWithApprovedSheet(baseURL, testInfo, {
    unit: SCHOOL_CELL,
    secretary: "th.bithu",
    givenName: "Đảng Viên Thử",
    year: 2026,
    commitments: [TRAFFIC_COMMITMENT],
  });
  const description = `Không đội mũ bảo hiểm, bị CSGT lập biên bản (${testInfo.project.name} ${Date.now().toString(36)})`;

  await signIn(page, "th.phobithu");
  // a link naming a campaign the deputy does not supervise: the picker stays empty, never raw ids
  await page.goto("/giam-sat?phongtrao=00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("Chi bộ và phong trào", { exact: true })).toBeVisible();
  await expect(page.getByText(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)).toHaveCount(0);
  await openMenu(page, "Giám sát");
  // Other stories' campaigns may be listed too: typing part of the name finds the demo one.
  await pickOption(page, page.getByLabel("Chi bộ và phong trào"), `Năm 2026 — ${SCHOOL_CELL}`, DEMO_2026_SEARCH);
  await expect(page.getByText(/năm 2026 \(01\/03\/2026/)).toBeVisible();

  await page.getByRole("button", { name: "Ghi vi phạm" }).click();
  const dialog = page.getByRole("dialog", { name: "Ghi nhận vi phạm" });
  await pickOption(page, dialog.getByLabel("Thành viên vi phạm"), member.fullName, member.fullName);
  await pickOption(page, dialog.getByLabel("Cam kết bị vi phạm"), /^IV\.2/);
  await pickOption(page, dialog.getByLabel("Loại vi phạm"), "Vi phạm luật giao thông");
  await typeDate(dialog.getByLabel("Ngày vi phạm"), "05/10/2026");
  await dialog.getByLabel("Mô tả vi phạm").fill(description);
  await dialog.getByLabel("Tệp minh chứng").setInputFiles({ name: "bien-ban-csgt.png", mimeType: "image/png", buffer: RECORD });
  await expect(dialog.getByText("bien-ban-csgt.png")).toBeVisible();
  await dialog.getByRole("button", { name: "Ghi nhận vi phạm" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Đã ghi nhận vi phạm")).toBeVisible();

  // The violation is listed with its evidence.
  await page.getByRole("tab", { name: /^Vi phạm/ }).click();
  const violations = page.getByRole("region", { name: "Vi phạm đã ghi nhận" });
  const entry = violations.locator(phone ? '[role="listitem"]' : "tr").filter({ hasText: description });
  await expect(entry.getByText(member.fullName)).toBeVisible();
  await expect(entry.getByText("Vi phạm luật giao thông")).toBeVisible();
  await expect(entry.getByText("05/10/2026")).toBeVisible();
  const link = entry.getByRole("link", { name: /bien-ban-csgt\.png/ });
  await expect(link).toBeVisible();
  const file = await page.request.get((await link.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(Buffer.compare(await file.body(), RECORD)).toBe(0);
  await expectNoSideScroll(page);

  // The member's IV.2 commitment now counts as not achieved, with the reason.
  await page.getByRole("tab", { name: /^Thành viên/ }).click();
  const members = page.getByRole("region", { name: "Thành viên và việc làm đã đăng ký" });
  const row = members.locator(phone ? '[role="listitem"]' : "tr").filter({ hasText: member.fullName });
  await expect(row.getByText(/^Không đạt: có 1 vi phạm trái với cam kết \(tiêu chí IV, mục IV\.2\) — Vi phạm luật giao thông ngày 05\/10\/2026/)).toBeVisible();

  // The member sees it, read-only, on their own page.
  await signIn(page, member.username, { password: STORY_PASSWORD });
  await openMenu(page, "Tự đánh giá");
  // Above the text box: the commitment, where it stands, the cell's judgement and the violation that breaks it.
  const commitment = page.getByRole("region", { name: "Việc làm đã đăng ký và kết quả" }).getByRole("listitem").filter({ hasText: description });
  await expect(commitment).toHaveAccessibleName(`IV.2 — ${TRAFFIC_COMMITMENT.action}`);
  await expect(commitment.getByText("Không đạt", { exact: true })).toBeVisible();
  await expect(commitment.getByText(/Tự báo cáo: Chưa thực hiện · Chi bộ chưa đánh giá/)).toBeVisible();
  await expect(commitment.getByText(/^Không đạt: có 1 vi phạm trái với cam kết/)).toBeVisible();
  await expect(commitment.getByText("Vi phạm luật giao thông", { exact: true })).toBeVisible();
  const mine = page.getByRole("region", { name: "Vi phạm được ghi nhận đối với tôi" });
  await expect(mine.getByText(description)).toBeVisible();
  await expect(mine.getByRole("link", { name: /bien-ban-csgt\.png/ })).toBeVisible();
  await expect(mine.getByRole("button")).toHaveCount(0);
  await expectNoSideScroll(page);
});
