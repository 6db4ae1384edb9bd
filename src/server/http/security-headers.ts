import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * The Content-Security-Policy of the built web app. Scripts come only from the app's own files,
 * plus the inline scripts of the built index.html allowed by their hash (the build writes one:
 * the early preload of the signed-in app, vite.config.ts). Styles also allow 'unsafe-inline': antd's CSS-in-JS writes
 * <style> elements and style attributes at run time, which a nonce cannot cover (style
 * attributes take no nonce). Images: the app's own (evidence thumbnails), data: (the favicon)
 * and blob: (previews of files about to be uploaded). No plugins, no framing by other sites.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * Security headers on every answer (maintained by @fastify/helmet): the CSP above, no framing
 * (X-Frame-Options and frame-ancestors), nosniff, HSTS (browsers honour it only over HTTPS),
 * Referrer-Policy no-referrer, same-origin opener and resource policies.
 */
export async function registerSecurityHeaders(app: FastifyInstance, webDir?: string): Promise<void> {
  const hashes = webDir ? inlineScriptHashes(path.join(webDir, "index.html")) : [];
  const directives = { ...CONTENT_SECURITY_POLICY.directives, scriptSrc: [...CONTENT_SECURITY_POLICY.directives.scriptSrc, ...hashes] };
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { ...CONTENT_SECURITY_POLICY, directives },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: "no-referrer" },
    frameguard: { action: "deny" },
  });
}

/** 'sha256-…' of each inline <script> of the built page, read once at start (none without a build). */
export function inlineScriptHashes(indexHtml: string): string[] {
  if (!existsSync(indexHtml)) return [];
  const html = readFileSync(indexHtml, "utf8");
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? "")
    .filter((code) => code.trim() !== "")
    .map((code) => `'sha256-${createHash("sha256").update(code, "utf8").digest("base64")}'`);
}
