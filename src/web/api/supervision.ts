import type {
  CreateNoteBody,
  CreateReportBody,
  CreateViolationBody,
  MyViolationsResponse,
  ReportDetail,
  SupervisionUnitsResponse,
  SupervisionWorkspace,
  UpdateReportBody,
} from "@contracts/supervision.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { ApiError, api } from "./client";

export type SupervisionUnit = z.infer<typeof SupervisionUnitsResponse>["items"][number];
export type Workspace = z.infer<typeof SupervisionWorkspace>;
export type SupervisedMember = Workspace["members"][number];
export type Violation = Workspace["violations"][number];
export type Note = Workspace["notes"][number];
export type SupervisionReport = z.infer<typeof ReportDetail>;
export type MyViolation = z.infer<typeof MyViolationsResponse>["items"][number];

const KEY = ["supervision"] as const;

/** The cells whose supervision book I keep or read, per campaign. */
export function useSupervisionUnits() {
  return useQuery({ queryKey: [...KEY, "units"], queryFn: ({ signal }) => api<z.infer<typeof SupervisionUnitsResponse>>("/api/supervision/units", { signal }) });
}

export function useWorkspace(campaignId: string | null, unitId: string | null) {
  return useQuery({
    queryKey: [...KEY, "workspace", campaignId, unitId],
    queryFn: ({ signal }) => api<Workspace>("/api/supervision/workspace", { query: { campaignId, unitId }, signal }),
    enabled: Boolean(campaignId && unitId),
  });
}

export function useMyViolations() {
  return useQuery({ queryKey: [...KEY, "mine"], queryFn: ({ signal }) => api<z.infer<typeof MyViolationsResponse>>("/api/supervision/my-violations", { signal }) });
}

export function useReport(id: string | undefined) {
  return useQuery({ queryKey: [...KEY, "report", id], queryFn: () => api<SupervisionReport>(`/api/supervision/reports/${id}`), enabled: Boolean(id) });
}

/** Every supervision write refreshes the supervision views and the evaluation sheets (outcomes change). */
function useSupervisionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([KEY, ["evaluations"], ["home"]].map((queryKey) => qc.invalidateQueries({ queryKey: [...queryKey] })));
    },
  });
}

export const useCreateNote = () => useSupervisionMutation((body: z.input<typeof CreateNoteBody>) => api<{ id: string }>("/api/supervision/notes", { method: "POST", body }));
export const useDeleteNote = () => useSupervisionMutation((id: string) => api<void>(`/api/supervision/notes/${id}`, { method: "DELETE" }));
export const useDeleteViolation = () => useSupervisionMutation((id: string) => api<void>(`/api/supervision/violations/${id}`, { method: "DELETE" }));
export const useCreateReport = () => useSupervisionMutation((body: z.input<typeof CreateReportBody>) => api<{ id: string }>("/api/supervision/reports", { method: "POST", body }));
export const useUpdateReport = (id: string) => useSupervisionMutation((body: z.input<typeof UpdateReportBody>) => api<void>(`/api/supervision/reports/${id}`, { method: "PATCH", body }));
export const useSubmitReport = (id: string) => useSupervisionMutation(() => api<void>(`/api/supervision/reports/${id}/submit`, { method: "POST" }));

/**
 * Records a violation, then uploads its evidence file (multipart, with the session's CSRF token
 * read fresh from /me because the JSON client keeps its copy private).
 */
export function useCreateViolation() {
  return useSupervisionMutation(async (input: { body: z.input<typeof CreateViolationBody>; file: File | null }) => {
    const { id } = await api<{ id: string }>("/api/supervision/violations", { method: "POST", body: input.body });
    if (input.file) {
      try {
        await uploadEvidence(id, input.file);
      } catch (err) {
        if (err instanceof ApiError) throw new ApiError(err.status, err.code, `Đã ghi nhận vi phạm nhưng chưa đính kèm được minh chứng: ${err.message}`, []);
        throw err;
      }
    }
    return { id };
  });
}

async function uploadEvidence(violationId: string, file: File) {
  const me = await api<{ csrfToken: string }>("/api/auth/me");
  const form = new FormData();
  form.append("file", file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/supervision/violations/${violationId}/evidence`, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { "x-csrf-token": me.csrfToken, accept: "application/json" },
    });
  } catch {
    throw new ApiError(0, "NETWORK", "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.");
  }
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!res.ok) throw new ApiError(res.status, body.error?.code ?? `HTTP_${res.status}`, body.error?.message ?? (res.status === 413 ? "Tệp quá lớn (tối đa 10 MB)" : "Không tải được tệp lên"));
}

export const evidenceUrl = (violationId: string, fileId: string) => `/api/supervision/violations/${violationId}/evidence/${fileId}`;
