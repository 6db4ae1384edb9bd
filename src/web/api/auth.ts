import type { ChangePasswordBody, LoginBody, MeResponse } from "@contracts/auth.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api, ApiError, setCsrfToken } from "./client";

export type Me = z.infer<typeof MeResponse>;
export type Account = Me["account"];

export const ME_KEY = ["me"] as const;

async function fetchMe(): Promise<Me> {
  const me = await api<Me>("/api/auth/me", { noAuthRedirect: true });
  setCsrfToken(me.csrfToken);
  return me;
}

/** The query of the signed-in account, for useMe and for the prefetch at start-up (app/root.tsx). */
export const meQuery = { queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false } as const;

/** The signed-in account (and its CSRF token); a 401 leaves the query in error with status 401. */
export function useMe() {
  return useQuery(meQuery);
}

/**
 * Signs in. When a session cookie is still there (another account signed in, then the page was
 * reloaded), the server wants that session's CSRF token even for the login: fetch it and retry.
 */
async function login(body: z.input<typeof LoginBody>): Promise<Me> {
  const send = () => api<Me>("/api/auth/login", { method: "POST", body, noAuthRedirect: true });
  try {
    return await send();
  } catch (err) {
    if (!(err instanceof ApiError && err.code === "CSRF_FAILED")) throw err;
    await fetchMe();
    return send();
  }
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.clear();
      qc.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/api/auth/logout", { method: "POST", noAuthRedirect: true }),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ChangePasswordBody>) => api<void>("/api/auth/change-password", { method: "POST", body }),
    onSuccess: () => {
      // The shell sends accounts with a temporary password back here until /me says otherwise.
      qc.setQueryData<Me>(ME_KEY, (old) => (old ? { ...old, account: { ...old.account, mustChangePassword: false } } : old));
      return qc.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
