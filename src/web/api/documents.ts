/**
 * Official documents (DOCX, PDF) of the campaign: where each one is served (API.md's pattern
 * `<resource>/export.docx|.pdf`) and a download through fetch, so a refused or failed download
 * shows the server's message instead of saving an error as a file.
 */
import { api, ApiError, type ApiErrorDetail } from "./client";

export type DocumentFormat = "docx" | "pdf";

/** Resource paths; `/export.docx` or `/export.pdf` is appended. */
export const documentPaths = {
  plan: (id: string) => `/api/plans/${id}`,
  registrationSheet: (campaignId: string, unitId: string) => `/api/campaigns/${campaignId}/units/${unitId}/registrations`,
  supervisionReport: (id: string) => `/api/supervision/reports/${id}`,
  resultReport: (campaignId: string, unitId: string) => `/api/reports/${campaignId}/units/${unitId}`,
  commendationProposal: (campaignId: string, unitId: string) => `/api/commendations/${campaignId}/units/${unitId}`,
  evaluationSummary: (id: string) => `/api/evaluations/${id}`,
  /** The cells' ratings under a commune, one row per cell. */
  communeEvaluationSummary: (campaignId: string, unitId: string) => `/api/evaluations/summary/${campaignId}/units/${unitId}`,
  /** The minutes of the cell meeting that rates its members. */
  evaluationMinutes: (id: string) => `/api/evaluations/${id}/minutes`,
  /** A member's phiếu đăng ký as signed. */
  personalRegistration: (id: string) => `/api/registrations/${id}`,
  /** The signed-in member's own bản tự kiểm điểm. */
  mySelfAssessment: (campaignId: string, unitId: string) => `/api/self-assessments/${campaignId}/units/${unitId}`,
  /** A member's bản tự kiểm điểm from the cell's evaluation. */
  memberSelfAssessment: (evaluationId: string, personId: string) => `/api/evaluations/${evaluationId}/members/${personId}`,
  /** The committee's quyết định khen thưởng with the list of the commended. */
  commendationDecision: (campaignId: string, unitId: string) => `/api/commendations/${campaignId}/units/${unitId}/decision`,
  /** The giấy khen of one approved proposal. */
  certificate: (proposalId: string) => `/api/commendations/${proposalId}/certificate`,
};

export const documentUrl = (path: string, format: DocumentFormat) => `${path}/export.${format}`;

/** The file name the server gave (RFC 5987 `filename*` first, then the plain one). */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through to the ASCII name */
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? null;
}

/** Fetches the document with the session cookie and saves it under the server's Vietnamese name. */
export async function downloadDocument(path: string, format: DocumentFormat): Promise<string> {
  let res: Response;
  try {
    res = await fetch(documentUrl(path, format), { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.");
  }
  if (!res.ok) {
    let e: { code?: string; message?: string; details?: ApiErrorDetail[] } | undefined;
    try {
      e = ((await res.json()) as { error?: typeof e }).error;
    } catch {
      e = undefined;
    }
    // A lost session: let the client's usual handling take the user to the sign-in page.
    if (res.status === 401) await api("/api/auth/me").catch(() => undefined);
    throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? "Không tải được văn bản, vui lòng thử lại.", e?.details ?? []);
  }
  const blob = await res.blob();
  const name = fileNameFromDisposition(res.headers.get("content-disposition")) ?? `van-ban.${format}`;
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
