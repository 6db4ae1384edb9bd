import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/**
 * Records every running-animation class (antd's rc-motion: `…-enter-active`, `…-appear-active`,
 * `…-leave-active`) put on any element from now on. Without motion a popup still passes through
 * the `…-prepare` step (where it is aligned), never through `…-active`.
 */
async function recordMotionClasses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __motion: string[] }).__motion = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        const nodes = r.type === "attributes" ? [r.target] : [...r.addedNodes];
        for (const n of nodes) {
          if (!(n instanceof Element)) continue;
          for (const el of [n, ...n.querySelectorAll("*")]) {
            for (const c of el.classList) if (/-(enter|appear|leave)-active$/.test(c)) seen.push(c);
          }
        }
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  });
  return () => page.evaluate(() => [...new Set((window as unknown as { __motion: string[] }).__motion)]);
}

async function openPasswordFromAccountMenu(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Tài khoản: / }).click();
  // With animations on, wait until the menu has finished sliding in: a click during the slide can
  // miss (it did once), which is why the other stories run with reduced motion.
  await expect(page.locator('[class*="-appear-active"], [class*="-enter-active"]')).toHaveCount(0);
  await page.getByRole("menuitem", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đổi mật khẩu" })).toBeVisible();
}

// The whole suite runs with the browser asking for reduced motion (playwright.config.ts), which the
// app honours. These two stories pin both sides: by default menus and dialogs animate; when the
// user's system asks for less motion, they appear at once — and both ways work.
test("by default the account menu opens with its animation", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await signIn(page, "th.gv01");
  const seen = await recordMotionClasses(page);
  await openPasswordFromAccountMenu(page);
  expect(await seen()).toEqual(expect.arrayContaining([expect.stringMatching(/-(enter|appear)-active$/)]));
});

test("a user whose system asks for reduced motion gets the account menu without animation", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await signIn(page, "th.gv01");
  const seen = await recordMotionClasses(page);
  await openPasswordFromAccountMenu(page);
  expect(await seen()).toEqual([]);
});
