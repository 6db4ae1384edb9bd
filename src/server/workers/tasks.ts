/**
 * What runs on the worker threads (see worker-pool.ts): pure model → bytes renderers and the
 * first, pure half of a spreadsheet import. Nothing here touches the database or the request;
 * every input and output is structured-cloneable, and rendered bytes come back transferred.
 * Renderers are imported on first use, so a thread that only reads uploads never loads
 * docx or pdfmake.
 */
import { threadId, type MessagePort } from "node:worker_threads";
import { move, transferableSymbol, valueSymbol } from "piscina";
import type { OfficialDocument } from "../documents/document-model.js";
import { AppError, type ErrorCode, type ErrorDetail } from "../http/errors.js";
import type { SheetIssue } from "../spreadsheets/xlsx-reader.js";
import type { XlsxValue } from "../spreadsheets/xlsx-table.js";
import type { XlsxColumn } from "../spreadsheets/xlsx-table.js";

/** An XLSX table with its rows in an array (a generator cannot cross threads). */
export interface XlsxTableData {
  title: string;
  sheetName: string;
  columns: XlsxColumn[];
  rows: Partial<Record<string, XlsxValue>>[];
}

/** The uploaded sheets the workers read, by name. */
export type SheetKind = "members" | "registrations";

export type WorkerTask =
  | { kind: "docx"; doc: OfficialDocument }
  | { kind: "pdf"; doc: OfficialDocument }
  | { kind: "xlsx"; table: XlsxTableData }
  | { kind: "sheet"; sheet: SheetKind; file: Uint8Array; port: MessagePort; batchSize: number };

/** A failure the request should answer as-is (AppError does not survive the thread boundary). */
export interface WorkerFailure {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[] | undefined;
}

export interface WorkerResult {
  threadId: number;
  /** Rendered bytes (render tasks). */
  body?: Uint8Array;
  error?: WorkerFailure;
}

/** Messages of a sheet task on its port: batches of rows as they are read, then the end. */
export type SheetMessage<I = unknown> =
  | { type: "rows"; inputs: I[]; issues: SheetIssue[] }
  | { type: "end"; rows: number; issues: SheetIssue[] }
  | { type: "error"; error: WorkerFailure };

/**
 * The result of a render with its bytes moved, not copied, to the main thread (piscina transfers
 * what a movable result lists). A pooled Buffer shares a larger ArrayBuffer, so it is copied once.
 */
function rendered(buf: Buffer): WorkerResult {
  const body = buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength ? new Uint8Array(buf.buffer) : new Uint8Array(buf);
  const result: WorkerResult = { threadId, body };
  return move({ [transferableSymbol]: body.buffer, [valueSymbol]: result } as never) as unknown as WorkerResult;
}

function failure(err: unknown): WorkerFailure | null {
  return err instanceof AppError ? { code: err.code, message: err.message, details: err.details } : null;
}

async function readSheet(task: Extract<WorkerTask, { kind: "sheet" }>): Promise<void> {
  const [{ readImportTable }, sheets] = await Promise.all([import("../spreadsheets/xlsx-import.js"), import("../features/spreadsheets/sheet-inputs.js")]);
  const { columns, toInput } = sheets.SHEET_INPUTS[task.sheet];
  const file = Buffer.from(task.file.buffer, task.file.byteOffset, task.file.byteLength);
  let inputs: unknown[] = [];
  let shared: SheetIssue[] = [];
  const flush = () => {
    task.port.postMessage({ type: "rows", inputs, issues: shared.splice(0) } satisfies SheetMessage);
    inputs = [];
  };
  const end = await readImportTable(file, columns, (row, values, issues, cellsValid) => {
    shared = issues;
    const input = toInput(row, values as never, issues, cellsValid);
    if (input) inputs.push(input);
    if (inputs.length >= task.batchSize) flush();
  });
  if (inputs.length || shared.length) flush();
  task.port.postMessage({ type: "end", rows: end.rows, issues: end.issues.splice(0) } satisfies SheetMessage);
}

/** Piscina's entry: one task, its bytes transferred back, an AppError passed back as data. */
export default async function runTask(task: WorkerTask): Promise<WorkerResult> {
  try {
    switch (task.kind) {
      case "docx": {
        const { renderDocx } = await import("../documents/render-docx.js");
        return rendered(await renderDocx(task.doc));
      }
      case "pdf": {
        const { renderPdf } = await import("../documents/render-pdf.js");
        return rendered(await renderPdf(task.doc));
      }
      case "xlsx": {
        const { renderXlsxTable } = await import("../spreadsheets/xlsx-table.js");
        return rendered(await renderXlsxTable(task.table));
      }
      case "sheet":
        try {
          await readSheet(task);
        } catch (err) {
          const error = failure(err);
          if (!error) throw err;
          task.port.postMessage({ type: "error", error } satisfies SheetMessage);
        } finally {
          task.port.close();
        }
        return { threadId };
    }
  } catch (err) {
    const error = failure(err);
    if (error) return { threadId, error };
    throw err;
  }
}
