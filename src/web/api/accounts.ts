import type { AccountListResponse, CreateAccountBody, ResetPasswordBody, SetScopesBody } from "@contracts/accounts.js";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client";

export type AccountList = z.infer<typeof AccountListResponse>;
export type AccountRow = AccountList["items"][number];

export function useAccounts(q?: string) {
  return useQuery({
    queryKey: ["accounts", "list", q ?? ""],
    queryFn: () => api<AccountList>("/api/accounts", { query: { q } }),
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
