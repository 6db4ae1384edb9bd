import type { AccountListResponse, CreateAccountBody, ResetPasswordBody, SetScopesBody } from "@contracts/accounts.js";
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client";

export type AccountList = z.infer<typeof AccountListResponse>;
export type AccountRow = AccountList["items"][number];

/** Accounts in my scope by username, a page at a time; `fetchNextPage` reads on. */
export function useAccounts(q?: string) {
  return useInfiniteQuery({
    queryKey: ["accounts", "list", q ?? ""],
    queryFn: ({ pageParam }) => api<AccountList>("/api/accounts", { query: { q, after: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

function useAccountMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ["accounts"] }), qc.invalidateQueries({ queryKey: ["audit"] })]);
    },
  });
}

export function useCreateAccount() {
  return useAccountMutation((body: z.input<typeof CreateAccountBody>) => api<{ id: string }>("/api/accounts", { method: "POST", body }));
}

export function useResetPassword() {
  return useAccountMutation(({ id, ...body }: z.input<typeof ResetPasswordBody> & { id: string }) =>
    api<void>(`/api/accounts/${id}/reset-password`, { method: "POST", body }),
  );
}

export function useSetAccountDisabled() {
  return useAccountMutation(({ id, disabled }: { id: string; disabled: boolean }) =>
    api<void>(`/api/accounts/${id}/${disabled ? "disable" : "enable"}`, { method: "POST" }),
  );
}

export function useSetScopes() {
  return useAccountMutation(({ id, ...body }: z.input<typeof SetScopesBody> & { id: string }) =>
    api<void>(`/api/accounts/${id}/scopes`, { method: "PUT", body }),
  );
}
