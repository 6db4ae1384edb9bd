/**
 * Heavy work off the request thread: DOCX/PDF/XLSX rendering and the reading of uploaded
 * spreadsheets run on a bounded pool of worker threads (piscina), so one big export never stalls
 * the other users' requests. At most `threads` tasks run at once and `queue` more wait; one more
 * is refused at once with 503 BUSY rather than piling up memory. The app owns one pool and closes
 * it with itself (main.ts's shutdown, the tests' close).
 */
import { EventEmitter } from "node:events";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { OfficialDocument } from "../documents/document-model.js";
import { AppError } from "../http/errors.js";
import { declaredInflatedBytes } from "../spreadsheets/zip-guard.js";
import type { SheetInputs } from "../features/spreadsheets/sheet-inputs.js";
import type { SheetIssue } from "../spreadsheets/xlsx-reader.js";
import type { XlsxTable, XlsxValue } from "../spreadsheets/xlsx-table.js";
import type { SheetKind, SheetMessage, WorkerFailure, WorkerResult, WorkerTask } from "./tasks.js";

export interface WorkerPoolOptions {
  threads: number;
  queue: number;
  /** An idle thread ends after this long, giving its memory back (a new one starts on demand). */
  idleTimeoutMs?: number;
  /**
   * Uploaded spreadsheets being read at once may together declare at most this many uncompressed
   * bytes (IMPORT_BUDGET_BYTES); one more is answered 503 BUSY. A single file always runs when
   * no other is being read (its own size is bounded by the zip guard).
   */
  sheetBudgetBytes?: number;
}

/** Emitted as "done" after every task: what ran, on which thread, for how long. */
export interface TaskDone {
  kind: WorkerTask["kind"];
  threadId: number;
  ms: number;
}

/** Rows of an uploaded sheet arrive in batches while the worker reads on. */
export interface SheetBatch<I> {
  inputs: I[];
  issues: SheetIssue[];
}

const BUSY_MESSAGE = "Hệ thống đang bận xuất văn bản, vui lòng thử lại sau ít phút";
const SHEETS_BUSY_MESSAGE = "Hệ thống đang đọc nhiều tệp Excel lớn cùng lúc, vui lòng thử lại sau ít phút";

/** V8's young generation of each worker thread, in MB. */
const WORKER_YOUNG_GENERATION_MB = 8;

const toBuffer = (u8: Uint8Array) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
const toAppError = (f: WorkerFailure) => new AppError(f.code, f.message, f.details);

export class WorkerPool extends EventEmitter<{ done: [TaskDone] }> {
  readonly threads: number;
  readonly queue: number;
  readonly sheetBudgetBytes: number;
  private readonly piscina: Piscina<WorkerTask, WorkerResult>;
  private inflight = 0;
  private sheetBytes = 0;

  constructor(opts: WorkerPoolOptions) {
    super();
    this.threads = Math.max(1, opts.threads);
    this.queue = Math.max(0, opts.queue);
    this.sheetBudgetBytes = opts.sheetBudgetBytes ?? Number.POSITIVE_INFINITY;
    this.piscina = new Piscina({
      filename: new URL("./worker-entry.mjs", import.meta.url).href,
      // threads start on the first task, not with the server (nor with every test's app)
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: opts.idleTimeoutMs ?? 5 * 60_000,
      // a small young generation: the readers and renderers make short-lived garbage fast, and
      // V8's default (16 MB semi-spaces) kept tens of MB of it resident per thread (issue 7, item 5)
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
  }

  /** Tasks running or waiting now. */
  get pending(): number {
    return this.inflight;
  }

  /** Declared uncompressed bytes of the uploaded sheets being read now. */
  get sheetBytesInUse(): number {
    return this.sheetBytes;
  }

  /**
   * Takes `bytes` of the shared budget for reading sheets (synchronously: no other request can
   * slip in between the check and the take) and returns its release; 503 BUSY when other sheets
   * being read already hold so much that this one would go over.
   */
  reserveSheetBytes(bytes: number): () => void {
    if (this.sheetBytes > 0 && this.sheetBytes + bytes > this.sheetBudgetBytes) throw new AppError("BUSY", SHEETS_BUSY_MESSAGE);
    this.sheetBytes += bytes;
    let held = true;
    return () => {
      if (held) this.sheetBytes -= bytes;
      held = false;
    };
  }

  /** Takes a place for a task, at once (before any await); 503 BUSY when every thread is working and the queue is full. */
  private admit(): void {
    if (this.inflight >= this.threads + this.queue) throw new AppError("BUSY", BUSY_MESSAGE);
    this.inflight++;
  }

  /** Runs one admitted task and gives its place back. */
  private async run(task: WorkerTask, transferList: Transferable[] = []): Promise<WorkerResult> {
    const t0 = performance.now();
    try {
      const result = await this.piscina.run(task, { transferList: transferList as never });
      this.emit("done", { kind: task.kind, threadId: result.threadId, ms: performance.now() - t0 });
      if (result.error) throw toAppError(result.error);
      return result;
    } finally {
      this.inflight--;
    }
  }

  private async render(task: WorkerTask): Promise<Buffer> {
    const { body } = await this.run(task);
    return toBuffer(body!);
  }

  async renderDocx(doc: OfficialDocument): Promise<Buffer> {
    this.admit();
    return this.render({ kind: "docx", doc });
  }

  async renderPdf(doc: OfficialDocument): Promise<Buffer> {
    this.admit();
    return this.render({ kind: "pdf", doc });
  }

  /** An XLSX table (rows from any iterable, gathered here: a generator cannot cross threads). */
  async renderXlsx<K extends string>(table: XlsxTable<K>): Promise<Buffer> {
    this.admit();
    let rows: Partial<Record<string, XlsxValue>>[] = [];
    try {
      if (Array.isArray(table.rows)) rows = table.rows;
      else for await (const r of table.rows as AsyncIterable<Partial<Record<K, XlsxValue>>>) rows.push(r);
    } catch (err) {
      this.inflight--;
      throw err;
    }
    return this.render({ kind: "xlsx", table: { title: table.title, sheetName: table.sheetName, columns: table.columns, rows } });
  }

  /**
   * Reads an uploaded sheet on a worker: header matched, every row parsed and checked on its own
   * (the pure part of an import), yielded in batches while the worker reads on; returns the
   * number of data rows and the file's remaining issues. A file that is no XLSX throws 415. While
   * it reads, the file's declared uncompressed size is held from the pool's budget (503 BUSY when
   * the sheets being read already hold too much), so several large imports at once cannot exhaust
   * memory.
   */
  async *readSheet<S extends SheetKind>(sheet: S, file: Buffer, batchSize = 2000): AsyncGenerator<SheetBatch<SheetInputs[S]>, { rows: number; issues: SheetIssue[] }> {
    const release = this.reserveSheetBytes(await declaredInflatedBytes(file));
    try {
      return yield* this.readSheetOnWorker(sheet, file, batchSize);
    } finally {
      release();
    }
  }

  private async *readSheetOnWorker<S extends SheetKind>(sheet: S, file: Buffer, batchSize: number): AsyncGenerator<SheetBatch<SheetInputs[S]>, { rows: number; issues: SheetIssue[] }> {
    const { port1, port2 } = new MessageChannel();
    const waiting: SheetMessage<SheetInputs[S]>[] = [];
    let wake: (() => void) | null = null;
    let failed: { err: unknown } | null = null;
    port1.on("message", (m: SheetMessage<SheetInputs[S]>) => {
      waiting.push(m);
      wake?.();
    });
    // the worker closes its end after its last message: a thread that died mid-file ends the wait
    let closed = false;
    port1.on("close", () => {
      closed = true;
      wake?.();
    });
    this.admit();
    // a copy of the upload moves to the worker; the caller keeps its Buffer
    const bytes = new Uint8Array(file);
    const done = this.run({ kind: "sheet", sheet, file: bytes, port: port2, batchSize }, [bytes.buffer, port2]).catch((err: unknown) => {
      failed = { err };
      wake?.();
    });
    try {
      for (;;) {
        const m = waiting.shift();
        if (!m) {
          if (failed) throw (failed as { err: unknown }).err;
          if (closed) {
            await done;
            throw (failed as { err: unknown } | null)?.err ?? new Error("worker ended without finishing the sheet");
          }
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        if (m.type === "rows") yield { inputs: m.inputs, issues: m.issues };
        else if (m.type === "error") throw toAppError(m.error);
        else return { rows: m.rows, issues: m.issues };
      }
    } finally {
      port1.close();
      await done;
    }
  }

  /** Ends the threads (waiting tasks are refused). */
  async close(): Promise<void> {
    await this.piscina.close({ force: true });
  }
}
