import { AccountListQuery, AccountListResponse, CreateAccountBody, ResetPasswordBody, SetScopesBody } from "@contracts/accounts.js";
import { IdParams } from "@contracts/common.js";
import { z } from "zod";
import { actorOf, type Feature } from "../../http/app-types.js";
import * as svc from "./accounts.service.js";

const tags = ["Tài khoản"];

export const accountsRoutes: Feature = (app, { db }) => {
  app.get("/api/accounts", { schema: { tags, summary: "Tài khoản trong phạm vi", querystring: AccountListQuery, response: { 200: AccountListResponse } } }, async (req) => {
    const list = await svc.listAccounts({ db, actor: actorOf(req), ...req.query });
    return {
      nextCursor: list.nextCursor,
      items: list.items.map(({ row, scopes, canManage }) => ({
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        personId: row.person_id,
        personName: row.person_name,
        isAdmin: row.is_admin,
        disabled: row.disabled_at !== null,
        mustChangePassword: row.must_change_password,
        isDemo: row.is_demo,
        createdAt: row.created_at.toISOString(),
        scopes: scopes.map((s) => ({ unitId: s.unit_id, unitName: s.unit_name, scope: s.scope })),
        canManage,
      })),
    };
  });

  app.post("/api/accounts", { schema: { tags, summary: "Tạo tài khoản", body: CreateAccountBody, response: { 201: z.object({ id: z.string() }) } } }, async (req, reply) => {
    const id = await svc.createAccount({ db, actor: actorOf(req), ...req.body });
    return reply.status(201).send({ id });
  });

  app.post("/api/accounts/:id/reset-password", { schema: { tags, summary: "Đặt lại mật khẩu", params: IdParams, body: ResetPasswordBody } }, async (req, reply) => {
    await svc.resetPassword({ db, actor: actorOf(req), id: req.params.id, newPassword: req.body.newPassword });
    return reply.status(204).send();
  });

  app.post("/api/accounts/:id/disable", { schema: { tags, summary: "Khóa tài khoản", params: IdParams } }, async (req, reply) => {
    await svc.setAccountDisabled({ db, actor: actorOf(req), id: req.params.id, disabled: true });
    return reply.status(204).send();
  });

  app.post("/api/accounts/:id/enable", { schema: { tags, summary: "Mở khóa tài khoản", params: IdParams } }, async (req, reply) => {
    await svc.setAccountDisabled({ db, actor: actorOf(req), id: req.params.id, disabled: false });
    return reply.status(204).send();
  });

  app.put("/api/accounts/:id/scopes", { schema: { tags, summary: "Đặt phạm vi quyền", params: IdParams, body: SetScopesBody } }, async (req, reply) => {
    await svc.setAccountScopes({ db, actor: actorOf(req), id: req.params.id, scopes: req.body.scopes });
    return reply.status(204).send();
  });
};
