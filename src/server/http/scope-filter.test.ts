/**
 * A staff list filters by the actor's scope in one of two ways (actor.ts scopeFilter): the scope's
 * units when it is small, the roots of its subtrees when it is large (a province). Both must give
 * the same rows: here every demo account's people, accounts and audit entries are read both ways.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "@domain/dates.js";
import { resolveActor } from "../features/auth/auth.service.js";
import * as accounts from "../features/accounts/accounts.queries.js";
import { findAuditEntries } from "../features/audit/audit.queries.js";
import { findPeople } from "../features/people/people.queries.js";
import { setupTestApp, signIn, type TestContext } from "../test/support.js";
import { scopeFilter, SCOPE_UNITS_LIMIT } from "./actor.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});
afterAll(() => ctx.close());

describe("the scope filter of staff lists", () => {
  it("small scopes go as units, large ones as roots; an administrator sees everything", async () => {
    const actorOf = async (username: string) => {
      const c = await signIn(ctx.app, username);
      const token = decodeURIComponent(c.cookie.split("=")[1]!);
      return (await resolveActor(ctx.db, token, null, true))!;
    };
    expect(scopeFilter(await actorOf("admin"))).toEqual({ units: null, roots: null });
    const commune = await actorOf("xa.bithu");
    expect(commune.scopeUnits.has(ctx.units["cb-tieu-hoc-thanh-an"]!)).toBe(true);
    const f = scopeFilter(commune);
    expect(f.roots).toBeNull();
    expect(new Set(f.units)).toEqual(new Set(commune.scopeUnits));
    expect(SCOPE_UNITS_LIMIT).toBeGreaterThan(f.units!.length);
  });

  for (const username of ["xa.bithu", "khoivan.xa", "th.bithu", "thanhhoa.bithu"]) {
    it(`${username}: the same people, accounts and audit entries by units and by roots`, async () => {
      const c = await signIn(ctx.app, username);
      const token = decodeURIComponent(c.cookie.split("=")[1]!);
      const actor = (await resolveActor(ctx.db, token, null, true))!;
      const byUnits = { units: [...actor.scopeUnits], roots: null };
      const byRoots = { units: null, roots: actor.scopes.map((s) => s.unitId) };
      const today = todayInVietnam();
      const people = async (scope: typeof byUnits | typeof byRoots) =>
        (await findPeople(ctx.db, { scope, key: null, unitId: null, today, after: null, limit: 1000 })).map((r) => r.id);
      const accts = async (scope: typeof byUnits | typeof byRoots) =>
        (await accounts.listAccounts(ctx.db, { scope, key: null, today, after: null, limit: 1000 })).map((r) => r.username);
      const audit = async (scope: typeof byUnits | typeof byRoots) =>
        (await findAuditEntries(ctx.db, { scope, today, action: null, actor: null, from: null, to: null, after: null, limit: 1000 })).map((r) => r.id);
      const p = await people(byUnits);
      expect(p.length, "people in scope").toBeGreaterThan(0);
      expect(await people(byRoots)).toEqual(p);
      const a = await accts(byUnits);
      expect(a).toContain(username);
      expect(await accts(byRoots)).toEqual(a);
      expect(await audit(byRoots)).toEqual(await audit(byUnits));
    });
  }
});
