import { expect, test, type Locator } from "@playwright/test";
import { DEMO_2026_SEARCH, expectNoSideScroll, memberWithApprovedSheet, pickOption, SCHOOL_CELL, TRAFFIC_COMMITMENT } from "./story-data";
import { isPhone, openMenu, signIn } from "./support";


// Step 7: the cell secretary proposes an exemplary member and a "Dân vận khéo" model with their
// achievements; the commune secretary approves the member and declines the model with a reason;
// the member appears in the list of the commended and the cell sees the reason. The member (with
// the model on her approved 2026 sheet) is new for each width and repeat, made through the API.
test("the cell secretary proposes a member and a model; the commune secretary approves one and declines the other", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000); // a long story with many round trips; the shared test machine is slow at times
  const phone = isPhone(page);
  const stamp = `${testInfo.project.name} ${Date.now().toString(36)}`;
  const modelName = `Mô hình “Góc đọc sách cho em” (${stamp})`;
  const member = await memberWithApprovedSheet(baseURL, testInfo, {
    unit: SCHOOL_CELL,
    secretary: "th.bithu",
    givenName: "Gương Mẫu Thử",
    year: 2026,
    commitments: [TRAFFIC_COMMITMENT],
    models: [{ name: modelName, field: "culture_society", content: "Mỗi tuần hai buổi đọc sách cùng học sinh hộ nghèo tại thư viện trường" }],
  });
  const person = member.fullName;
  const achievements = `Vận động 12 suất học bổng cho học sinh hộ nghèo (${stamp})`;
  const modelAchievements = `Duy trì góc đọc sách mỗi tuần hai buổi (${stamp})`;
  const reason = "Mô hình mới triển khai, chưa đủ thời gian đánh giá hiệu quả";
  const row = (list: Locator, text: string) => list.locator(phone ? '[role="listitem"]' : "tr").filter({ hasText: text });

  await signIn(page, "th.bithu");
  await openMenu(page, "Tuyên dương, khen thưởng");
  await pickOption(page, page.getByLabel("Phong trào", { exact: true }), /^Năm 2026/, DEMO_2026_SEARCH);

  // The member…
  await page.getByRole("button", { name: "Đề xuất tuyên dương" }).click();
  const dialog = page.getByRole("dialog", { name: "Đề xuất tuyên dương" });
  await expect(dialog.getByLabel("Đơn vị đề xuất")).toBeVisible();
  await dialog.getByRole("radio", { name: "Cá nhân" }).check();
  await pickOption(page, dialog.getByLabel("Cá nhân được đề xuất"), person, person);
  await dialog.getByLabel("Thành tích").fill(achievements);
  await dialog.getByRole("button", { name: "Gửi đề xuất" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Đã gửi đề xuất tuyên dương lên Đảng ủy xã")).toBeVisible();

  // …and her model.
  await page.getByRole("button", { name: "Đề xuất tuyên dương" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: "Mô hình “Dân vận khéo”" }).check();
  await pickOption(page, dialog.getByLabel("Mô hình được đề xuất"), modelName);
  await dialog.getByLabel("Thành tích").fill(modelAchievements);
  await dialog.getByRole("button", { name: "Gửi đề xuất" }).click();
  await expect(dialog).toBeHidden();

  const proposals = page.getByRole("region", { name: "Đề xuất tuyên dương" });
  const mine = row(proposals, achievements);
  await expect(mine.getByText("Chờ xét duyệt")).toBeVisible();
  await expect(row(proposals, modelAchievements).getByText("Chờ xét duyệt")).toBeVisible();
  // The cell may still withdraw it; only the commune decides.
  await expect(mine.getByRole("button", { name: `Rút đề xuất ${person}`, exact: true })).toBeVisible();
  await expect(mine.getByRole("button", { name: `Duyệt đề xuất ${person}`, exact: true })).toHaveCount(0);
  await expectNoSideScroll(page);

  // The commune secretary decides.
  await signIn(page, "xa.bithu");
  await openMenu(page, "Tuyên dương, khen thưởng");
  await pickOption(page, page.getByLabel("Phong trào", { exact: true }), /^Năm 2026/, DEMO_2026_SEARCH);
  const commune = page.getByRole("region", { name: "Đề xuất tuyên dương" });
  const personRow = row(commune, achievements);
  await expect(personRow.getByText(SCHOOL_CELL)).toBeVisible();
  // The commune answers a proposal, it does not withdraw it.
  await expect(personRow.getByRole("button", { name: `Rút đề xuất ${person}`, exact: true })).toHaveCount(0);
  await personRow.getByRole("button", { name: `Duyệt đề xuất ${person}`, exact: true }).click();
  await page.getByRole("tooltip").getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(page.getByText("Đã duyệt đề xuất")).toBeVisible();
  await expect(personRow.getByText("Được tuyên dương")).toBeVisible();

  await row(commune, modelAchievements).getByRole("button", { name: `Không duyệt đề xuất ${modelName}`, exact: true }).click();
  const decline = page.getByRole("dialog", { name: `Không duyệt đề xuất: ${modelName}` });
  await decline.getByRole("button", { name: "Không duyệt" }).click();
  await expect(decline.getByText("Vui lòng nêu lý do không duyệt")).toBeVisible();
  await decline.getByLabel("Lý do không duyệt").fill(reason);
  await decline.getByRole("button", { name: "Không duyệt" }).click();
  await expect(decline).toBeHidden();
  await expect(row(commune, modelAchievements).getByText(`Lý do: ${reason}`)).toBeVisible();
  await expectNoSideScroll(page);

  // The list of the commended, rolled up for the commune: the member, not the declined model.
  await page.getByRole("tab", { name: "Danh sách được tuyên dương" }).click();
  const list = page.getByRole("list", { name: "Danh sách được tuyên dương" });
  const school = list.getByRole("listitem").filter({ hasText: SCHOOL_CELL });
  await expect(school.getByText(person)).toBeVisible();
  await expect(school.getByText(achievements)).toBeVisible();
  await expect(school.getByText(modelAchievements)).toHaveCount(0);

  // Back at the cell, the secretary sees both decisions.
  await signIn(page, "th.bithu");
  await openMenu(page, "Tuyên dương, khen thưởng");
  await pickOption(page, page.getByLabel("Phong trào", { exact: true }), /^Năm 2026/, DEMO_2026_SEARCH);
  await expect(row(proposals, achievements).getByText("Được tuyên dương")).toBeVisible();
  await expect(row(proposals, modelAchievements).getByText("Không được duyệt")).toBeVisible();
  await expect(row(proposals, modelAchievements).getByText(`Lý do: ${reason}`)).toBeVisible();
  await expectNoSideScroll(page);
});
