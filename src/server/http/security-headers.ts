import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * The Content-Security-Policy of the built web app. Scripts come only from the app's own files
 * (Vite emits no inline script). Styles also allow 'unsafe-inline': antd's CSS-in-JS writes
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
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: "no-referrer" },
    frameguard: { action: "deny" },
  });
}
