import { threadId as requestThread } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGISTRATION_COLUMNS } from "../spreadsheets/registrations-sheet.js";
import { anonymous, setupTestApp, signIn, type TestContext } from "../../test/support.js";
import type { TaskDone } from "../../workers/worker-pool.js";

/**
 * Heavy work runs on the worker pool, not on the request thread: every export reports the thread
 * it was rendered on, an upload is read there too, and a full pool answers 503 BUSY at once while
 * the request thread keeps serving.
 */
describe("documents and spreadsheets on worker threads", () => {
  let ctx: TestContext;
  const done: TaskDone[] = [];
  beforeAll(async () => {
    ctx = await setupTestApp();
    ctx.app.workers.on("done", (d) => done.push(d));
  });
  afterAll(() => ctx.close());

  it("renders DOCX, PDF and XLSX exports and reads an uploaded sheet on a thread other than the request's", async () => {
    const bithu = await signIn(ctx.app, "th.bithu");
    const [campaign] = await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND year = 2020 ORDER BY created_at LIMIT 1", [ctx.units["xa-thanh-an"]]);
    const sheet = `/api/campaigns/${campaign!.id}/units/${ctx.units["cb-tieu-hoc-thanh-an"]}/registrations`;

    const docx = await bithu.get(`${sheet}/export.docx`);
    expect(docx.status).toBe(200);
    expect(docx.raw.subarray(0, 2).toString("latin1")).toBe("PK");
    const pdf = await bithu.get(`${sheet}/export.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const xlsx = await bithu.get(`/api/units/${ctx.units["cb-tieu-hoc-thanh-an"]}/members/export.xlsx`);
    expect(xlsx.status).toBe(200);

    const boundary = "----render-workers";
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ds.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      xlsx.raw,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const dry = await bithu.request({ method: "POST", url: `/api/units/${ctx.units["cb-tieu-hoc-thanh-an"]}/members/import?dryRun=1`, payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    expect(dry.body).toMatchObject({ ok: true, applied: false, counts: { create: 0, update: 0 } });

    expect(done.map((d) => d.kind)).toEqual(["docx", "pdf", "xlsx", "sheet"]);
    for (const d of done) expect(d.threadId).not.toBe(requestThread);
    expect(ctx.app.workers.pending).toBe(0);
  });
});

describe("a full pool", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await setupTestApp({ renderWorkers: 1, renderQueue: 0 });
  });
  afterAll(() => ctx.close());

  it("answers 503 BUSY in Vietnamese while its one worker renders, keeps serving other requests, and renders again once free", async () => {
    const bithu = await signIn(ctx.app, "th.bithu");
    const url = `/api/units/${ctx.units["cb-tieu-hoc-thanh-an"]}/members/export.xlsx`;
    // a large workbook (seconds of work) holds the only worker
    const big = ctx.app.workers.renderXlsx({
      title: "Tải lớn",
      sheetName: "Tải lớn",
      columns: REGISTRATION_COLUMNS,
      rows: Array.from({ length: 30_000 }, (_, i) => ({ stt: i + 1, fullName: `Nguyễn Văn Thử ${i}`, criterion: "I", item: "I.1", action: `Việc làm thiết thực số ${i}`, startDate: "2020-03-01" })),
    });
    expect(ctx.app.workers.pending).toBe(1);

    const busy = await bithu.get(url);
    expect(busy.status).toBe(503);
    expect(busy.body.error).toEqual({ code: "BUSY", message: "Hệ thống đang bận xuất văn bản, vui lòng thử lại sau ít phút" });
    expect(busy.headers["retry-after"]).toBe("30");
    // the request thread is free: other requests are answered while the worker renders
    const health = await anonymous(ctx.app).get("/api/health");
    expect(health.status).toBe(200);
    expect(ctx.app.workers.pending).toBe(1);

    expect((await big).subarray(0, 2).toString("latin1")).toBe("PK");
    const again = await bithu.get(url);
    expect(again.status).toBe(200);
    expect(ctx.app.workers.pending).toBe(0);
  });
});
