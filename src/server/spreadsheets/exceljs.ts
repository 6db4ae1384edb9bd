import { createRequire } from "node:module";
import type ExcelJSType from "exceljs";

/**
 * exceljs, loaded with one fix: its streaming XML parser (lib/utils/parse-sax.js) decodes every
 * chunk of a zip entry on its own, so a Vietnamese character split across two chunks comes out as
 * "Tr���n" (seen in the 100,000-row benchmark). We install a parse-sax that decodes with a
 * streaming TextDecoder into the require cache before exceljs is first loaded. Import exceljs only
 * through this module.
 */
const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve("exceljs/lib/utils/parse-sax.js");
if (!require.cache[parseSaxPath]) {
  const exceljsRequire = createRequire(parseSaxPath);
  const { SaxesParser } = exceljsRequire("saxes") as { SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void } };
  const fixed = async function* (iterable: AsyncIterable<Buffer | string>) {
    const decoder = new TextDecoder("utf-8");
    const parser = new SaxesParser();
    let error: unknown;
    let events: { eventType: string; value: unknown }[] = [];
    parser.on("error", (err) => (error = err));
    parser.on("opentag", (value) => events.push({ eventType: "opentag", value }));
    parser.on("text", (value) => events.push({ eventType: "text", value }));
    parser.on("closetag", (value) => events.push({ eventType: "closetag", value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  };
  const Module = require("node:module") as { Module: new (id: string) => { exports: unknown; filename: string; loaded: boolean } };
  const m = new Module.Module(parseSaxPath);
  m.filename = parseSaxPath;
  m.exports = fixed;
  m.loaded = true;
  (require.cache as Record<string, unknown>)[parseSaxPath] = m;
}

const ExcelJS = require("exceljs") as typeof ExcelJSType;
export default ExcelJS;
export type { CellValue, Row } from "exceljs";
