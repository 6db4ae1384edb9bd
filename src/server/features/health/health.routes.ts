import { z } from "zod";
import type { Feature } from "../../http/app-types.js";

export const healthRoutes: Feature = (app, { db, config }) => {
  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: {
        tags: ["Hệ thống"],
        summary: "Tình trạng hoạt động",
        response: { 200: z.object({ status: z.literal("ok"), db: z.enum(["pglite", "postgres"]), version: z.string() }) },
      },
    },
    async () => {
      await db.query("SELECT 1");
      return { status: "ok" as const, db: db.kind, version: config.version };
    },
  );
};
