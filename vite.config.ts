import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The web UI is built into dist/web and served by the Fastify app; `npm run dev:web` proxies /api.
 * Each text file gets .br and .gz siblings, compressed once here at the highest levels and served
 * as they are by @fastify/static (`preCompressed`, src/server/http/web-assets.ts). The manifest
 * lists every chunk and its imports for bench/web-size.ts (the sign-in page's JavaScript budget).
 */
export default defineConfig({
  root: r("./src/web"),
  plugins: [react(), compression({ algorithms: ["brotliCompress", "gzip"], include: /\.(js|css|html|svg)$/, threshold: 1024, logLevel: "silent" })],
  resolve: {
    alias: {
      "@domain": r("./src/domain"),
      "@contracts": r("./src/contracts"),
      "@web": r("./src/web"),
    },
  },
  build: { outDir: r("./dist/web"), emptyOutDir: true, chunkSizeWarningLimit: 4000, manifest: true },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
