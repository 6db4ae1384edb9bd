import { invalid } from "./errors.js";

/**
 * The opaque `after` of a list paginated by key: the sort key values of a page's last row, as
 * base64url JSON. Clients only hand back the `nextCursor` they were given.
 */
export function encodePageCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

const KIND_CHECKS = { string: (v: unknown) => typeof v === "string", number: (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) };
type Kind = keyof typeof KIND_CHECKS;
type Decoded<K extends readonly Kind[]> = { [I in keyof K]: K[I] extends "number" ? number : string };

/**
 * Reads back a cursor of the given shape ("string" or integer "number" per key); anything else is
 * 400 VALIDATION_FAILED with a Vietnamese message, never a 500 or a silently wrong page.
 */
export function decodePageCursor<const K extends readonly Kind[]>(after: string, kinds: K, valid: (v: Decoded<K>) => boolean = () => true): Decoded<K> {
  try {
    const v: unknown = JSON.parse(Buffer.from(after, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === kinds.length && kinds.every((k, i) => KIND_CHECKS[k](v[i])) && valid(v as Decoded<K>)) return v as Decoded<K>;
  } catch {
    // falls through to the error below
  }
  throw invalid("Con trỏ trang không hợp lệ", [{ path: "after", message: "Con trỏ trang không hợp lệ, vui lòng tải lại danh sách" }]);
}
