import { AppError, type ErrorCode } from "./errors.js";

/** Why one item of a bulk action cannot be done: the same code and message the single-item route gives. */
export interface BulkRefusal {
  /** Position of the item in the request's list (the detail's path is `<field>.<index>`). */
  index: number;
  code: ErrorCode;
  message: string;
}

/** Which refusal names the whole answer: an unknown item first, then a right missing, then a state. */
const PRIORITY: readonly ErrorCode[] = ["NOT_FOUND", "FORBIDDEN", "LOCKED", "INVALID_STATE", "CONFLICT"];

/**
 * A bulk action is all or nothing: when any item is refused, nothing is written and the answer
 * reports every refused item (path `<field>.<index>`, its own Vietnamese reason). The code is the
 * most telling one among them (404 before 403 before 409), so a client branches as for one item.
 */
export function refuseBulk(field: string, total: number, what: string, refusals: readonly BulkRefusal[]): AppError {
  const rank = (c: ErrorCode) => {
    const i = PRIORITY.indexOf(c);
    return i < 0 ? PRIORITY.length : i;
  };
  const code = [...refusals].sort((a, b) => rank(a.code) - rank(b.code))[0]!.code;
  return new AppError(
    code,
    `Không thực hiện được cho ${refusals.length}/${total} ${what}; chưa thay đổi gì: ${refusals.map((r) => r.message).join("; ")}`,
    refusals.map((r) => ({ path: `${field}.${r.index}`, message: r.message })),
  );
}

/** Runs the single-item check `fn` and turns its AppError into a refusal (other errors propagate). */
export async function refusalOf(index: number, fn: () => Promise<unknown>): Promise<BulkRefusal | null> {
  try {
    await fn();
    return null;
  } catch (e) {
    if (e instanceof AppError) return { index, code: e.code, message: e.message };
    throw e;
  }
}
