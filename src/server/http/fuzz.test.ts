import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApp, signIn, type Client, type TestContext } from "../test/support.js";
import { seededRandom } from "../test/random.js";
import { ERROR_STATUS } from "./errors.js";

/**
 * A bounded, seeded, schema-driven fuzz pass over every route of /api/openapi.json: each request
 * is built from the route's own schemas (path parameters, query, JSON body), then bent (wrong
 * types, missing fields, NUL bytes, lone surrogates, huge and odd numbers, SQL and markup in text).
 * Whatever comes in, the answer is never a 5xx, an error is always `{ error: { code, message } }`
 * with a known code, and no body carries a stack trace or SQL. FUZZ_SEED and FUZZ_REQUESTS
 * replay or widen a run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_801);
const BUDGET = Number(process.env.FUZZ_REQUESTS ?? 2500);
// Routes that would end the fuzzing session itself.
const SKIP = new Set(["POST /api/auth/logout", "POST /api/auth/change-password"]);
const LEAKS = [/\n\s+at .+:\d+:\d+/, /\.ts:\d+/, /node_modules/, /\bSELECT\b.+\bFROM\b/i, /\bINSERT INTO\b/i, /\bUPDATE\b.+\bSET\b/, /syntax error at/i, /violates .* constraint/i, /relation ".+" does not exist/i];

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; format?: string; minimum?: number; maximum?: number; maxLength?: number; pattern?: string; nullable?: boolean; $ref?: string };

const NASTY_TEXT = ["", " ", "a\u0000b", "\ud800", "x\udc00y", "'; DROP TABLE units; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "Nguyễn Văn Ấp 😀", "null", "0", "-1", "1e309", "ﬀ\u202e", "x".repeat(5000), "2026-02-30", "2026-13-01", "00000000-0000-4000-8000-000000000000"];
const NASTY_NUMBERS = [0, -1, 1, 2 ** 31, -(2 ** 53), 1e308, 0.5, Number.MAX_SAFE_INTEGER];

function generator(rand: () => number, refs: (ref: string) => Schema) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const valid = (s: Schema | undefined, depth: number): unknown => {
    if (!s) return null;
    if (s.$ref) return valid(refs(s.$ref), depth);
    if (s.enum?.length) return pick(s.enum);
    const alt = s.anyOf ?? s.oneOf;
    if (alt?.length) return valid(pick(alt), depth);
    if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((x) => valid(x, depth) as object));
    const type = Array.isArray(s.type) ? pick(s.type.filter((t) => t !== "null")) : s.type;
    switch (type) {
      case "integer":
        return Math.floor((s.minimum ?? 0) + rand() * Math.min(1000, (s.maximum ?? 1000) - (s.minimum ?? 0)));
      case "number":
        return (s.minimum ?? 0) + rand() * 100;
      case "boolean":
        return rand() < 0.5;
      case "array":
        return depth > 3 ? [] : Array.from({ length: Math.floor(rand() * 3) }, () => valid(s.items, depth + 1));
      case "object":
      case undefined: {
        if (!s.properties) return {};
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(s.properties)) if (s.required?.includes(k) || rand() < 0.6) out[k] = valid(v, depth + 1);
        return out;
      }
      default:
        if (s.format === "uuid") return "00000000-0000-4000-8000-00000000000" + Math.floor(rand() * 10);
        if (s.format === "date" || s.pattern?.includes("\\d{4}")) return `20${10 + Math.floor(rand() * 20)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
        return pick(["Chi bộ thử", "Nguyễn Văn An", "ghi chú", "a", "2026"]);
    }
  };
  /** A valid-looking value, sometimes bent out of shape. */
  const fuzzed = (s: Schema | undefined, depth = 0): unknown => {
    const r = rand();
    if (r < 0.55 || depth > 4) return bend(valid(s, depth), s, depth);
    if (r < 0.7) return pick(NASTY_TEXT);
    if (r < 0.8) return pick(NASTY_NUMBERS);
    if (r < 0.85) return pick([null, true, [], {}, [pick(NASTY_TEXT)], { "": pick(NASTY_TEXT) }]);
    return valid(s, depth);
  };
  const bend = (v: unknown, s: Schema | undefined, depth: number): unknown => {
    if (v && typeof v === "object" && !Array.isArray(v) && s?.properties) {
      const out = { ...(v as Record<string, unknown>) };
      for (const k of Object.keys(s.properties)) if (rand() < 0.3) out[k] = fuzzed(s.properties[k], depth + 1);
      if (rand() < 0.1) delete out[pick(Object.keys(out).length ? Object.keys(out) : ["x"])];
      if (rand() < 0.05) out["__proto__x"] = "y";
      return out;
    }
    if (Array.isArray(v)) return rand() < 0.2 ? Array.from({ length: 50 }, () => fuzzed(s?.items, depth + 1)) : v.map((x) => (rand() < 0.3 ? fuzzed(s?.items, depth + 1) : x));
    return v;
  };
  return { fuzzed, pick, valid };
}

/** A path segment; a lone surrogate cannot be percent-encoded, so it goes as the raw bytes an attacker would send. */
function pathSegment(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return "%ED%A0%80";
  }
}

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; schema?: Schema; required?: boolean }[];
  body?: Schema;
}

let ctx: TestContext;
let clients: Client[];
let operations: Operation[];
let components: Record<string, Schema>;

beforeAll(async () => {
  ctx = await setupTestApp();
  clients = [await signIn(ctx.app, "admin"), await signIn(ctx.app, "th.bithu"), await signIn(ctx.app, "th.gv01")];
  const spec = (await clients[0]!.get("/api/openapi.json")).body as {
    paths: Record<string, Record<string, { parameters?: Operation["params"]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
    components?: { schemas?: Record<string, Schema> };
  };
  components = spec.components?.schemas ?? {};
  operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: op.parameters ?? [],
      ...(op.requestBody?.content?.["application/json"]?.schema ? { body: op.requestBody.content["application/json"].schema } : {}),
    })),
  );
  operations = operations.filter((o) => !SKIP.has(`${o.method} ${o.path.replace(/\{(\w+)\}/g, ":$1")}`));
});
afterAll(() => ctx.close());

describe("schema-driven fuzzing of every route", () => {
  it(`${BUDGET} seeded requests: no 5xx, every error in the one shape, no stack trace or SQL`, { timeout: 180_000 }, async () => {
    expect(operations.length).toBeGreaterThan(100);
    const rand = seededRandom(SEED);
    const { fuzzed, pick } = generator(rand, (ref) => components[ref.split("/").pop()!] ?? {});
    const codes = new Set(Object.keys(ERROR_STATUS));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < BUDGET && failures.length < 10; i++) {
      const op = operations[i % operations.length]!;
      let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathSegment(String(fuzzed(op.params.find((p) => p.name === name)?.schema ?? { type: "string", format: "uuid" }))));
      const query = new URLSearchParams();
      for (const p of op.params.filter((x) => x.in === "query")) if (p.required || rand() < 0.5) query.set(p.name, String(fuzzed(p.schema)));
      if ([...query].length) url += `?${query.toString()}`;
      const payload = op.method === "GET" || op.method === "DELETE" ? undefined : rand() < 0.05 ? "{nửa json" : (fuzzed(op.body) ?? {});
      const client = pick(clients);
      const res = await client.request({ method: op.method, url, ...(payload !== undefined ? { payload: typeof payload === "string" ? payload : JSON.stringify(payload), headers: { "content-type": "application/json" } } : {}) });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = res.raw.toString("utf8");
      const where = `#${i} ${client.username} ${op.method} ${url.slice(0, 200)} ${JSON.stringify(payload)?.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
      if (res.status >= 500) failures.push(`5xx: ${where}`);
      else if (res.status >= 400) {
        const e = (res.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
        if (!e || typeof e.code !== "string" || !codes.has(e.code) || typeof e.message !== "string") failures.push(`outside the error shape: ${where}`);
      }
      if (String(res.headers["content-type"] ?? "").match(/json|text/) && LEAKS.some((re) => re.test(text))) failures.push(`leak: ${where}`);
    }
    expect(failures, `seed ${SEED}; statuses ${JSON.stringify(Object.fromEntries(statuses))}`).toEqual([]);
  });

  it("every route taking a JSON body answers a NUL in one of its text fields with 400 VALIDATION_FAILED naming the field, writing nothing", async () => {
    const resolve = (x: Schema | undefined): Schema | undefined => (x?.$ref ? components[x.$ref.split("/").pop()!] : x);
    const isText = (x: Schema | undefined): boolean => {
      const r = resolve(x);
      return !!r && (r.type === "string" || (Array.isArray(r.type) && r.type.includes("string")) || !!(r.anyOf ?? r.oneOf)?.some(isText));
    };
    const { valid } = generator(seededRandom(SEED), (ref) => components[ref.split("/").pop()!] ?? {});
    const writes = operations.filter((o) => o.body && o.method !== "GET");
    expect(writes.length).toBeGreaterThanOrEqual(40);
    const audits = async () => (await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log"))[0]!.n;
    const before = await audits();
    const failures: string[] = [];
    for (const op of writes) {
      const body = resolve(op.body);
      // a text field of the body's own schema, or any extra field when the body has none
      const field = Object.entries(body?.properties ?? {}).find(([, v]) => isText(v))?.[0] ?? "ghiChu";
      const payload = { ...((valid(body, 0) as Record<string, unknown> | null) ?? {}), [field]: "Chi bộ\u0000thử" };
      const url = op.path.replace(/\{(\w+)\}/g, "00000000-0000-4000-8000-000000000001");
      const res = await clients[0]!.request({ method: op.method, url, payload: JSON.stringify(payload), headers: { "content-type": "application/json" } });
      const e = res.body?.error as { code?: string; details?: { path: string }[] } | undefined;
      if (res.status !== 400 || e?.code !== "VALIDATION_FAILED" || e.details?.[0]?.path !== field) failures.push(`${op.method} ${op.path} [${field}] → ${res.status} ${res.raw.toString("utf8").slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(await audits()).toBe(before);
  });
});
