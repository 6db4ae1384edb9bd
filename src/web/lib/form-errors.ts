import type { FormInstance } from "antd";
import { ApiError, errorMessage } from "@web/api/client";

/**
 * Puts a server error on the form: each `details[].path` ("name", "position.startDate",
 * "scopes.0.unitId") goes under the matching field; returns the text for the alert above the form
 * (the message, plus details that match no field).
 */
export function applyServerErrors(form: FormInstance, err: unknown): string {
  if (!(err instanceof ApiError)) return errorMessage(err);
  const registered = new Map(form.getFieldsError().map((f) => [f.name.join("."), f.name] as const));
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const unmatched: string[] = [];
  for (const d of err.details) {
    const name = registered.get(d.path);
    if (name) {
      const existing = fields.find((f) => f.name.join(".") === d.path);
      if (existing) existing.errors.push(d.message);
      else fields.push({ name: [...name], errors: [d.message] });
    } else if (d.message !== err.message) {
      unmatched.push(d.message);
    }
  }
  if (fields.length) form.setFields(fields);
  return unmatched.length ? `${err.message}: ${[...new Set(unmatched)].join("; ")}` : err.message;
}
