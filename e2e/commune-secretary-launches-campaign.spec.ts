import { expect, test, type Locator, type Page } from "@playwright/test";
import { closeTestCampaign } from "./campaign-setup";
import { openMenu, signIn } from "./support";

// The launched campaign is closed when the story ends, passed or not: an open campaign of the
// commune adds to-dos for everyone in it and would show on other stories' pages.
let launched: { name: string; id?: string } | undefined;
test.afterEach(async ({ request }) => {
  if (launched) await closeTestCampaign(request, launched);
  launched = undefined;
});

/** Types a date the way users do (dd/mm/yyyy) into an antd date field. */
async function typeDate(page: Page, field: Locator, value: string): Promise<void> {
  await field.click();
  await field.fill(value);
  await field.press("Tab");
  await expect(field).toHaveValue(value);
}

test("the commune secretary launches a campaign: name, period, criteria set, deadlines — and sees the cascade start", async ({ page }, testInfo) => {
  const name = `Phong trào thi đua “Dân vận khéo” gắn với “5 không” năm 2027 (${testInfo.project.name} ${Date.now().toString(36)})`;
  const mine: { name: string; id?: string } = { name };
  launched = mine;

  await signIn(page, "xa.bithu");
  await openMenu(page, "Phong trào thi đua");
  await expect(page.getByRole("region", { name: "Danh sách phong trào" }).getByText("năm 2020").first()).toBeVisible();

  await page.getByRole("button", { name: "Phát động phong trào" }).click();
  const dialog = page.getByRole("dialog", { name: "Phát động phong trào thi đua" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Đơn vị phát động")).toBeVisible();
  await dialog.getByLabel("Tên phong trào").fill(name);
  await typeDate(page, dialog.getByLabel("Ngày bắt đầu"), "01/03/2027");
  await typeDate(page, dialog.getByLabel("Ngày kết thúc"), "15/12/2027");
  await expect(dialog.getByLabel("Năm")).toHaveValue("2027");
  // a deadline before the period starts is refused in the form, in Vietnamese
  await typeDate(page, dialog.getByLabel("Hạn ban hành kế hoạch"), "20/02/2027");
  await dialog.getByRole("button", { name: "Phát động" }).click();
  await expect(dialog.getByText("Hạn ban hành kế hoạch phải từ ngày bắt đầu phong trào trở đi").first()).toBeVisible();
  await typeDate(page, dialog.getByLabel("Hạn ban hành kế hoạch"), "20/03/2027");
  await typeDate(page, dialog.getByLabel("Hạn đăng ký"), "15/04/2027");
  await typeDate(page, dialog.getByLabel("Hạn báo cáo"), "10/12/2027");
  // Enter in a date field launches nothing: the form stays open, nothing is asked yet
  await dialog.getByLabel("Hạn đăng ký").press("Enter");
  await expect(dialog).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Phát động phong trào?" })).toHaveCount(0);
  // Launching asks first, naming the deadlines; "Hủy" there launches nothing
  await dialog.getByRole("button", { name: "Phát động" }).click();
  const confirm = page.getByRole("dialog", { name: "Phát động phong trào?" });
  await expect(confirm.getByText("Các hạn: hạn ban hành kế hoạch 20/03/2027; hạn đăng ký 15/04/2027; hạn báo cáo 10/12/2027.")).toBeVisible();
  await confirm.getByRole("button", { name: "Hủy" }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Phát động" }).click();
  await page.getByRole("dialog", { name: "Phát động phong trào?" }).getByRole("button", { name: "Phát động" }).click();
  await expect(dialog).toBeHidden();

  // The campaign's page: the dates, the criteria set, the launching plan to write, every unit not yet planned.
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  mine.id = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByText("01/03/2027 – 15/12/2027")).toBeVisible();
  await expect(page.getByText("20/03/2027")).toBeVisible();
  await expect(page.getByRole("link", { name: /“5 không”/ }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Lập kế hoạch phát động" })).toBeVisible();
  const cascade = page.getByRole("region", { name: "Tình hình ban hành kế hoạch" });
  const item = cascade.getByRole(testInfo.project.name === "phone" ? "listitem" : "row").filter({ hasText: "Chi bộ ấp Thiềng Liềng" });
  await expect(item.getByText("Chưa lập kế hoạch")).toBeVisible();

  // It is listed, and a teacher of a cell sees it too.
  await openMenu(page, "Phong trào thi đua");
  await expect(page.getByRole("link", { name })).toBeVisible();
  await signIn(page, "th.gv03");
  await openMenu(page, "Phong trào thi đua");
  await expect(page.getByRole("link", { name })).toBeVisible();

  // Nothing hangs on it yet: the committee cancels it (launched by mistake), and it is gone.
  await signIn(page, "xa.bithu", { to: `/phong-trao/${mine.id}` });
  await page.getByRole("button", { name: "Hủy phong trào" }).click();
  const cancel = page.getByRole("dialog", { name: "Hủy phong trào?" });
  await cancel.getByRole("button", { name: "Hủy phong trào" }).click();
  await expect(page.getByText("Đã hủy phong trào")).toBeVisible();
  launched = undefined;
  await expect(page.getByRole("region", { name: "Danh sách phong trào" }).getByText("năm 2020").first()).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});
