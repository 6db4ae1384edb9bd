import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApp, signIn, type TestContext } from "../test/support.js";
import { IMMUTABLE, REVALIDATE } from "./web-assets.js";

/**
 * The web client as the server sends it: a built dist/web is laid out here the way Vite writes it
 * (index.html, hashed chunks under assets/ with .br/.gz siblings, Vite's manifest in a dot folder),
 * so the test needs no `npm run build:web`.
 */
let ctx: TestContext;
let webDir: string;
const INDEX = `<!doctype html><html lang="vi"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>\n`;
// Big enough to be worth compressing, like a real chunk.
const CHUNK = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, label: `Chi bộ số ${i}` })))};\n`;

function write(rel: string, content: string | Buffer) {
  const file = path.join(webDir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

beforeAll(async () => {
  webDir = mkdtempSync(path.join(os.tmpdir(), "dvk-web-"));
  write("index.html", INDEX);
  write("assets/index-Ab12Cd34.js", CHUNK);
  write("assets/index-Ab12Cd34.js.br", brotliCompressSync(CHUNK));
  write("assets/index-Ab12Cd34.js.gz", gzipSync(CHUNK));
  write(".vite/manifest.json", JSON.stringify({ "index.html": { file: "assets/index-Ab12Cd34.js", isEntry: true } }));
  ctx = await setupTestApp({ webDir });
});
afterAll(async () => {
  await ctx.close();
  rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}, method: "GET" | "HEAD" = "GET") => ctx.app.inject({ method, url, headers });

describe("hashed assets", () => {
  it("go out brotli-compressed when asked, cached for a year as immutable", async () => {
    const res = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "gzip, deflate, br" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
    expect(String(res.headers["content-type"])).toMatch(/^text\/javascript|^application\/javascript/);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(CHUNK.length / 3);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(CHUNK);
  });

  it("go out gzipped to a client without brotli, and as they are to a client asking for nothing", async () => {
    const gz = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["cache-control"]).toBe(IMMUTABLE);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(CHUNK);

    const plain = await get("/assets/index-Ab12Cd34.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["cache-control"]).toBe(IMMUTABLE);
    expect(plain.body).toBe(CHUNK);
  });

  it("answer HEAD with the same headers and no body", async () => {
    const res = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "br" }, "HEAD");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
    expect(res.rawPayload.length).toBe(0);
  });

  it("missing from this release (a tab still on the previous one) are a 404, not the page", async () => {
    const res = await get("/assets/index-Old00000.js", { "accept-encoding": "br" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(String(res.headers["cache-control"] ?? "")).not.toContain("immutable");
  });

  it("Vite's manifest in its dot folder is not served, and no file request gets the page", async () => {
    for (const url of ["/.vite/manifest.json", "/favicon.ico", "/to-chuc/logo.png?v=2"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
  });
});

describe("the page (index.html)", () => {
  it("is revalidated on every use, at / and at any client-side route, and for HEAD", async () => {
    for (const url of ["/", "/to-chuc/123", "/dang-nhap?tiep=%2Fphong-trao"]) {
      const res = await get(url, { "accept-encoding": "br, gzip" });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe(REVALIDATE);
      expect(String(res.headers["content-type"]), url).toContain("text/html");
      expect(res.body, url).toBe(INDEX);
    }
    const head = await get("/to-chuc/123", {}, "HEAD");
    expect(head.statusCode).toBe(200);
    expect(head.headers["cache-control"]).toBe(REVALIDATE);
  });

  it("is not what an unknown API path gets", async () => {
    const res = await get("/api/khong-co");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});

describe("API responses", () => {
  it("large JSON is compressed when the client asks, small JSON is not", async () => {
    const big = await get("/api/openapi.json", { "accept-encoding": "br, gzip" });
    expect(big.statusCode).toBe(200);
    expect(big.headers["content-encoding"]).toBe("br");
    const spec = JSON.parse(brotliDecompressSync(big.rawPayload).toString()) as { openapi: string; paths: object };
    expect(spec.openapi).toBe("3.0.3");
    expect(Object.keys(spec.paths).length).toBeGreaterThan(50);

    const gz = await get("/api/openapi.json", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(spec);

    const none = await get("/api/openapi.json");
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(none.json()).toEqual(spec);

    const small = await get("/api/health", { "accept-encoding": "br, gzip" });
    expect(small.statusCode).toBe(200);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("XLSX, DOCX and PDF downloads go out as they are (already compressed inside) and stay valid files", async () => {
    const bithu = await signIn(ctx.app, "th.bithu");
    const campaign = (await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND year = 2020 ORDER BY created_at LIMIT 1", [ctx.units["xa-thanh-an"]]))[0]!.id;
    const school = ctx.units["cb-tieu-hoc-thanh-an"]!;
    const downloads = [
      { url: `/api/units/${school}/members/export.xlsx`, magic: "PK" },
      { url: `/api/campaigns/${campaign}/units/${school}/registrations/export.docx`, magic: "PK" },
      { url: `/api/campaigns/${campaign}/units/${school}/registrations/export.pdf`, magic: "%PDF-" },
    ];
    for (const d of downloads) {
      const res = await bithu.request({ method: "GET", url: d.url, headers: { "accept-encoding": "br, gzip" } });
      expect(res.status, d.url).toBe(200);
      expect(res.headers["content-encoding"], d.url).toBeUndefined();
      expect(res.raw.subarray(0, d.magic.length).toString("latin1"), d.url).toBe(d.magic);
    }
  });
});
