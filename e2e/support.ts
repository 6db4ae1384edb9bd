/**
 * Helpers for the user stories: sign in (through the API or the sign-in page), move around with
 * the menu at any width, and drive antd pickers. Everything else selects by role and label.
 */
import { expect, type APIRequestContext, type Locator, type Page, type TestInfo } from "@playwright/test";

export const DEMO_PASSWORD = "demo123";

export interface SignedIn {
  csrfToken: string;
  account: { id: string; username: string; personName: string | null; displayName: string; menu: string[] };
}

/**
 * Signs in through the API (with `page.request` the cookie lands in the page's context) and
 * returns the CSRF token for writes. Switching accounts works too: while a session is open the
 * server wants its CSRF token on the login, so it is fetched first.
 */
export async function apiSignIn(request: APIRequestContext, username: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  const me = await request.get("/api/auth/me");
  const headers: Record<string, string> = me.ok() ? { "x-csrf-token": ((await me.json()) as SignedIn).csrfToken } : {};
  const res = await request.post("/api/auth/login", { data: { username, password }, headers });
  expect(res.status(), `đăng nhập ${username}`).toBe(200);
  return (await res.json()) as SignedIn;
}

/** Signs in through the API and opens a page (home by default) already signed in. */
export async function signIn(page: Page, username: string, opts: { password?: string; to?: string } = {}): Promise<SignedIn> {
  const me = await apiSignIn(page.request, username, opts.password);
  await page.goto(opts.to ?? "/");
  await expect(page.getByRole("banner")).toBeVisible();
  return me;
}

/** Signs in by filling the sign-in page, like a user does. */
export async function signInViaUi(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/dang-nhap/);
}

/** True at phone width (the menu is behind the hamburger button). */
export function isPhone(page: Page): boolean {
  return (page.viewportSize()?.width ?? 1280) < 768;
}

/** Opens a menu entry by its label: the sider on desktop, the drawer on phones. */
export async function openMenu(page: Page, label: string): Promise<void> {
  if (isPhone(page)) {
    await page.getByRole("button", { name: "Mở menu" }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByRole("link", { name: label, exact: true }).click();
    await expect(drawer).toBeHidden();
  } else {
    await page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: label, exact: true }).click();
  }
  await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
}

/** A username nobody else uses in this run (both projects share one server). */
export function uniqueUsername(prefix: string, testInfo: TestInfo): string {
  return `${prefix}.${testInfo.project.name}-${Date.now().toString(36)}`.toLowerCase();
}

/** The open dropdown of an antd Select / TreeSelect (rendered at the end of <body>). */
export function openDropdown(page: Page): Locator {
  return page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").last();
}

/** Types into an antd Select (server search or local filter) and picks the option containing `option`. */
export async function chooseOption(page: Page, field: Locator, search: string, option: string | RegExp): Promise<void> {
  await field.click();
  await field.fill(search);
  const item = openDropdown(page).locator(".ant-select-item-option", { hasText: option }).first();
  await item.click();
}

/** Opens an antd TreeSelect, optionally types to filter, and picks the node whose title is `title`. */
export async function chooseTreeNode(page: Page, field: Locator, title: string, search?: string): Promise<void> {
  await field.click();
  if (search) await field.fill(search);
  const node = treeNodes(page).filter({ hasText: title }).first();
  // The dropdown re-renders while the search filters, so a click can land on a node that is
  // replaced; check the choice really took and pick again once if it did not.
  await node.click();
  // The select box around the field (the dropdown itself is portaled elsewhere in the page).
  const box = field.locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]");
  await page.waitForTimeout(300);
  if (!((await box.textContent()) ?? "").includes(title)) {
    await field.click();
    if (search) await field.fill(search);
    await treeNodes(page).filter({ hasText: title }).first().click();
  }
  await expect(box).toContainText(title);
}

/** The titles offered by the open TreeSelect dropdown. */
export function treeNodes(page: Page): Locator {
  return openDropdown(page).locator(".ant-select-tree-node-content-wrapper");
}
