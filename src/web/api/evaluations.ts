import type {
  EvaluationListResponse,
  EvaluationSheet,
  JudgeCommitmentBody,
  MyEvaluationsResponse,
  RateMemberBody,
  SaveSelfAssessmentBody,
  UpdateEvaluationBody,
} from "@contracts/evaluations.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client";

export type EvaluationListItem = z.infer<typeof EvaluationListResponse>["items"][number];
export type Sheet = z.infer<typeof EvaluationSheet>;
export type SheetMember = Sheet["members"][number];
export type SheetCommitment = SheetMember["commitments"][number];
export type SheetWarning = Sheet["warnings"][number];
export type MyEvaluation = z.infer<typeof MyEvaluationsResponse>["items"][number];

const KEY = ["evaluations"] as const;

export function useEvaluations() {
  return useQuery({ queryKey: [...KEY, "list"], queryFn: ({ signal }) => api<z.infer<typeof EvaluationListResponse>>("/api/evaluations", { signal }) });
}

export function useSheet(id: string | undefined) {
  return useQuery({ queryKey: [...KEY, "sheet", id], queryFn: () => api<Sheet>(`/api/evaluations/${id}`), enabled: Boolean(id) });
}

export function useMyEvaluations() {
  return useQuery({ queryKey: [...KEY, "mine"], queryFn: ({ signal }) => api<z.infer<typeof MyEvaluationsResponse>>("/api/evaluations/mine", { signal }) });
}

/** `refreshOnError`: a refused bulk action reloads the sheet too (it may have changed meanwhile). */
function useEvaluationMutation<V, R>(fn: (v: V) => Promise<R>, o: { refreshOnError?: boolean } = {}) {
  const qc = useQueryClient();
  const refresh = async () => {
    await Promise.all([KEY, ["commendations"], ["supervision"], ["home"]].map((queryKey) => qc.invalidateQueries({ queryKey: [...queryKey] })));
  };
  return useMutation({ mutationFn: fn, onSuccess: refresh, ...(o.refreshOnError ? { onError: refresh } : {}) });
}

export const useStartEvaluation = () => useEvaluationMutation((body: { campaignId: string; unitId: string }) => api<{ id: string }>("/api/evaluations", { method: "POST", body }));
export const useUpdateEvaluation = (id: string) => useEvaluationMutation((body: z.input<typeof UpdateEvaluationBody>) => api<void>(`/api/evaluations/${id}`, { method: "PATCH", body }));
export const useJudgeCommitment = (id: string) =>
  useEvaluationMutation(({ commitmentId, ...body }: z.input<typeof JudgeCommitmentBody> & { commitmentId: string }) =>
    api<void>(`/api/evaluations/${id}/commitments/${commitmentId}`, { method: "PUT", body }),
  );
export const useRateMember = (id: string) =>
  useEvaluationMutation(({ personId, ...body }: z.input<typeof RateMemberBody> & { personId: string }) => api<void>(`/api/evaluations/${id}/members/${personId}`, { method: "PUT", body }));
export const useApplySuggestions = (id: string) => useEvaluationMutation(() => api<void>(`/api/evaluations/${id}/apply-suggestions`, { method: "POST" }));
/** The selected members get their suggested rating (all or nothing; each audited on the server). */
export const useApplySuggestedRatings = (id: string) =>
  useEvaluationMutation(
    (personIds: string[]) => api<{ rated: { id: string; name: string; ratingLabel: string }[] }>(`/api/evaluations/${id}/members/apply-suggested`, { method: "POST", body: { personIds } }),
    { refreshOnError: true },
  );
export const useCellApprove = (id: string) =>
  useEvaluationMutation((acknowledgeWarnings: boolean) => api<void>(`/api/evaluations/${id}/cell-approve`, { method: "POST", body: { acknowledgeWarnings } }));
export const useCommuneApprove = (id: string) =>
  useEvaluationMutation((acknowledgeWarnings: boolean) => api<void>(`/api/evaluations/${id}/commune-approve`, { method: "POST", body: { acknowledgeWarnings } }));
export const useUnlock = (id: string) => useEvaluationMutation((reason: string) => api<void>(`/api/evaluations/${id}/unlock`, { method: "POST", body: { reason } }));
export const useSaveSelfAssessment = () =>
  useEvaluationMutation((body: z.input<typeof SaveSelfAssessmentBody>) => api<void>("/api/evaluations/self-assessment", { method: "PUT", body }));
