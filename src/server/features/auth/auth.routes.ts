import { z } from "zod";
import { ChangePasswordBody, LoginBody, MeResponse } from "@contracts/auth.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { SESSION_COOKIE, sessionCookieOptions } from "../../http/session.js";
import { getPersonName } from "../people/people.queries.js";
import { presentMe } from "./auth.present.js";
import { changeOwnPassword, login, logout } from "./auth.service.js";

export const authRoutes: Feature = (app, { db, config }) => {
  app.post(
    "/api/auth/login",
    {
      config: { public: true },
      schema: { tags: ["Đăng nhập"], summary: "Đăng nhập", body: LoginBody, response: { 200: MeResponse } },
    },
    async (req, reply) => {
      const { token, actor, expiresAt } = await login({
        db,
        username: req.body.username,
        password: req.body.password,
        ip: req.ip || null,
        userAgent: req.headers["user-agent"] ?? null,
        ttlHours: config.sessionTtlHours,
        previousSessionId: req.actor?.sessionId ?? null,
        demoAccounts: config.demoAccounts,
      });
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config, req, expiresAt));
      return presentMe(actor, actor.personId ? await getPersonName(db, actor.personId) : null);
    },
  );

  app.post("/api/auth/logout", { schema: { tags: ["Đăng nhập"], summary: "Đăng xuất" } }, async (req, reply) => {
    await logout({ db, actor: actorOf(req) });
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config, req));
    return reply.status(204).send();
  });

  app.get("/api/auth/me", { schema: { tags: ["Đăng nhập"], summary: "Tài khoản đang đăng nhập", response: { 200: MeResponse } } }, async (req) => {
    const actor = actorOf(req);
    return presentMe(actor, actor.personId ? await getPersonName(db, actor.personId) : null);
  });

  app.post(
    "/api/auth/change-password",
    { schema: { tags: ["Đăng nhập"], summary: "Đổi mật khẩu của tôi", body: ChangePasswordBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await changeOwnPassword({ db, actor: actorOf(req), ...req.body });
      return reply.status(204).send(null);
    },
  );
};
