import type { ReportCampaignList, ReportView, RollupView, SaveReportBody, SubmissionsView } from "@contracts/reports.js";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

export type { ReportCampaignList, ReportView, RollupView, SubmissionsView };

const base = (campaignId: string, unitId: string) => `/api/reports/${campaignId}/units/${unitId}`;

/** Campaigns I report on or follow, with my units in each. */
export function useReportCampaigns() {
  return useQuery({ queryKey: ["reports", "campaigns"], queryFn: () => api<ReportCampaignList>("/api/reports/campaigns") });
}

/** A unit's report: live figures until submitted, then frozen. Always re-read when shown. */
export function useUnitReport(campaignId: string | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: ["reports", "unit", campaignId, unitId],
    queryFn: () => api<ReportView>(base(campaignId!, unitId!)),
    enabled: Boolean(campaignId && unitId),
    staleTime: 0,
  });
}

/** Rows of child units per page of the roll-up (the total never depends on it). */
export const ROLLUP_PAGE_SIZE = 50;

/**
 * The live roll-up of a subtree, its child units a page at a time (by name); `fetchNextPage` reads
 * on. Never cached, so a member's update shows at once.
 */
export function useRollup(campaignId: string | undefined, unitId: string | undefined, enabled = true) {
  return useInfiniteQuery({
    queryKey: ["reports", "rollup", campaignId, unitId],
    queryFn: ({ pageParam }) =>
      api<RollupView>(`${base(campaignId!, unitId!)}/rollup?${new URLSearchParams({ limit: String(ROLLUP_PAGE_SIZE), ...(pageParam ? { after: pageParam } : {}) }).toString()}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: enabled && Boolean(campaignId && unitId),
    staleTime: 0,
    gcTime: 0,
  });
}

export type SubmissionFilter = SubmissionsView["filter"];

/** Units directly under a unit and where their reports stand, a page at a time (by name); `fetchNextPage` reads on. */
export function useSubmissions(campaignId: string | undefined, unitId: string | undefined, filter: SubmissionFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: ["reports", "submissions", campaignId, unitId, filter],
    queryFn: ({ pageParam }) =>
      api<SubmissionsView>(`${base(campaignId!, unitId!)}/submissions?${new URLSearchParams({ filter, ...(pageParam ? { after: pageParam } : {}) }).toString()}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: enabled && Boolean(campaignId && unitId),
    staleTime: 0,
  });
}

function useReportMutation(campaignId: string, unitId: string, suffix: "" | "/submit") {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveReportBody) => api<ReportView>(`${base(campaignId, unitId)}${suffix}`, { method: suffix ? "POST" : "PUT", body }),
    onSuccess: (view) => {
      qc.setQueryData(["reports", "unit", campaignId, unitId], view);
      void qc.invalidateQueries({ queryKey: ["reports", "submissions"] });
      void qc.invalidateQueries({ queryKey: ["reports", "rollup"] });
      void qc.invalidateQueries({ queryKey: ["home", "todo"] });
    },
  });
}

/** Saves the draft. */
export function useSaveReport(campaignId: string, unitId: string) {
  return useReportMutation(campaignId, unitId, "");
}

/** Saves and submits to the level above (through the TTKV); read-only afterwards. */
export function useSubmitReport(campaignId: string, unitId: string) {
  return useReportMutation(campaignId, unitId, "/submit");
}
