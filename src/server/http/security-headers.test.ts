import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, setupTestApp, signIn, type TestContext } from "../test/support.js";
import { inlineScriptHashes } from "./security-headers.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

describe("security headers on every answer", () => {
  it("public, signed-in and error answers carry the CSP, no framing, nosniff, HSTS and no referrer", async () => {
    const c = await signIn(ctx.app, "th.gv01");
    for (const r of [await anonymous(ctx.app).get("/api/health"), await c.get("/api/auth/me"), await anonymous(ctx.app).get("/api/khong-co")]) {
      const csp = String(r.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(r.headers["x-frame-options"]).toBe("DENY");
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
      expect(r.headers["referrer-policy"]).toBe("no-referrer");
    }
  });
});

describe("inline scripts of the built page", () => {
  it("are allowed by their sha256 only, and a page without any adds nothing", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { createHash } = await import("node:crypto");
    const dir = mkdtempSync(path.join(tmpdir(), "dvk-csp-"));
    const code = 'if(!location.pathname.startsWith("/dang-nhap"))console.log(1)';
    writeFileSync(path.join(dir, "index.html"), `<html><head><script type="module" src="/assets/a.js"></script><script>${code}</script></head></html>`);
    expect(inlineScriptHashes(path.join(dir, "index.html"))).toEqual([`'sha256-${createHash("sha256").update(code).digest("base64")}'`]);
    writeFileSync(path.join(dir, "index.html"), `<html><head><script type="module" src="/assets/a.js"></script></head></html>`);
    expect(inlineScriptHashes(path.join(dir, "index.html"))).toEqual([]);
    expect(inlineScriptHashes(path.join(dir, "missing.html"))).toEqual([]);
  });
});
