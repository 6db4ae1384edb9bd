import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { WorkerPool } from "../workers/worker-pool.js";
import type { Actor } from "./actor.js";
import { AppError } from "./errors.js";

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface FeatureDeps {
  db: Db;
  /**
   * Where the heavy read-only pages read: roll-ups, who has not reported, the Excel exports. A
   * streaming replica when DATABASE_REPLICA_URL is set (a few milliseconds behind), else `db`.
   */
  readDb: Db;
  config: Config;
  /** Worker threads for rendering documents and spreadsheets and reading uploads. */
  workers: WorkerPool;
}

/** A feature registers its routes; adding a feature is one line in app.ts. */
export type Feature = (app: App, deps: FeatureDeps) => void | Promise<void>;

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** The app's worker pool (closed with the app). */
    workers: WorkerPool;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, login, OpenAPI, public lookups). */
    public?: boolean;
  }
}

/** The signed-in actor of a request; 401 when there is none. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError("UNAUTHENTICATED", "Vui lòng đăng nhập");
  return req.actor;
}

/** Sends a file download with a Vietnamese file name. */
export function sendFile(reply: FastifyReply, opts: { body: Buffer; contentType: string; fileName: string }) {
  const ascii = opts.fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\w.-]+/g, "_");
  return reply
    .header("Content-Type", opts.contentType)
    .header("Content-Disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(opts.fileName)}`)
    // should a browser still render it, a downloaded file runs in a sandbox with nothing allowed
    .header("Content-Security-Policy", "sandbox; default-src 'none'")
    .send(opts.body);
}
