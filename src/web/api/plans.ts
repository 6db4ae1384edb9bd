import type { AcknowledgementList, CreatePlanBody, NumberSuggestion, PlanDetail, PlansToAcknowledgeResponse, UpdatePlanBody } from "@contracts/plans.js";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { useCampaignMutation } from "./campaigns";
import { api } from "./client";

export type PlanDetailData = z.infer<typeof PlanDetail>;
export type AcknowledgementListData = z.infer<typeof AcknowledgementList>;
export type PlansToAcknowledge = z.infer<typeof PlansToAcknowledgeResponse>;
export type NumberSuggestionData = z.infer<typeof NumberSuggestion>;

export function usePlan(id: string | undefined) {
  return useQuery({ queryKey: ["plans", "detail", id], queryFn: () => api<PlanDetailData>(`/api/plans/${id}`), enabled: Boolean(id) });
}

export function useAcknowledgements(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["plans", "acknowledgements", id],
    queryFn: () => api<AcknowledgementListData>(`/api/plans/${id}/acknowledgements`),
    enabled: Boolean(id) && enabled,
  });
}

export function usePlansToAcknowledge(enabled = true) {
  return useQuery({ queryKey: ["plans", "to-acknowledge"], queryFn: () => api<PlansToAcknowledge>("/api/plans/to-acknowledge"), enabled });
}

export function fetchNumberSuggestion(q: { unitId: string; date: string; planId?: string }) {
  return api<NumberSuggestionData>("/api/plans/number-suggestion", { query: q });
}

export function useCreatePlan() {
  return useCampaignMutation((body: z.input<typeof CreatePlanBody>) => api<{ id: string }>("/api/plans", { method: "POST", body }));
}

export function useUpdatePlan(id: string) {
  return useCampaignMutation((body: z.input<typeof UpdatePlanBody>) => api<void>(`/api/plans/${id}`, { method: "PATCH", body }));
}

export function useIssuePlan(id: string) {
  return useCampaignMutation((body: { date?: string }) => api<{ symbol: string }>(`/api/plans/${id}/issue`, { method: "POST", body }));
}

export function useDeletePlan(id: string) {
  return useCampaignMutation(() => api<void>(`/api/plans/${id}`, { method: "DELETE" }));
}

export function useCreatePlanVersion(id: string) {
  return useCampaignMutation(() => api<{ id: string }>(`/api/plans/${id}/versions`, { method: "POST" }));
}

export function useAcknowledgePlan(id: string) {
  return useCampaignMutation(() => api<void>(`/api/plans/${id}/acknowledge`, { method: "POST" }));
}
