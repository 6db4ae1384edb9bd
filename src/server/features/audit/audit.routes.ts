import { AUDIT_ACTION_LABELS, AuditListResponse, AuditQuery } from "@contracts/audit.js";
import { todayInVietnam } from "@domain/dates.js";
import { canViewStaff, scopeFilter } from "../../http/actor.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { forbidden, notFound } from "../../http/errors.js";
import { decodePageCursor, encodePageCursor } from "../../http/page-cursor.js";
import { findAuditEntries } from "./audit.queries.js";

const AT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export const auditRoutes: Feature = (app, { db }) => {
  app.get(
    "/api/audit",
    { schema: { tags: ["Nhật ký thao tác"], summary: "Nhật ký thao tác trong phạm vi", querystring: AuditQuery, response: { 200: AuditListResponse } } },
    async (req) => {
      const actor = actorOf(req);
      const all = scopeFilter(actor);
      if (all.units !== null && all.units.length === 0) throw forbidden("Bạn không có quyền xem nhật ký thao tác");
      if (req.query.unitId && !canViewStaff(actor, req.query.unitId)) throw notFound("Không tìm thấy đơn vị");
      const { limit } = req.query;
      const after = req.query.after ? decodePageCursor(req.query.after, ["string", "number"], ([at]) => AT_KEY.test(at) && !Number.isNaN(Date.parse(at))) : null;
      // one row more than the page says whether another page follows
      const rows = await findAuditEntries(db, {
        scope: req.query.unitId ? scopeFilter(actor, req.query.unitId) : all,
        today: todayInVietnam(),
        action: req.query.action ?? null,
        actor: req.query.actor ?? null,
        from: req.query.from ?? null,
        to: req.query.to ?? null,
        after: after ? { at: after[0], id: after[1] } : null,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        nextCursor: rows.length > limit && last ? encodePageCursor([last.at_key, last.id]) : null,
        items: page.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorUsername: r.actor_username,
          action: r.action,
          actionLabel: AUDIT_ACTION_LABELS[r.action] ?? r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          unitId: r.unit_id,
          unitName: r.unit_name,
          before: r.before,
          after: r.after,
          ip: r.ip,
        })),
      };
    },
  );
};
