import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { vi } from "zod/locales";
import type { Config } from "./config.js";
import { openPostgres, type Db } from "./db/client.js";
import { accountsRoutes } from "./features/accounts/accounts.routes.js";
import { auditRoutes } from "./features/audit/audit.routes.js";
import { authRoutes } from "./features/auth/auth.routes.js";
import { healthRoutes } from "./features/health/health.routes.js";
import { peopleRoutes } from "./features/people/people.routes.js";
import { progressRoutes } from "./features/progress/progress.routes.js";
import { registrationsRoutes } from "./features/registrations/registrations.routes.js";
import { homeRoutes } from "./features/home/home.routes.js";
import { reportsRoutes } from "./features/reports/reports.routes.js";
import { spreadsheetsRoutes } from "./features/spreadsheets/spreadsheets.routes.js";
import { unitsRoutes } from "./features/units/units.routes.js";
import { supervisionRoutes } from "./features/supervision/supervision.routes.js";
import { evaluationsRoutes } from "./features/evaluations/evaluations.routes.js";
import { commendationsRoutes } from "./features/commendations/commendations.routes.js";
import { campaignsRoutes } from "./features/campaigns/campaigns.routes.js";
import { plansRoutes } from "./features/plans/plans.routes.js";
import { notificationsRoutes } from "./features/notifications/notifications.routes.js";
import { documentsRoutes } from "./features/documents/documents.routes.js";
import { tableExportsRoutes } from "./features/table-exports/table-exports.routes.js";
import type { App, Feature } from "./http/app-types.js";
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from "./http/errors.js";
import { registerTextGuard } from "./http/input-text.js";
import { registerSecurityHeaders } from "./http/security-headers.js";
import { registerSession } from "./http/session.js";
import { registerCompression, registerWebAssets } from "./http/web-assets.js";
import { WorkerPool } from "./workers/worker-pool.js";

// Validation messages in Vietnamese wherever a schema does not give its own.
z.config(vi());

/** Every feature of the app: adding one is one line here. */
const FEATURES: Feature[] = [healthRoutes, authRoutes, unitsRoutes, peopleRoutes, accountsRoutes, auditRoutes, spreadsheetsRoutes, reportsRoutes, homeRoutes, registrationsRoutes, progressRoutes, supervisionRoutes, evaluationsRoutes, commendationsRoutes, campaignsRoutes, plansRoutes, notificationsRoutes, tableExportsRoutes, documentsRoutes];

export interface BuildAppOptions {
  db: Db;
  /** The database roll-ups and exports read (FeatureDeps.readDb); default: a replica when configured, else `db`. */
  readDb?: Db;
  config: Config;
  logger?: FastifyServerOptions["logger"];
  /** Called for every route registered (the authorization test walks the route table with it). */
  onRoute?: (route: { method: string; url: string; public: boolean }) => void;
}

/** Builds the HTTP app (tests call this with their own database). */
export async function buildApp({ db, readDb: givenReadDb, config, logger = false, onRoute }: BuildAppOptions): Promise<App> {
  const app = Fastify({ logger, bodyLimit: 2 * 1024 * 1024, trustProxy: config.trustProxy, clientErrorHandler, frameworkErrors }).withTypeProvider<ZodTypeProvider>();
  if (onRoute) {
    app.addHook("onRoute", (r) => {
      for (const method of [r.method].flat()) {
        if (method !== "HEAD") onRoute({ method, url: r.url, public: r.config?.public === true });
      }
    });
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerTextGuard(app);

  await registerSecurityHeaders(app, config.webDir);
  // Before any route: its hooks apply to the routes registered after it.
  await registerCompression(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 10, fields: 50 } });
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Dân vận khéo — API",
        description: "Phong trào thi đua \"Dân vận khéo\" gắn với nội dung \"5 không\"",
        version: config.version,
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "dvk_session" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  // one pool per app, ended when the app closes (main.ts's shutdown, the tests' close)
  const workers = new WorkerPool({ threads: config.renderWorkers, queue: config.renderQueue, sheetBudgetBytes: config.importBudgetBytes });
  app.decorate("workers", workers);
  app.addHook("onClose", () => workers.close());

  // the replica's pool is the app's own, ended with it
  const readDb = givenReadDb ?? (config.databaseReplicaUrl ? openPostgres(config.databaseReplicaUrl) : db);
  if (readDb !== db && !givenReadDb) app.addHook("onClose", () => readDb.close());

  registerSession(app, { db, config });
  for (const feature of FEATURES) await feature(app, { db, readDb, config, workers });

  await registerWebAssets(app, config.webDir);
  return app;
}
