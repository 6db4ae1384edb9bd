import type { AuditListResponse } from "@contracts/audit.js";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
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
}

/** The audit log newest first, a page at a time; `fetchNextPage` reads on. */
export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit", "list", filters],
    queryFn: ({ pageParam }) => api<AuditList>("/api/audit", { query: { ...filters, after: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
