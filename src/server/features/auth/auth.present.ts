import { POSITION_ROLE_LABELS } from "@contracts/common.js";
import type { MeResponse } from "@contracts/auth.js";
import type { Actor } from "../../http/actor.js";

/** Extra menu entries contributed by features (campaign, reports…), decided from the actor. */
export type MenuContributor = (actor: Actor) => string[];
const contributors: MenuContributor[] = [];

/** Lets a feature add its menu entries for the accounts that may use them. */
export function contributeMenu(fn: MenuContributor): void {
  contributors.push(fn);
}

function menuFor(actor: Actor): string[] {
  const hasScope = actor.isAdmin || actor.scopes.length > 0;
  const manages = actor.isAdmin || actor.scopes.some((s) => s.scope === "manage");
  const items = ["home"];
  if (hasScope) items.push("units", "people");
  if (manages) items.push("accounts");
  if (hasScope) items.push("audit");
  for (const c of contributors) items.push(...c(actor));
  return [...new Set(items)];
}

/** The signed-in account as the client sees it (never the password hash or session id). */
export function presentMe(actor: Actor, personName: string | null): MeResponse {
  return {
    account: {
      id: actor.accountId,
      username: actor.username,
      displayName: actor.displayName,
      personId: actor.personId,
      personName,
      isAdmin: actor.isAdmin,
      isDemo: actor.isDemo,
      mustChangePassword: actor.mustChangePassword,
      positions: actor.positions.map((p) => ({
        unitId: p.unitId,
        unitName: p.unitName,
        unitKind: p.unitKind,
        role: p.role,
        roleLabel: POSITION_ROLE_LABELS[p.role],
        title: p.title,
      })),
      scopes: actor.scopes,
      menu: menuFor(actor),
    },
    csrfToken: actor.csrfToken,
  };
}
