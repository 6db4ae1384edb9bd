import { AppError, forbidden } from "./errors.js";
import type { UnitSet } from "./unit-set.js";

export type PositionRole = "secretary" | "deputy_secretary" | "committee_member" | "member";

export interface ActorPosition {
  positionId: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  role: PositionRole;
  title: string | null;
}

/** Who is acting: the signed-in account with its scopes as unit sets (cached subtrees, scope-subtrees.ts). */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  personId: string | null;
  isAdmin: boolean;
  /** A demo account (seeded with the published password; accounts.is_demo). */
  isDemo: boolean;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
  ip: string | null;
  /** Units the account manages (roots of its manage scopes and everything under them). */
  manageUnits: UnitSet;
  /** Units of the account's view and manage scopes (whole subtrees): staff reads. */
  scopeUnits: UnitSet;
  /** Units the account may read: its scope units plus the units where the person holds a position. */
  viewUnits: UnitSet;
  /** Roots of the scopes, for display. */
  scopes: { unitId: string; unitName: string; scope: "manage" | "view" }[];
  /** Positions the person holds today. */
  positions: ActorPosition[];
}

/** May the actor read things of this unit? */
export function canView(actor: Actor, unitId: string): boolean {
  return actor.isAdmin || actor.viewUnits.has(unitId) || actor.manageUnits.has(unitId);
}

/** May the actor change things of this unit? */
export function canManage(actor: Actor, unitId: string): boolean {
  return actor.isAdmin || actor.manageUnits.has(unitId);
}

/**
 * May the actor rename, move or end a unit whose parent is `parentId`? That is the act of the
 * level above: managing the unit itself is not enough (a cell's secretary cannot dissolve or
 * rename his own cell); a unit without a parent is the administrator's.
 */
export function canRestructure(actor: Actor, parentId: string | null): boolean {
  return actor.isAdmin || (parentId !== null && actor.manageUnits.has(parentId));
}

/** Does the actor hold one of these positions in this very unit today? */
export function holdsPosition(actor: Actor, unitId: string, ...roles: PositionRole[]): boolean {
  return actor.positions.some((p) => p.unitId === unitId && roles.includes(p.role));
}

/**
 * Throws 404 when the actor may not even know the thing exists, else nothing. Used for reads of
 * a single record by id: "not yours" and "does not exist" look the same from outside.
 */
export function assertCanView(actor: Actor, unitId: string): void {
  if (!canView(actor, unitId)) throw new AppError("NOT_FOUND", "Không tìm thấy dữ liệu");
}

/** Throws 403 when the actor may see the unit but not change it (404 when it may not see it). */
export function assertCanManage(actor: Actor, unitId: string): void {
  assertCanView(actor, unitId);
  if (!canManage(actor, unitId)) throw forbidden();
}

/** Units visible to the actor, for SQL filters (`unit_id = ANY($n)`); null means everything. */
export function visibleUnitIds(actor: Actor): string[] | null {
  return actor.isAdmin ? null : [...actor.viewUnits];
}

/** A scope of this many units or fewer is sent to SQL as its units; a larger one as its roots. */
export const SCOPE_UNITS_LIMIT = 500;

/**
 * The actor's staff scope for SQL filters (units.queries inScopeSql): `units` when the scope is
 * small, `roots` (of its subtrees) when it is large; both null for an administrator (everything).
 * `rootId` narrows to one unit's subtree (the caller checks that it is inside the scope).
 */
export function scopeFilter(actor: Actor, rootId?: string): { units: string[] | null; roots: string[] | null } {
  if (rootId) return { units: null, roots: [rootId] };
  if (actor.isAdmin) return { units: null, roots: null };
  const units: string[] = [];
  for (const u of actor.scopeUnits) {
    if (units.length >= SCOPE_UNITS_LIMIT) return { units: null, roots: [...new Set(actor.scopes.map((s) => s.unitId))] };
    units.push(u);
  }
  return { units, roots: null };
}

/** May the actor read staff records (people's details, audit) of this unit? */
export function canViewStaff(actor: Actor, unitId: string): boolean {
  return actor.isAdmin || actor.scopeUnits.has(unitId);
}
