import { createContext, useContext } from "react";
import type { Account } from "@web/api/auth";

export const AccountContext = createContext<Account | null>(null);

/** The signed-in account; only inside the app shell (which waits for /api/auth/me). */
export function useAccount(): Account {
  const a = useContext(AccountContext);
  if (!a) throw new Error("useAccount() outside the app shell");
  return a;
}

/** True when the account manages at least one unit (or is an administrator). */
export function managesSomething(a: Account): boolean {
  return a.isAdmin || a.scopes.some((s) => s.scope === "manage");
}
