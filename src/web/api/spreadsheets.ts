import type { ImportReport } from "@contracts/spreadsheets";
import { api, ApiError } from "./client";

export type { ImportReport };

/** URL of the members sheet of a unit. */
export const membersExportUrl = (unitId: string) => `/api/units/${unitId}/members/export.xlsx`;
export const membersImportUrl = (unitId: string) => `/api/units/${unitId}/members/import`;
export const peopleExportUrl = (q?: string, unitId?: string) => {
  const p = new URLSearchParams();
  if (q) p.set("q", q);
  if (unitId) p.set("unitId", unitId);
  const s = p.toString();
  return `/api/people/export.xlsx${s ? `?${s}` : ""}`;
};
export const registrationsExportUrl = (campaignId: string, unitId: string) => `/api/campaigns/${campaignId}/units/${unitId}/registrations/export.xlsx`;
/** The tables on screen as XLSX (server: features/table-exports). */
export const coverageExportUrl = (campaignId: string, unitId: string) => `/api/registrations/coverage/export.xlsx?campaignId=${campaignId}&unitId=${unitId}`;
export const evaluationExportUrl = (evaluationId: string) => `/api/evaluations/${evaluationId}/export.xlsx`;
export const rollupExportUrl = (campaignId: string, unitId: string) => `/api/reports/${campaignId}/units/${unitId}/rollup/export.xlsx`;
export const registrationsImportUrl = (campaignId: string, unitId: string) => `/api/campaigns/${campaignId}/units/${unitId}/registrations/import`;

/**
 * Uploads an XLSX with XMLHttpRequest (for the upload progress bar). A refused import (400 with a
 * report) resolves with that report; other failures reject with ApiError.
 */
export async function uploadSheet(url: string, file: File, opts: { dryRun: boolean; onProgress?: (percent: number) => void }): Promise<ImportReport> {
  // the CSRF token of the session, fresh from /me (the client keeps its copy private)
  const me = await api<{ csrfToken: string }>("/api/auth/me");
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", opts.dryRun ? `${url}?dryRun=1` : url);
    xhr.setRequestHeader("x-csrf-token", me.csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    // the whole body is sent (also when the browser gave no computable progress): the server checks now
    xhr.upload.onload = () => opts.onProgress?.(100);
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", "Không kết nối được máy chủ"));
    xhr.onload = () => {
      let body: { report?: ImportReport; error?: { code: string; message: string; details?: { path: string; message: string }[] } } & Partial<ImportReport> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status === 200) resolve(body as ImportReport);
      else if (xhr.status === 400 && body.report) resolve(body.report);
      else reject(new ApiError(xhr.status, body.error?.code ?? "INTERNAL", body.error?.message ?? "Đã có lỗi hệ thống", body.error?.details ?? []));
    };
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}
