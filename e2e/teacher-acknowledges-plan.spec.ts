import { expect, test } from "@playwright/test";
import { addDays, closeTestCampaign, documentDate, issueCellPlan, launchTestCampaign, storyTag, todayInVietnam, viDate, type TestCampaign } from "./campaign-setup";
import { apiSignIn, openMenu, signIn } from "./support";

// The plan to acknowledge is the school cell's plan of a campaign of the story's own (made through
// the API: launched, commune plan issued, cell plan issued by th.bithu), so every run has a plan
// the teacher has not acknowledged yet. The campaign is closed when the story ends. Its registration
// deadline is then moved to tomorrow: the reminder job (every 2 s under e2e/start-server.mjs)
// reminds the teacher, in the app, to study the plan and to register.
let campaign: TestCampaign | undefined;
test.afterEach(async ({ request }) => {
  if (campaign) await closeTestCampaign(request, campaign);
  campaign = undefined;
});

test("a teacher sees the notification of the cell's plan, reads it and acknowledges it; the secretary sees it", async ({ page, request }, testInfo) => {
  // Different teachers per project (one server).
  const teacher = testInfo.project.name === "phone" ? { user: "th.gv10", name: "Lý Thị Kim Anh" } : { user: "th.gv09", name: "Dương Văn Phúc" };
  // it waits for a turn of the reminder job besides the usual cycle
  test.slow();
  const tag = storyTag(testInfo);
  campaign = await launchTestCampaign(request, tag);
  const plan = await issueCellPlan(request, "th.bithu", campaign);
  const commune = await apiSignIn(request, "xa.bithu");
  const deadline = addDays(todayInVietnam(), 1);
  const moved = await request.patch(`/api/campaigns/${campaign.id}`, { headers: { "x-csrf-token": commune.csrfToken }, data: { registrationDeadline: deadline } });
  expect(moved.status(), await moved.text()).toBe(204);

  await signIn(page, teacher.user);
  // The job's next turn writes the reminders.
  const reminderTitle = `Nhắc hạn: đồng chí chưa xác nhận đã quán triệt Kế hoạch số ${plan.symbol}`;
  await expect
    .poll(async () => ((await (await page.request.get("/api/notifications?unread=true")).json()) as { items: { title: string; body: string | null }[] }).items.filter((i) => (i.body ?? "").includes(tag)).map((i) => i.title), { timeout: 20_000 })
    .toContain(reminderTitle);
  // The home card lists the plan to study.
  const card = page.getByRole("region", { name: "Kế hoạch cần quán triệt" });
  await expect(card.getByRole("listitem").filter({ hasText: tag }).getByRole("link", { name: `Kế hoạch số ${plan.symbol} ngày ${viDate(plan.date)}` })).toBeVisible();

  await openMenu(page, "Thông báo");
  const note = page.getByRole("region", { name: "Danh sách thông báo" }).getByRole("listitem").filter({ hasText: tag });
  // The reminders, with the deadline, beside the plan's own notification.
  const reminder = note.filter({ has: page.getByRole("link", { name: reminderTitle }) });
  await expect(reminder.getByText("Nhắc quán triệt kế hoạch")).toBeVisible();
  await expect(reminder.getByText(`Quán triệt trước hạn đăng ký ${viDate(deadline)} (còn 1 ngày).`, { exact: false })).toBeVisible();
  const registerReminder = note.filter({ has: page.getByRole("link", { name: "Nhắc hạn đăng ký: đồng chí chưa gửi bảng đăng ký" }) });
  await expect(registerReminder.getByText(`Hạn đăng ký ${viDate(deadline)} (còn 1 ngày).`, { exact: false })).toBeVisible();
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

  // The plan's notification and its reminder are read now (the one to register stays) and the
  // home card no longer lists the plan.
  await openMenu(page, "Thông báo");
  const unread = page.getByRole("region", { name: "Danh sách thông báo" }).getByRole("listitem").filter({ hasText: tag });
  await expect(unread).toHaveCount(1);
  await expect(unread.getByRole("link", { name: "Nhắc hạn đăng ký: đồng chí chưa gửi bảng đăng ký" })).toBeVisible();
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
