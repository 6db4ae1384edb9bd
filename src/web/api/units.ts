import type { CreateUnitBody, EndUnitBody, UnitDetail, UnitNode, UnitTreeResponse, UpdateUnitBody } from "@contracts/units.js";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client";

export type Unit = z.infer<typeof UnitNode>;
export type UnitTree = z.infer<typeof UnitTreeResponse>;
export type UnitDetailData = z.infer<typeof UnitDetail>;

/** Every query that shows units or people changes when the tree changes. */
export const ORG_KEYS = [["units"], ["people"], ["accounts"], ["audit"]] as const;

/** Units visible to me at a date (today when `asOf` is empty). */
export function useUnitTree(asOf?: string | null) {
  return useQuery({
    queryKey: ["units", "tree", asOf ?? null],
    queryFn: () => api<UnitTree>("/api/units", { query: { asOf } }),
    placeholderData: keepPreviousData,
  });
}

export function useUnit(id: string | undefined, asOf?: string | null) {
  return useQuery({
    queryKey: ["units", "detail", id, asOf ?? null],
    queryFn: () => api<UnitDetailData>(`/api/units/${id}`, { query: { asOf } }),
    enabled: Boolean(id),
  });
}

/** A write that changes the organisation: refreshes units, people, accounts and the audit log. */
export function useOrgMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(ORG_KEYS.map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}

export function useCreateUnit() {
  return useOrgMutation((body: z.input<typeof CreateUnitBody>) => api<{ id: string }>("/api/units", { method: "POST", body }));
}

export function useUpdateUnit(id: string) {
  return useOrgMutation((body: z.input<typeof UpdateUnitBody>) => api<void>(`/api/units/${id}`, { method: "PATCH", body }));
}

export function useEndUnit(id: string) {
  return useOrgMutation((body: z.input<typeof EndUnitBody>) => api<void>(`/api/units/${id}/end`, { method: "POST", body }));
}
