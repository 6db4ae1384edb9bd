import { expect, test } from "@playwright/test";
import { closeTestCampaign, documentDate, issueCellPlan, launchTestCampaign, storyTag, viDate, type TestCampaign } from "./campaign-setup";
import { openMenu, signIn } from "./support";

// The plan to acknowledge is the school cell's plan of a campaign of the story's own (made through
// the API: launched, commune plan issued, cell plan issued by th.bithu), so every run has a plan
// the teacher has not acknowledged yet. The campaign is closed when the story ends.
let campaign: TestCampaign | undefined;
test.afterEach(async ({ request }) => {
  if (campaign) await closeTestCampaign(request, campaign);
  campaign = undefined;
});

test("a teacher sees the notification of the cell's plan, reads it and acknowledges it; the secretary sees it", async ({ page, request }, testInfo) => {
  // Different teachers per project (one server).
  const teacher = testInfo.project.name === "phone" ? { user: "th.gv10", name: "Lý Thị Kim Anh" } : { user: "th.gv09", name: "Dương Văn Phúc" };
  const tag = storyTag(testInfo);
  campaign = await launchTestCampaign(request, tag);
  const plan = await issueCellPlan(request, "th.bithu", campaign);

  await signIn(page, teacher.user);
  // The home card lists the plan to study.
  const card = page.getByRole("region", { name: "Kế hoạch cần quán triệt" });
  await expect(card.getByRole("listitem").filter({ hasText: tag }).getByRole("link", { name: `Kế hoạch số ${plan.symbol} ngày ${viDate(plan.date)}` })).toBeVisible();

  await openMenu(page, "Thông báo");
  const note = page.getByRole("region", { name: "Danh sách thông báo" }).getByRole("listitem").filter({ hasText: tag });
  await note.getByRole("link", { name: `Chi bộ Trường Tiểu học Thạnh An ban hành Kế hoạch số ${plan.symbol} ngày ${viDate(plan.date)}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Kế hoạch số ${plan.symbol}` })).toBeVisible();
  const doc = page.getByRole("article", { name: "Nội dung kế hoạch" });
  await expect(
    doc.getByText(`Căn cứ Kế hoạch số ${campaign.communePlan.symbol} ${documentDate(campaign.communePlan.date)} của Đảng ủy xã Thạnh An`, { exact: false }),
  ).toBeVisible();
  await expect(doc.getByText("Lê Hữu Bình")).toBeVisible();

  await page.getByRole("button", { name: "Xác nhận đã quán triệt" }).click();
  await expect(page.getByText(/Đồng chí đã xác nhận quán triệt kế hoạch này lúc/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Xác nhận đã quán triệt" })).toHaveCount(0);
  const planUrl = new URL(page.url()).pathname;

  // The notification is read now and the home card no longer lists the plan.
  await openMenu(page, "Thông báo");
  await expect(page.getByRole("region", { name: "Danh sách thông báo" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Danh sách thông báo" }).getByRole("listitem").filter({ hasText: tag })).toHaveCount(0);
  await page.getByRole("link", { name: "Dân vận khéo — Trang chủ" }).click();
  await expect(card).toBeVisible();
  await expect(card).not.toContainText("Đang tải");
  await expect(card.getByRole("listitem").filter({ hasText: tag })).toHaveCount(0);

  // The secretary sees this teacher among those who acknowledged.
  await signIn(page, "th.bithu", { to: planUrl });
  await page.getByText("Tất cả", { exact: true }).click();
  const list = page.getByRole("region", { name: "Tình hình quán triệt" });
  const row = list.getByRole(testInfo.project.name === "phone" ? "listitem" : "row").filter({ hasText: teacher.name });
  await expect(row.getByText(/Đã quán triệt/)).toBeVisible();
});
