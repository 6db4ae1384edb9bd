import type { FastifyInstance } from "fastify";
import { invalid } from "./errors.js";

// A NUL character, or half of a UTF-16 surrogate pair standing alone: neither can be stored in
// PostgreSQL text or jsonb (the driver would fail with a 500 and the SQL in its error), and no
// honest form sends them.
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what this looks for
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The dotted path of the first string inside `value` that holds a NUL or a lone surrogate, or null. */
export function badTextPath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return BAD_TEXT.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = badTextPath(v, path ? `${path}.${i}` : String(i));
      if (p !== null) return p;
    }
    return null;
  }
  if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = BAD_TEXT.test(k) ? (path ? `${path}.${k}` : k) : badTextPath(v, path ? `${path}.${k}` : k);
      if (p !== null) return p;
    }
  }
  return null;
}

/** Throws 400 VALIDATION_FAILED naming the field when any text in `fields` is not storable. */
export function assertCleanText(fields: Record<string, unknown>): void {
  const path = badTextPath(fields);
  if (path !== null) throw invalid("Dữ liệu chứa ký tự không hợp lệ", [{ path, message: "Có ký tự không hợp lệ (ký tự rỗng hoặc mã Unicode hỏng)" }]);
}

/**
 * Every JSON body, query string and path parameter is checked before the route's schema, so text
 * accepted anywhere is storable. Multipart forms are read by their handlers, which call
 * `assertCleanText` on their fields and file names.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (req) => {
    assertCleanText({ ...(req.params as object), ...(req.query as object) });
    if (req.body && typeof req.body === "object" && !req.isMultipart()) assertCleanText(req.body as Record<string, unknown>);
    else if (typeof req.body === "string") assertCleanText({ body: req.body });
  });
}
