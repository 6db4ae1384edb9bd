import type { CandidatesResponse, CommendationUnitsResponse, CommendedResponse, ProposalListResponse, ProposeBody, ProposeResponse } from "@contracts/commendations.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client";

export type CommendationUnits = z.infer<typeof CommendationUnitsResponse>;
export type Proposal = z.infer<typeof ProposalListResponse>["items"][number];
export type Candidates = z.infer<typeof CandidatesResponse>;
export type Commended = z.infer<typeof CommendedResponse>;

const KEY = ["commendations"] as const;

export function useCommendationUnits() {
  return useQuery({ queryKey: [...KEY, "units"], queryFn: ({ signal }) => api<CommendationUnits>("/api/commendations/units", { signal }) });
}

export function useProposals(campaignId: string | null) {
  return useQuery({
    queryKey: [...KEY, "list", campaignId],
    queryFn: ({ signal }) => api<z.infer<typeof ProposalListResponse>>("/api/commendations", { query: { campaignId }, signal }),
    enabled: Boolean(campaignId),
  });
}

export function useCandidates(campaignId: string | null, unitId: string | null) {
  return useQuery({
    queryKey: [...KEY, "candidates", campaignId, unitId],
    queryFn: ({ signal }) => api<Candidates>("/api/commendations/candidates", { query: { campaignId, unitId }, signal }),
    enabled: Boolean(campaignId && unitId),
  });
}

export function useCommended(campaignId: string | null, unitId: string | null) {
  return useQuery({
    queryKey: [...KEY, "commended", campaignId, unitId],
    queryFn: ({ signal }) => api<Commended>("/api/commendations/commended", { query: { campaignId, unitId }, signal }),
    enabled: Boolean(campaignId && unitId),
  });
}

function useCommendationMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([KEY, ["home"]].map((queryKey) => qc.invalidateQueries({ queryKey: [...queryKey] })));
    },
  });
}

export const usePropose = () => useCommendationMutation((body: z.input<typeof ProposeBody>) => api<z.infer<typeof ProposeResponse>>("/api/commendations", { method: "POST", body }));
export const useApproveProposal = () => useCommendationMutation((id: string) => api<void>(`/api/commendations/${id}/approve`, { method: "POST" }));
export const useDeclineProposal = () => useCommendationMutation(({ id, reason }: { id: string; reason: string }) => api<void>(`/api/commendations/${id}/decline`, { method: "POST", body: { reason } }));
export const useWithdrawProposal = () => useCommendationMutation((id: string) => api<void>(`/api/commendations/${id}`, { method: "DELETE" }));
