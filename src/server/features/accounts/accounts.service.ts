import type { z } from "zod";
import type { CreateAccountBody } from "@contracts/accounts.js";
import { todayInVietnam } from "@domain/dates.js";
import { searchKey } from "@domain/vietnamese-text.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db, Queryable } from "../../db/client.js";
import { scopeFilter, type Actor } from "../../http/actor.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../../http/errors.js";
import { hashPassword, passwordProblem } from "../auth/passwords.js";
import { getPerson } from "../people/people.queries.js";
import { canManageAccount } from "./accounts.policy.js";
import * as q from "./accounts.queries.js";

type ScopeInput = { unitId: string; scope: "manage" | "view" };

/** Accounts of the actor's subtree, with their scopes and whether the actor may change them: a page by username after `after`. */
export async function listAccounts(opts: { db: Db; actor: Actor; q?: string | undefined; after?: string | undefined; limit: number }) {
  const { db, actor } = opts;
  const today = todayInVietnam();
  const scope = scopeFilter(actor);
  if (scope.units !== null && scope.units.length === 0) return { items: [], nextCursor: null };
  // one row more than the page says whether another page follows
  const rows = await q.listAccounts(db, { scope, key: opts.q ? searchKey(opts.q) : null, today, after: opts.after ?? null, limit: opts.limit + 1 });
  const page = rows.slice(0, opts.limit);
  const persons = page.flatMap((r) => (r.person_id ? [r.person_id] : []));
  const [scopes, held] = page.length
    ? await Promise.all([q.listScopes(db, page.map((r) => r.id), today), persons.length ? q.listCurrentPositionUnits(db, persons, today) : Promise.resolve([])])
    : [[], []];
  const items = page.map((r) => {
    const own = scopes.filter((s) => s.account_id === r.id);
    const positionUnitIds = held.filter((h) => h.person_id === r.person_id).map((h) => h.unit_id);
    return { row: r, scopes: own, canManage: canManageAccount(actor, { isAdmin: r.is_admin, scopeUnitIds: own.map((s) => s.unit_id), positionUnitIds }) };
  });
  return { items, nextCursor: rows.length > opts.limit ? page[page.length - 1]!.username : null };
}

async function loadManagedAccount(db: Queryable, actor: Actor, id: string) {
  const row = await q.getAccount(db, id);
  if (!row) throw notFound("Không tìm thấy tài khoản");
  const today = todayInVietnam();
  const scopes = await q.listScopes(db, [id], today);
  const positionUnitIds = row.person_id ? await q.currentPositionUnits(db, row.person_id, today) : [];
  const target = { isAdmin: row.is_admin, scopeUnitIds: scopes.map((s) => s.unit_id), positionUnitIds };
  const visible = actor.isAdmin || [...target.scopeUnitIds, ...positionUnitIds].some((u) => actor.scopeUnits.has(u));
  if (!visible) throw notFound("Không tìm thấy tài khoản");
  if (!canManageAccount(actor, target)) throw forbidden("Tài khoản này nằm ngoài phạm vi quản lý của bạn");
  return { row, scopes };
}

function checkScopesInside(actor: Actor, scopes: ScopeInput[]) {
  scopes.forEach((s, i) => {
    if (!actor.isAdmin && !actor.manageUnits.has(s.unitId)) {
      throw new AppError("FORBIDDEN", "Chỉ được cấp quyền trong phạm vi đơn vị bạn quản lý", [{ path: `scopes.${i}.unitId`, message: "Ngoài phạm vi quản lý" }]);
    }
  });
}

/** Creates an account inside the actor's manage scope; the user must change the password at first sign-in. */
export async function createAccount(opts: { db: Db; actor: Actor } & z.infer<typeof CreateAccountBody>) {
  const { db, actor } = opts;
  if (opts.isAdmin && !actor.isAdmin) throw forbidden("Chỉ quản trị hệ thống được tạo tài khoản quản trị");
  const problem = passwordProblem(opts.password);
  if (problem) throw invalid(problem, [{ path: "password", message: problem }]);
  checkScopesInside(actor, opts.scopes);
  const today = todayInVietnam();
  let positionUnitIds: string[] = [];
  if (opts.personId) {
    if (!(await getPerson(db, opts.personId))) throw invalid("Không tìm thấy người gắn với tài khoản", [{ path: "personId", message: "Không tồn tại" }]);
    positionUnitIds = await q.currentPositionUnits(db, opts.personId, today);
  }
  if (!canManageAccount(actor, { isAdmin: opts.isAdmin, scopeUnitIds: opts.scopes.map((s) => s.unitId), positionUnitIds })) {
    throw forbidden("Tài khoản mới phải thuộc phạm vi đơn vị bạn quản lý (gắn với người đang công tác hoặc có phạm vi quyền trong đơn vị của bạn)");
  }
  if (await q.usernameTaken(db, opts.username)) throw conflict(`Tên đăng nhập "${opts.username}" đã tồn tại`, "username");
  const passwordHash = await hashPassword(opts.password);
  return db.transaction(async (tx) => {
    const id = await q.insertAccount(tx, {
      username: opts.username,
      displayName: opts.displayName,
      personId: opts.personId ?? null,
      passwordHash,
      isAdmin: opts.isAdmin,
      mustChangePassword: true,
      createdBy: actor.accountId,
    });
    await q.replaceScopes(tx, id, opts.scopes);
    await recordAction(tx, actor, {
      action: "account.create",
      subjectType: "account",
      subjectId: id,
      unitId: opts.scopes[0]?.unitId ?? positionUnitIds[0] ?? null,
      after: { username: opts.username, displayName: opts.displayName, personId: opts.personId ?? null, isAdmin: opts.isAdmin, scopes: opts.scopes },
    });
    return id;
  });
}

/** Sets a temporary password, ends the account's sessions and asks for a change at next sign-in. */
export async function resetPassword(opts: { db: Db; actor: Actor; id: string; newPassword: string }) {
  const { db, actor, id } = opts;
  const { row, scopes } = await loadManagedAccount(db, actor, id);
  const problem = passwordProblem(opts.newPassword);
  if (problem) throw invalid(problem, [{ path: "newPassword", message: problem }]);
  const hash = await hashPassword(opts.newPassword);
  await db.transaction(async (tx) => {
    await tx.query("UPDATE accounts SET password_hash = $2, must_change_password = true, password_changed_at = now() WHERE id = $1", [id, hash]);
    await q.deleteSessions(tx, id);
    await recordAction(tx, actor, { action: "account.reset_password", subjectType: "account", subjectId: id, unitId: scopes[0]?.unit_id ?? null, after: { username: row.username } });
  });
}

/** Disables or re-enables an account; disabling ends its sessions at once. */
export async function setAccountDisabled(opts: { db: Db; actor: Actor; id: string; disabled: boolean }) {
  const { db, actor, id, disabled } = opts;
  if (id === actor.accountId) throw invalid("Không thể tự khóa tài khoản của mình");
  const { row, scopes } = await loadManagedAccount(db, actor, id);
  if ((row.disabled_at !== null) === disabled) throw new AppError("INVALID_STATE", disabled ? "Tài khoản đã bị khóa" : "Tài khoản đang hoạt động");
  await db.transaction(async (tx) => {
    await q.setDisabled(tx, id, disabled);
    if (disabled) await q.deleteSessions(tx, id);
    await recordAction(tx, actor, {
      action: disabled ? "account.disable" : "account.enable",
      subjectType: "account",
      subjectId: id,
      unitId: scopes[0]?.unit_id ?? null,
      before: { disabled: !disabled },
      after: { disabled },
    });
  });
}

/** Replaces an account's scopes; every new scope must be inside the actor's manage scope. */
export async function setAccountScopes(opts: { db: Db; actor: Actor; id: string; scopes: ScopeInput[] }) {
  const { db, actor, id } = opts;
  const { scopes } = await loadManagedAccount(db, actor, id);
  checkScopesInside(actor, opts.scopes);
  await db.transaction(async (tx) => {
    await q.replaceScopes(tx, id, opts.scopes);
    await q.deleteSessions(tx, id);
    await recordAction(tx, actor, {
      action: "account.set_scopes",
      subjectType: "account",
      subjectId: id,
      unitId: opts.scopes[0]?.unitId ?? scopes[0]?.unit_id ?? null,
      before: scopes.map((s) => ({ unitId: s.unit_id, scope: s.scope })),
      after: opts.scopes,
    });
  });
}
