import { expect, test, type ConsoleMessage } from "@playwright/test";
import { openMenu, signInViaUi } from "./support";

// The built app works under its Content-Security-Policy: signing in, the registration sheets and
// the tree (antd writes its styles at run time) raise no CSP violation, and the security headers
// are on the page and on the API.
test("the app runs under its strict security headers with no CSP violation", async ({ page }) => {
  const violations: string[] = [];
  const watch = (m: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) violations.push(m.text());
  };
  page.on("console", watch);
  page.on("pageerror", (e) => violations.push(String(e)));

  const first = await page.goto("/dang-nhap");
  const headers = first!.headers();
  expect(headers["content-security-policy"]).toContain("script-src 'self'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toContain("max-age=");

  await signInViaUi(page, "th.bithu");
  await openMenu(page, "Bảng đăng ký");
  await openMenu(page, "Cây tổ chức");

  const api = await page.request.get("/api/auth/me");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(violations).toEqual([]);
});
