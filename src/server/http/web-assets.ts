import { existsSync } from "node:fs";
import path from "node:path";
import compress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Hashed file names never change content: a browser may keep them for a year without asking. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** index.html names the current chunks: always revalidated (ETag/Last-Modified make that a 304). */
export const REVALIDATE = "no-cache";

/**
 * Compression of dynamic responses (API JSON, the SPA's index.html when it has no precompressed
 * sibling). Only text is compressed: DOCX, XLSX, PDF and images are zip/deflate/JPEG inside already
 * (mime-db marks them not compressible, and `octet-stream` is left out of the pattern, unlike the
 * plugin's default). Brotli at quality 4 (the plugin's default) costs about what gzip does; the
 * static files were compressed at the highest levels when built. Request bodies are never inflated:
 * the body limit must apply to what arrives.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ["br", "gzip"],
    customTypes: /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)xml(?:;|$)|javascript/u,
    globalDecompression: false,
  });
}

/**
 * The built web client (`dist/web`, see vite.config.ts): files under /assets/ carry a content hash
 * in their names and are cached immutably; everything else (index.html) is revalidated on every
 * use, so a new release is picked up on the next page load. `.br`/`.gz` siblings made at build time
 * are sent to clients that accept them (`preCompressed`). Any other GET of a path outside /api/
 * and /assets/ is a client-side route and gets index.html. A path naming a file (a dot in its last
 * segment: /favicon.ico, /.vite/manifest.json) or a missing /assets/ file is a 404, not the page:
 * a tab still running an old release then fails to load a removed chunk cleanly (the web client
 * offers a reload, app/page-loading.tsx), and no file request is answered with HTML.
 */
export async function registerWebAssets(app: FastifyInstance, webDir: string): Promise<void> {
  if (!existsSync(path.join(webDir, "index.html"))) return;
  const assetsDir = path.join(webDir, "assets") + path.sep;
  await app.register(fastifyStatic, {
    root: webDir,
    // One route per built file, found at start-up; the compressed siblings are looked up by
    // `preCompressed`, they need no routes of their own. Dot folders (Vite's .vite/manifest.json)
    // are not served.
    wildcard: false,
    globIgnore: ["**/*.br", "**/*.gz"],
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header("cache-control", file.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE);
    },
  });
  // Registered in its own context: Fastify refuses a second not-found handler on the root, set by
  // registerErrorHandling.
  await app.register(
    async (web) => {
      web.setNotFoundHandler((req, reply) => {
        const isRead = req.method === "GET" || req.method === "HEAD";
        const pathname = req.url.split("?", 1)[0]!;
        const namesFile = pathname.slice(pathname.lastIndexOf("/") + 1).includes(".");
        if (isRead && !namesFile && !pathname.startsWith("/api/") && !pathname.startsWith("/assets/")) {
          return reply.type("text/html; charset=utf-8").sendFile("index.html");
        }
        return reply.status(404).send({ error: { code: "NOT_FOUND", message: "Không tìm thấy địa chỉ yêu cầu" } });
      });
    },
    { prefix: "/" },
  );
}
