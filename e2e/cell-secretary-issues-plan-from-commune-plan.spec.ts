import { expect, test } from "@playwright/test";
import { closeTestCampaign, documentDate, launchTestCampaign, storyTag, type TestCampaign } from "./campaign-setup";
import { openMenu, signIn } from "./support";

// A unit has one plan per campaign: the story issues the cell's plan of a campaign of its own
// (launched, with the commune's plan issued, through the API), closed again when it ends.
let campaign: TestCampaign | undefined;
test.afterEach(async ({ request }) => {
  if (campaign) await closeTestCampaign(request, campaign);
  campaign = undefined;
});

test("a cell secretary writes the cell's plan from the commune plan, issues it, and the commune sees it issued", async ({ page, request }, testInfo) => {
  // Both projects share one server: each issues a different cell's plan (the numbers are the cell's own).
  const cell =
    testInfo.project.name === "phone"
      ? { user: "thanhhoa.bithu", unit: "Chi bộ ấp Thạnh Hòa", signer: "Nguyễn Văn Sơn" }
      : { user: "th.bithu", unit: "Chi bộ Trường Tiểu học Thạnh An", signer: "Lê Hữu Bình" };
  campaign = await launchTestCampaign(request, storyTag(testInfo));
  const commune = campaign.communePlan;

  await signIn(page, cell.user);
  await openMenu(page, "Phong trào thi đua");
  await page.getByRole("link", { name: campaign.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: campaign.name })).toBeVisible();
  const campaignUrl = page.url();

  await page.getByRole("button", { name: `Lập kế hoạch từ Kế hoạch số ${commune.symbol}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Dự thảo kế hoạch — ${cell.unit}` })).toBeVisible();

  // Prefilled from the commune plan: the basis cites it, the cell's recipients, its secretary signs.
  await expect(page.getByLabel("Căn cứ 1", { exact: true })).toHaveValue(
    `Căn cứ Kế hoạch số ${commune.symbol} ${documentDate(commune.date)} của Đảng ủy xã Thạnh An về phát động ${campaign.name.replace(/^P/, "p")};`,
  );
  await expect(page.getByLabel("Trích yếu", { exact: true })).toHaveValue(/^Triển khai kế hoạch phát động phong trào thi đua/);
  await expect(page.getByLabel("Nơi nhận 1", { exact: true })).toHaveValue("Đảng ủy xã Thạnh An;");
  await expect(page.getByLabel("Nơi nhận 2", { exact: true })).toHaveValue("TTKV xã;");
  await expect(page.getByLabel("Thể thức ký, dòng 1", { exact: true })).toHaveValue("T/M CHI BỘ");
  await expect(page.getByLabel("Người ký", { exact: true })).toHaveValue(cell.signer);
  await expect(page.getByLabel("Trách nhiệm 1 của mục 3", { exact: true })).toHaveValue(/^Bí thư chi bộ/);
  // The next number of the cell in the committee term is already there.
  await expect(page.getByLabel("Số văn bản", { exact: true })).toHaveValue(/^\d+$/);
  const symbol = `${(await page.getByLabel("Số văn bản", { exact: true }).inputValue()).padStart(2, "0")}-KH/CB`;

  // The secretary adds a line of the cell's own, saves, and issues.
  await page.getByRole("button", { name: "Thêm dòng vào mục 2" }).click();
  await page.getByLabel("Dòng 5 của mục 2", { exact: true }).fill("Mỗi đảng viên đăng ký ít nhất một việc làm thiết thực gắn với địa bàn dân cư nơi cư trú.");
  await page.getByRole("button", { name: "Lưu dự thảo" }).click();
  await expect(page.getByText("Đã lưu dự thảo")).toBeVisible();
  await page.getByRole("tab", { name: "Xem bản in" }).click();
  const doc = page.getByRole("article", { name: "Nội dung kế hoạch" });
  await expect(doc.getByText(`Số ${symbol}`)).toBeVisible();
  await expect(doc.getByText("gắn với địa bàn dân cư nơi cư trú", { exact: false })).toBeVisible();

  await page.getByRole("button", { name: "Ban hành kế hoạch" }).click();
  const dialog = page.getByRole("dialog", { name: "Ban hành kế hoạch" });
  await expect(dialog.getByText(symbol)).toBeVisible();
  await dialog.getByRole("button", { name: "Ban hành", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: `Kế hoạch số ${symbol}` })).toBeVisible();
  await expect(page.getByText("Đã ban hành").first()).toBeVisible();
  // read-only now: no editor, a correction would be a new version
  await expect(page.getByRole("button", { name: "Lưu dự thảo" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Tạo phiên bản điều chỉnh" })).toBeVisible();
  // the secretary who issued it has studied it; the other members are to acknowledge it
  await expect(page.getByText(/Tình hình quán triệt \(1\/\d+\)/)).toBeVisible();

  // The commune's page shows the cell's plan issued, after the deadline.
  await signIn(page, "xa.bithu", { to: new URL(campaignUrl).pathname });
  await expect(page.getByRole("heading", { level: 1, name: campaign.name })).toBeVisible();
  const cascade = page.getByRole("region", { name: "Tình hình ban hành kế hoạch" });
  const item = cascade.getByRole(testInfo.project.name === "phone" ? "listitem" : "row").filter({ hasText: cell.unit });
  await expect(item.getByText("Đã ban hành")).toBeVisible();
  await expect(item.getByRole("link", { name: symbol })).toBeVisible();
  await expect(item.getByText(`Chậm ${campaign.daysPastPlanDeadline} ngày`)).toBeVisible();
});
