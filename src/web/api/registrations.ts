import type {
  CoverageResponse,
  CreateRegistrationBody,
  CriteriaResponse,
  RegistrationCampaignsResponse,
  RegistrationDetail,
  SheetResponse,
  SheetStatus,
  UpdateRegistrationBody,
} from "@contracts/registrations.js";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client";

export type RegistrationCampaign = z.infer<typeof RegistrationCampaignsResponse>["items"][number];
export type Criteria = z.infer<typeof CriteriaResponse>;
export type Registration = z.infer<typeof RegistrationDetail>;
export type Commitment = Registration["commitments"][number];
export type Sheet = z.infer<typeof SheetResponse>;
export type SheetRow = Sheet["items"][number];
export type Coverage = z.infer<typeof CoverageResponse>;
export type RegistrationInput = z.input<typeof CreateRegistrationBody>;
export type RegistrationUpdate = z.input<typeof UpdateRegistrationBody>;

/** Everything that shows registrations changes together (sheet, coverage, my slots, home, timelines). */
const KEYS = [["registrations"], ["progress"], ["home"], ["notifications"]] as const;

/** `refreshOnError`: a refused bulk action reloads too (a sheet handled meanwhile leaves the list). */
function useRegistrationMutation<V, R = unknown>(fn: (v: V) => Promise<R>, o: { refreshOnError?: boolean } = {}) {
  const qc = useQueryClient();
  const refresh = async () => {
    await Promise.all(KEYS.map((queryKey) => qc.invalidateQueries({ queryKey })));
  };
  return useMutation({ mutationFn: fn, onSuccess: refresh, ...(o.refreshOnError ? { onError: refresh } : {}) });
}

/** Campaigns I take part in: my own sheet per unit, and the unit sheets I oversee. */
export function useRegistrationCampaigns() {
  return useQuery({
    queryKey: ["registrations", "campaigns"],
    queryFn: () => api<{ items: RegistrationCampaign[] }>("/api/registrations/campaigns"),
  });
}

export function useCampaignCriteria(campaignId: string | null | undefined) {
  return useQuery({
    queryKey: ["registrations", "criteria", campaignId],
    queryFn: () => api<Criteria>("/api/registrations/criteria", { query: { campaignId } }),
    enabled: Boolean(campaignId),
    staleTime: 5 * 60_000,
  });
}

export function useRegistration(id: string | undefined) {
  return useQuery({
    queryKey: ["registrations", "detail", id],
    queryFn: () => api<Registration>(`/api/registrations/${id}`),
    enabled: Boolean(id),
  });
}

export interface SheetFilter {
  status?: SheetStatus | null;
  q?: string;
  late?: boolean | null;
}

export function useSheet(campaignId: string | undefined, unitId: string | undefined, filter: SheetFilter) {
  return useQuery({
    queryKey: ["registrations", "sheet", campaignId, unitId, filter],
    queryFn: () =>
      api<Sheet>("/api/registrations", {
        query: { campaignId, unitId, status: filter.status ?? undefined, q: filter.q || undefined, late: filter.late === null || filter.late === undefined ? undefined : String(filter.late) },
      }),
    enabled: Boolean(campaignId && unitId),
    placeholderData: keepPreviousData,
  });
}

export function useCoverage(campaignId: string | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: ["registrations", "coverage", campaignId, unitId],
    queryFn: () => api<Coverage>("/api/registrations/coverage", { query: { campaignId, unitId } }),
    enabled: Boolean(campaignId && unitId),
  });
}

export function useCreateRegistration() {
  return useRegistrationMutation((body: RegistrationInput) => api<{ id: string }>("/api/registrations", { method: "POST", body }));
}

export function useUpdateRegistration(id: string) {
  return useRegistrationMutation((body: RegistrationUpdate) => api<void>(`/api/registrations/${id}`, { method: "PUT", body }));
}

export function useSubmitRegistration() {
  return useRegistrationMutation((id: string) => api<{ late: boolean }>(`/api/registrations/${id}/submit`, { method: "POST" }));
}

/** "Rút lại": the author takes a submitted sheet, not yet reviewed, back to draft. */
export function useWithdrawRegistration() {
  return useRegistrationMutation((id: string) => api<void>(`/api/registrations/${id}/withdraw`, { method: "POST" }));
}

export function useApproveRegistration() {
  return useRegistrationMutation((id: string) => api<void>(`/api/registrations/${id}/approve`, { method: "POST" }));
}

/** Approves several submitted sheets at once (all or nothing; each audited on the server). */
export function useApproveRegistrations() {
  return useRegistrationMutation((ids: string[]) => api<{ approved: { id: string; name: string }[] }>("/api/registrations/approve", { method: "POST", body: { ids } }), {
    refreshOnError: true,
  });
}

export function useReturnRegistration() {
  return useRegistrationMutation(({ id, reason }: { id: string; reason: string }) => api<void>(`/api/registrations/${id}/return`, { method: "POST", body: { reason } }));
}
