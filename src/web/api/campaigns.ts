import type {
  CampaignDetail,
  CampaignListResponse,
  CreateCampaignBody,
  CreateCriteriaSetBody,
  CriteriaSetDetail,
  CriteriaSetListResponse,
  UnissuedPlansResponse,
  UpdateCampaignBody,
  UpdateCriteriaSetBody,
} from "@contracts/campaigns.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client";

export type CampaignList = z.infer<typeof CampaignListResponse>;
export type CampaignItem = CampaignList["items"][number];
export type CampaignDetailData = z.infer<typeof CampaignDetail>;
export type CascadeRowData = NonNullable<CampaignDetailData["cascade"]>[number];
export type CriteriaSetList = z.infer<typeof CriteriaSetListResponse>;
export type CriteriaSetDetailData = z.infer<typeof CriteriaSetDetail>;
export type UnissuedPlans = z.infer<typeof UnissuedPlansResponse>;

/** Campaign and plan screens show each other's data (the cascade lists plans): one refresh for both. */
export const CAMPAIGN_KEYS = [["campaigns"], ["plans"], ["criteria-sets"], ["notifications"], ["todo"], ["home"]] as const;

export function useCampaignMutation<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(CAMPAIGN_KEYS.map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}

export function useCampaigns() {
  return useQuery({ queryKey: ["campaigns", "list"], queryFn: () => api<CampaignList>("/api/campaigns") });
}

export function useCampaign(id: string | undefined) {
  return useQuery({ queryKey: ["campaigns", "detail", id], queryFn: () => api<CampaignDetailData>(`/api/campaigns/${id}`), enabled: Boolean(id) });
}

export function useUnissuedPlans(enabled = true) {
  return useQuery({ queryKey: ["campaigns", "unissued-plans"], queryFn: () => api<UnissuedPlans>("/api/campaigns/unissued-plans"), enabled });
}

/** Deletes a draft or cancels an active campaign nothing depends on (the server says what does). */
export function useRemoveCampaign() {
  return useCampaignMutation((id: string) => api<void>(`/api/campaigns/${id}`, { method: "DELETE" }));
}

export function useCreateCampaign() {
  return useCampaignMutation((body: z.input<typeof CreateCampaignBody>) => api<{ id: string }>("/api/campaigns", { method: "POST", body }));
}

export function useUpdateCampaign(id: string) {
  return useCampaignMutation((body: z.input<typeof UpdateCampaignBody>) => api<void>(`/api/campaigns/${id}`, { method: "PATCH", body }));
}

export function useCriteriaSets() {
  return useQuery({ queryKey: ["criteria-sets", "list"], queryFn: () => api<CriteriaSetList>("/api/criteria-sets") });
}

export function useCriteriaSet(id: string | undefined) {
  return useQuery({ queryKey: ["criteria-sets", "detail", id], queryFn: () => api<CriteriaSetDetailData>(`/api/criteria-sets/${id}`), enabled: Boolean(id) });
}

export function useCreateCriteriaSet() {
  return useCampaignMutation((body: z.input<typeof CreateCriteriaSetBody>) => api<{ id: string }>("/api/criteria-sets", { method: "POST", body }));
}

export function useUpdateCriteriaSet(id: string) {
  return useCampaignMutation((body: z.input<typeof UpdateCriteriaSetBody>) => api<void>(`/api/criteria-sets/${id}`, { method: "PUT", body }));
}

export function usePublishCriteriaSet(id: string) {
  return useCampaignMutation(() => api<void>(`/api/criteria-sets/${id}/publish`, { method: "POST" }));
}
