import { z } from "zod";
import { IdParams } from "@contracts/common.js";
import {
  AddPositionBody,
  CreatePersonBody,
  EndPositionBody,
  PersonDetail,
  PersonListQuery,
  PersonListResponse,
  PositionIdParams,
  TransferBody,
  UpdatePersonBody,
} from "@contracts/people.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { presentPersonDetail, presentPersonSummary } from "./people.present.js";
import * as svc from "./people.service.js";

const tags = ["Cán bộ, đảng viên"];
const Created = z.object({ id: z.string() });

export const peopleRoutes: Feature = (app, { db }) => {
  app.get("/api/people", { schema: { tags, summary: "Tìm người (không phân biệt dấu, hoa thường)", querystring: PersonListQuery, response: { 200: PersonListResponse } } }, async (req) => {
    const { rows, count, current, nextCursor } = await svc.findPeople({ db, actor: actorOf(req), ...req.query });
    return {
      total: count?.total ?? null,
      totalCapped: count?.totalCapped ?? false,
      nextCursor,
      items: rows.map((p) => presentPersonSummary(p, current.filter((c) => c.person_id === p.id))),
    };
  });

  app.get("/api/people/:id", { schema: { tags, summary: "Thông tin một người", params: IdParams, response: { 200: PersonDetail } } }, async (req) => {
    const actor = actorOf(req);
    const d = await svc.getPersonDetail({ db, actor, id: req.params.id });
    return presentPersonDetail(d.person, d.positions, actor, d.canManage);
  });

  app.post("/api/people", { schema: { tags, summary: "Thêm người vào đơn vị", body: CreatePersonBody, response: { 201: Created } } }, async (req, reply) => {
    const id = await svc.createPerson({ db, actor: actorOf(req), ...req.body });
    return reply.status(201).send({ id });
  });

  app.patch("/api/people/:id", { schema: { tags, summary: "Sửa thông tin", params: IdParams, body: UpdatePersonBody } }, async (req, reply) => {
    await svc.updatePerson({ db, actor: actorOf(req), id: req.params.id, ...req.body });
    return reply.status(204).send();
  });

  app.post("/api/people/:id/positions", { schema: { tags, summary: "Thêm chức vụ", params: IdParams, body: AddPositionBody, response: { 201: Created } } }, async (req, reply) => {
    const id = await svc.addPosition({ db, actor: actorOf(req), personId: req.params.id, ...req.body });
    return reply.status(201).send({ id });
  });

  app.post(
    "/api/people/:id/positions/:positionId/end",
    { schema: { tags, summary: "Kết thúc chức vụ", params: PositionIdParams, body: EndPositionBody } },
    async (req, reply) => {
      await svc.endPosition({ db, actor: actorOf(req), personId: req.params.id, positionId: req.params.positionId, ...req.body });
      return reply.status(204).send();
    },
  );

  app.post("/api/people/:id/transfer", { schema: { tags, summary: "Chuyển sinh hoạt sang đơn vị khác", params: IdParams, body: TransferBody, response: { 201: Created } } }, async (req, reply) => {
    const id = await svc.transferPerson({ db, actor: actorOf(req), personId: req.params.id, ...req.body });
    return reply.status(201).send({ id });
  });
};
