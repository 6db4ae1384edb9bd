import type { CommitmentProgressResponse, PostProgressResponse, RegistrationTimelineResponse } from "@contracts/progress.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api, ApiError } from "./client";

export type CommitmentProgress = z.infer<typeof CommitmentProgressResponse>;
export type ProgressUpdate = CommitmentProgress["updates"][number];
export type EvidenceFile = ProgressUpdate["files"][number];
export type RegistrationTimeline = z.infer<typeof RegistrationTimelineResponse>;
export type TimelineEvent = RegistrationTimeline["events"][number];

export function useCommitmentProgress(commitmentId: string | undefined) {
  return useQuery({
    queryKey: ["progress", "commitment", commitmentId],
    queryFn: () => api<CommitmentProgress>(`/api/commitments/${commitmentId}/progress`),
    enabled: Boolean(commitmentId),
  });
}

export function useRegistrationTimeline(registrationId: string | undefined) {
  return useQuery({
    queryKey: ["progress", "timeline", registrationId],
    queryFn: () => api<RegistrationTimeline>(`/api/registrations/${registrationId}/timeline`),
    enabled: Boolean(registrationId),
  });
}

export interface PostProgressInput {
  commitmentId: string;
  status: string;
  note?: string | null;
  files: File[];
}

/**
 * Sends a progress update as multipart/form-data (fields + files) with the session's CSRF token,
 * read fresh from /me because the JSON client keeps its copy private.
 */
async function postProgress(input: PostProgressInput) {
  const me = await api<{ csrfToken: string }>("/api/auth/me");
  const form = new FormData();
  form.append("status", input.status);
  if (input.note) form.append("note", input.note);
  for (const f of input.files) form.append("files", f, f.name);
  let res: Response;
  try {
    res = await fetch(`/api/commitments/${input.commitmentId}/progress`, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { "x-csrf-token": me.csrfToken, accept: "application/json" },
    });
  } catch {
    throw new ApiError(0, "NETWORK", "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.");
  }
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: { path: string; message: string }[] } } & z.infer<typeof PostProgressResponse>;
  if (!res.ok) {
    throw new ApiError(res.status, body.error?.code ?? `HTTP_${res.status}`, body.error?.message ?? (res.status === 413 ? "Tệp quá lớn" : "Không gửi được cập nhật"), body.error?.details ?? []);
  }
  return body;
}

export function usePostProgress() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: postProgress,
    onSuccess: async () => {
      await Promise.all([["progress"], ["registrations"], ["home"]].map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}

/** Human file size: "820 KB", "3,4 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}
