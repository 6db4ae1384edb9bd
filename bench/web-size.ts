/**
 * How much JavaScript the web client makes a browser download, read from the built dist/web (this
 * script builds nothing: `npm run bench` runs `npm run build:web` before it).
 *
 * The sign-in page needs the entry chunk with everything it imports statically (the browser
 * preloads those), plus the lazily loaded sign-in page chunk with its own static imports. The
 * chunks come from Vite's manifest (`build.manifest: true`, dist/web/.vite/manifest.json), the sizes
 * are the gzip (level 9) and brotli sizes of the files as served. Prints one JSON line and exits 1
 * when the sign-in page is over its budget.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

/** Issue 7: the sign-in page ships at most 250 KB of gzipped JavaScript. */
const SIGN_IN_BUDGET_GZIP_KB = 250;
const SIGN_IN_PAGE = "features/auth/sign-in.page.tsx";

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const webDir = path.resolve(process.argv[2] ?? "dist/web");
const manifestPath = path.join(webDir, ".vite", "manifest.json");
if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: build the web client first (npm run build:web).`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;

const sizes = new Map<string, { raw: number; gzip: number; br: number }>();
function sizeOf(file: string) {
  let s = sizes.get(file);
  if (!s) {
    const bytes = readFileSync(path.join(webDir, file));
    s = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, br: brotliCompressSync(bytes).length };
    sizes.set(file, s);
  }
  return s;
}

/** The chunk of `key` and every chunk it imports statically, transitively (what the browser fetches before running it). */
function staticClosure(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
  into.add(key);
  for (const dep of chunk.imports ?? []) staticClosure(dep, into);
  return into;
}

const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
const [entryKey] = entries[0]!;
const entryChunks = staticClosure(entryKey);
const signInChunks = staticClosure(SIGN_IN_PAGE, new Set(entryChunks));

const kb = (n: number) => Math.round(n / 102.4) / 10;
const total = (keys: Set<string>, k: "raw" | "gzip" | "br") => [...keys].reduce((sum, key) => sum + sizeOf(manifest[key]!.file)[k], 0);

const jsFiles = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith(".js"));
const largest = jsFiles
  .map((f) => ({ file: f, gzipKB: kb(sizeOf(f).gzip) }))
  .sort((a, b) => b.gzipKB - a.gzipKB)
  .slice(0, 5);

const signInGzipKB = kb(total(signInChunks, "gzip"));
const line = {
  bench: "web-size",
  signInChunks: signInChunks.size,
  signInGzipKB,
  signInBrotliKB: kb(total(signInChunks, "br")),
  signInBudgetGzipKB: SIGN_IN_BUDGET_GZIP_KB,
  entryGzipKB: kb(total(entryChunks, "gzip")),
  allJsGzipKB: kb(jsFiles.reduce((sum, f) => sum + sizeOf(f).gzip, 0)),
  jsChunks: jsFiles.length,
  largestGzipKB: largest,
};
console.log(JSON.stringify(line));
if (signInGzipKB > SIGN_IN_BUDGET_GZIP_KB) {
  console.error(`The sign-in page needs ${signInGzipKB} KB of gzipped JavaScript, over the ${SIGN_IN_BUDGET_GZIP_KB} KB budget.`);
  process.exit(1);
}
