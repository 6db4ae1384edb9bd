import { IdParams } from "@contracts/common.js";
import { CreateUnitBody, EndUnitBody, UnitDetail, UnitTreeQuery, UnitTreeResponse, UpdateUnitBody } from "@contracts/units.js";
import { z } from "zod";
import { actorOf, type Feature } from "../../http/app-types.js";
import { presentMember, presentUnit, presentVersion } from "./units.present.js";
import { createUnit, endUnit, getUnitDetail, listUnitTree, updateUnit } from "./units.service.js";

const tags = ["Tổ chức"];

export const unitsRoutes: Feature = (app, { db }) => {
  app.get("/api/units", { schema: { tags, summary: "Cây tổ chức tại một ngày", querystring: UnitTreeQuery, response: { 200: UnitTreeResponse } } }, async (req) => {
    const actor = actorOf(req);
    const { asOf, rows } = await listUnitTree({ db, actor, asOf: req.query.asOf });
    return { asOf, units: rows.map((r) => presentUnit(r, actor)) };
  });

  app.get(
    "/api/units/:id",
    { schema: { tags, summary: "Chi tiết đơn vị", params: IdParams, querystring: UnitTreeQuery, response: { 200: UnitDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const d = await getUnitDetail({ db, actor, id: req.params.id, asOf: req.query.asOf });
      return {
        unit: presentUnit(d.unit, actor),
        parentName: d.parentName,
        children: d.children.map((c) => presentUnit(c, actor)),
        members: d.members.map(presentMember),
        history: d.history.map(presentVersion),
      };
    },
  );

  app.post("/api/units", { schema: { tags, summary: "Thêm đơn vị", body: CreateUnitBody, response: { 201: z.object({ id: z.string() }) } } }, async (req, reply) => {
    const id = await createUnit({ db, actor: actorOf(req), ...req.body });
    return reply.status(201).send({ id });
  });

  app.patch("/api/units/:id", { schema: { tags, summary: "Đổi tên, chuyển đơn vị từ một ngày", params: IdParams, body: UpdateUnitBody } }, async (req, reply) => {
    await updateUnit({ db, actor: actorOf(req), id: req.params.id, ...req.body });
    return reply.status(204).send();
  });

  app.post("/api/units/:id/end", { schema: { tags, summary: "Kết thúc hoạt động đơn vị", params: IdParams, body: EndUnitBody } }, async (req, reply) => {
    await endUnit({ db, actor: actorOf(req), id: req.params.id, lastDay: req.body.lastDay });
    return reply.status(204).send();
  });
};
