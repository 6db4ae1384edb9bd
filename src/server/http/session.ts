import type { FastifyRequest } from "fastify";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { resolveActor } from "../features/auth/auth.service.js";
import type { App } from "./app-types.js";
import { AppError } from "./errors.js";

export const SESSION_COOKIE = "dvk_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function clientIp(req: FastifyRequest): string | null {
  return req.ip || null;
}

/**
 * Resolves the actor of every /api request from the session cookie, before the body is parsed:
 * a route not marked public answers 401 without a session, and a cookie-authenticated write
 * must carry the session's CSRF token in a header (a cross-site form cannot set it).
 */
export function registerSession(app: App, deps: { db: Db; config: Config }): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await resolveActor(deps.db, token, clientIp(req), deps.config.demoAccounts) : null;
    const isPublic = req.routeOptions.config?.public === true;
    if (!req.routeOptions.url) return; // unknown route: the 404 handler answers
    // Public routes (sign-in) act on no session's authority, so an old cookie needs no CSRF token there.
    if (isPublic) return;
    if (!req.actor) throw new AppError("UNAUTHENTICATED", "Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập");
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== req.actor.csrfToken) {
      throw new AppError("CSRF_FAILED", "Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.");
    }
  });
}

/**
 * The session cookie: Secure when configured, or when the request came over HTTPS (directly or
 * through a trusted proxy's X-Forwarded-Proto: `req.protocol` only reads that header from the
 * proxies TRUST_PROXY names), so a deployment behind an HTTPS proxy needs no extra setting.
 */
export function sessionCookieOptions(config: Config, req: FastifyRequest, expires?: Date) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.secureCookies || req.protocol === "https",
    ...(expires ? { expires } : {}),
  };
}
