import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { apiSignIn, openMenu, signIn } from "../e2e/support";

/** The number shown under a statistic title on the roll-up ("Việc làm đạt" → 12). */
async function statistic(page: Page, title: string): Promise<number> {
  const value = page.locator(".ant-statistic", { has: page.getByText(title, { exact: true }) }).locator(".ant-statistic-content-value");
  await expect(value).toBeVisible();
  return Number((await value.innerText()).replace(/\D/g, ""));
}

/**
 * Step 10 from the commune's side: the commune secretary opens the live roll-up of the 2020
 * campaign (totals, two charts), sees which units have not reported; a teacher then marks one of
 * her commitments achieved through the API, and after a reload the commune's figure has moved.
 */
test("the commune sees the live roll-up with charts and who has not reported; a member's update shows at once", async ({ page, baseURL }, testInfo) => {
  await signIn(page, "xa.bithu");
  await openMenu(page, "Báo cáo kết quả");
  await page.getByRole("link", { name: /^Tổng hợp Đảng ủy xã Thạnh An — .*năm 2020$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo kết quả — Đảng ủy xã Thạnh An" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Tổng hợp", selected: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "Biểu đồ đăng ký và đạt theo tiêu chí" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Biểu đồ đăng ký và đạt theo đơn vị trực thuộc" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Tổng hợp theo tiêu chí" })).toContainText("Tổng cộng");
  await expect(page.getByRole("region", { name: "Tổng hợp theo đơn vị trực thuộc" }).getByRole("link", { name: "Chi bộ Trường Tiểu học Thạnh An" })).toBeVisible();
  const before = await statistic(page, "Việc làm đạt");

  await page.getByRole("tab", { name: "Tình hình báo cáo" }).click();
  const missing = page.getByRole("region", { name: "Đơn vị chưa gửi báo cáo" });
  await expect(missing.getByRole("link", { name: "Chi bộ ấp Thiềng Liềng" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Đơn vị chưa gửi báo cáo" })).not.toContainText("Chi bộ ấp Thạnh Hòa");
  await expect(page.getByText(/Đã quá hạn gửi báo cáo \(30\/11\/2020\)/)).toBeVisible();

  // A teacher (one per project) marks a commitment of her approved 2020 sheet achieved.
  const teacher = testInfo.project.name === "phone" ? "th.gv05" : "th.gv03";
  const api = await playwrightRequest.newContext({ baseURL });
  const me = await apiSignIn(api, teacher);
  const campaigns = (await (await api.get("/api/registrations/campaigns")).json()) as {
    items: { year: number; mine: { registration: { id: string; status: string } | null }[] }[];
  };
  const regId = campaigns.items.find((c) => c.year === 2020)!.mine.find((m) => m.registration?.status === "approved")!.registration!.id;
  const sheet = (await (await api.get(`/api/registrations/${regId}`)).json()) as { commitments: { id: string; status: string; criterionCode: string }[] };
  const commitment = sheet.commitments.find((c) => (c.status === "not_started" || c.status === "in_progress") && c.criterionCode !== "IV")!;
  const posted = await api.post(`/api/commitments/${commitment.id}/progress`, {
    headers: { "x-csrf-token": me.csrfToken },
    multipart: { status: "achieved", note: "Đã hoàn thành việc làm đăng ký." },
  });
  expect(posted.status()).toBe(201);
  await api.dispose();

  await page.reload();
  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  await expect.poll(() => statistic(page, "Việc làm đạt")).toBeGreaterThan(before);
});
