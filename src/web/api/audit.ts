import type { AuditListResponse } from "@contracts/audit.js";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client";

export type AuditList = z.infer<typeof AuditListResponse>;
export type AuditEntry = AuditList["items"][number];

export interface AuditFilters {
  unitId?: string | null;
  action?: string | null;
  actor?: string | null;
  from?: string | null;
  to?: string | null;
  page: number;
  pageSize: number;
}

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: ["audit", "list", filters],
    queryFn: () => api<AuditList>("/api/audit", { query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}
