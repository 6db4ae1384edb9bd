import { createHash, randomBytes } from "node:crypto";
import { todayInVietnam } from "@domain/dates.js";
import { recordAction } from "../../audit/record-action.js";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { unionOfUnits } from "../../http/unit-set.js";
import { scopeSubtree } from "../units/scope-subtrees.js";
import { AppError, invalid } from "../../http/errors.js";
import * as q from "./auth.queries.js";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.js";

/**
 * Sign-in throttling (OWASP): failures are counted per account *and* address pair, and per
 * address across accounts; never per account alone, so an attacker elsewhere cannot lock the
 * owner out. Past the limit a key is locked, and every further failure doubles the lock (growing
 * delays) up to the cap. A correct sign-in clears its pair.
 */
export const THROTTLE = {
  windowSeconds: 60 * 60,
  pairLimit: 5,
  addressLimit: 20,
  firstLockSeconds: 60,
  maxLockSeconds: 15 * 60,
};

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

// A hash to verify against when the username is unknown, so timing does not reveal accounts.
let dummyHash: Promise<string> | null = null;

/** Checks credentials, throttles failures, opens a session; returns the cookie token. */
export async function login(opts: {
  db: Db;
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  ttlHours: number;
  /** The session the browser still carried, ended by this sign-in (a shared computer changes hands). */
  previousSessionId?: string | null;
  /** May demo accounts sign in (config.demoAccounts: the server runs as a demo)? */
  demoAccounts: boolean;
}): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const { db } = opts;
  const username = opts.username.trim().toLowerCase();
  const pairKey = `account-ip:${username}|${opts.ip ?? "unknown"}`;
  const ipKey = `ip:${opts.ip ?? "unknown"}`;

  const throttles = await q.getThrottle(db, [pairKey, ipKey]);
  const locked = throttles.find((t) => t.locked_until && t.locked_until > new Date());
  if (locked) {
    const seconds = Math.ceil(((locked.locked_until as Date).getTime() - Date.now()) / 1000);
    throw new AppError("RATE_LIMITED", `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`);
  }

  const account = await q.findAccountByUsername(db, username);
  dummyHash ??= hashPassword("không-có-tài-khoản-này-1");
  const ok = account
    ? await verifyPassword(account.password_hash, opts.password)
    : (await verifyPassword(await dummyHash, opts.password), false);

  if (!account || !ok) {
    await db.transaction(async (tx) => {
      await q.addThrottleFailure(tx, pairKey, THROTTLE.pairLimit, THROTTLE);
      await q.addThrottleFailure(tx, ipKey, THROTTLE.addressLimit, THROTTLE);
      await recordAction(tx, null, {
        action: "auth.login_failed",
        subjectType: "account",
        subjectId: account?.id ?? null,
        unitId: null,
        after: { username, ip: opts.ip },
      });
    });
    throw new AppError("INVALID_CREDENTIALS", "Tên đăng nhập hoặc mật khẩu không đúng");
  }
  if (account.disabled_at) throw new AppError("ACCOUNT_DISABLED", "Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.");
  if (account.is_demo && !opts.demoAccounts) throw demoRefused();

  const token = randomBytes(32).toString("base64url");
  const sessionId = sha256(token);
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + opts.ttlHours * 3600_000);
  await db.transaction(async (tx) => {
    await q.clearThrottle(tx, pairKey);
    if (opts.previousSessionId) await q.deleteSession(tx, opts.previousSessionId);
    await q.insertSession(tx, { id: sessionId, accountId: account.id, csrfToken, expiresAt, ip: opts.ip, userAgent: opts.userAgent });
    await recordAction(tx, { accountId: account.id, username: account.username, ip: opts.ip } as Actor, {
      action: "auth.login",
      subjectType: "account",
      subjectId: account.id,
      unitId: null,
    });
  });
  const actor = await resolveActorForSession(db, sessionId, opts.ip, opts.demoAccounts);
  if (!actor) throw new AppError("INTERNAL", "Không tạo được phiên đăng nhập");
  return { token, actor, expiresAt };
}

/**
 * Demo accounts share a published password (`demo123`): they sign in only on a server running as
 * a demo (config.demoAccounts), never on one holding real data (docs/SECURITY.md).
 */
const demoRefused = () =>
  new AppError("DEMO_ACCOUNT_REFUSED", "Đây là tài khoản trình diễn (mật khẩu mặc định); máy chủ này không chạy chế độ trình diễn nên không cho đăng nhập. Vui lòng dùng tài khoản do quản trị viên cấp.");

/**
 * Loads the actor of a cookie token, or null when the session is unknown or expired, its account
 * locked, or a demo account on a server that does not allow them (a session left from a demo run).
 */
export async function resolveActor(db: Db, token: string, ip: string | null, demoAccounts: boolean): Promise<Actor | null> {
  return resolveActorForSession(db, sha256(token), ip, demoAccounts);
}

async function resolveActorForSession(db: Db, sessionId: string, ip: string | null, demoAccounts: boolean): Promise<Actor | null> {
  const today = todayInVietnam();
  const session = await q.findLiveSession(db, sessionId, today);
  if (!session || session.disabled_at || (session.is_demo && !demoAccounts)) return null;
  const { roots, positions: positionRows } = session;
  // each root's subtree from the cache (the tree's version and the day as its key), not recomputed per request
  const subtrees = await Promise.all(roots.map((r) => scopeSubtree(db, r.root_id, session.tree_version, today)));
  const scopes = new Map<string, Actor["scopes"][number]>();
  for (const r of roots) scopes.set(`${r.root_id}:${r.scope}`, { unitId: r.root_id, unitName: r.root_name, scope: r.scope });
  const manageParts = subtrees.filter((_, i) => roots[i]!.scope === "manage");
  return {
    accountId: session.account_id,
    username: session.username,
    displayName: session.display_name,
    personId: session.person_id,
    isAdmin: session.is_admin,
    isDemo: session.is_demo,
    mustChangePassword: session.must_change_password,
    sessionId,
    csrfToken: session.csrf_token,
    ip,
    manageUnits: unionOfUnits(manageParts),
    scopeUnits: unionOfUnits(subtrees),
    viewUnits: unionOfUnits([...subtrees, new Set(positionRows.map((p) => p.unit_id))]),
    scopes: [...scopes.values()],
    positions: positionRows.map((p) => ({
      positionId: p.id,
      unitId: p.unit_id,
      unitName: p.unit_name,
      unitKind: p.unit_kind,
      role: p.role,
      title: p.title,
    })),
  };
}

/** Ends the actor's session. */
export async function logout(opts: { db: Db; actor: Actor }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    await q.deleteSession(tx, opts.actor.sessionId);
    await recordAction(tx, opts.actor, { action: "auth.logout", subjectType: "account", subjectId: opts.actor.accountId, unitId: null });
  });
}

/** Changes the actor's own password and ends their other sessions. */
export async function changeOwnPassword(opts: { db: Db; actor: Actor; currentPassword: string; newPassword: string }): Promise<void> {
  const { db, actor } = opts;
  const account = await q.getAccountById(db, actor.accountId);
  if (!account || !(await verifyPassword(account.password_hash, opts.currentPassword))) {
    throw invalid("Mật khẩu hiện tại không đúng", [{ path: "currentPassword", message: "Mật khẩu hiện tại không đúng" }]);
  }
  const problem = passwordProblem(opts.newPassword);
  if (problem) throw invalid(problem, [{ path: "newPassword", message: problem }]);
  if (opts.newPassword === opts.currentPassword) {
    throw invalid("Mật khẩu mới phải khác mật khẩu hiện tại", [{ path: "newPassword", message: "Mật khẩu mới phải khác mật khẩu hiện tại" }]);
  }
  const newHash = await hashPassword(opts.newPassword);
  await db.transaction(async (tx) => {
    await q.updatePasswordHash(tx, actor.accountId, newHash, false);
    await q.deleteSessionsOfAccount(tx, actor.accountId, actor.sessionId);
    await recordAction(tx, actor, { action: "account.change_own_password", subjectType: "account", subjectId: actor.accountId, unitId: null });
  });
}
