import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin, type Rolldown } from "vite";
import { compression } from "vite-plugin-compression2";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The sign-in page loads only the entry and its own chunk; every other address is the signed-in
 * app (app/signed-in-app.tsx, a lazy chunk). For those, a small script in index.html starts
 * fetching that chunk and everything it imports right away, beside the entry, as a plain
 * modulepreload in the page would — not one round trip later, once the entry has run and asked
 * for it (that cost the stories up to 5 s on a busy machine). Not on /dang-nhap: that page's
 * budget is the entry and its own chunk (bench/web-size.ts).
 */
function preloadSignedInApp(): Plugin {
  return {
    name: "dvk:preload-signed-in-app",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c): c is Rolldown.OutputChunk => c.type === "chunk");
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (start: Rolldown.OutputChunk, into = new Set<string>()) => {
          const visit = (c: Rolldown.OutputChunk) => {
            if (into.has(c.fileName)) return;
            into.add(c.fileName);
            for (const f of c.imports) visit(byFile.get(f)!);
          };
          visit(start);
          return into;
        };
        const entry = chunks.find((c) => c.isEntry);
        const app = chunks.find((c) => c.facadeModuleId?.endsWith("/src/web/app/signed-in-app.tsx"));
        if (!entry || !app) throw new Error("dvk:preload-signed-in-app: entry or signed-in-app chunk not found");
        const inEntry = closure(entry);
        const files = [...closure(app)].filter((f) => !inEntry.has(f)).map((f) => `/${f}`);
        const code = `if(!location.pathname.startsWith("/dang-nhap"))for(const f of ${JSON.stringify(files)}){const l=document.createElement("link");l.rel="modulepreload";l.crossOrigin="";l.href=f;document.head.appendChild(l)}`;
        return [{ tag: "script", children: code, injectTo: "head" }];
      },
    },
  };
}

/**
 * The web UI is built into dist/web and served by the Fastify app; `npm run dev:web` proxies /api.
 * Each text file gets .br and .gz siblings, compressed once here at the highest levels and served
 * as they are by @fastify/static (`preCompressed`, src/server/http/web-assets.ts). The manifest
 * lists every chunk and its imports for bench/web-size.ts (the sign-in page's JavaScript budget).
 */
export default defineConfig({
  root: r("./src/web"),
  plugins: [react(), preloadSignedInApp(), compression({ algorithms: ["brotliCompress", "gzip"], include: /\.(js|css|html|svg)$/, threshold: 1024, logLevel: "silent" })],
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
