import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The web UI is built into dist/web and served by the Fastify app; `npm run dev:web` proxies /api. */
export default defineConfig({
  root: r("./src/web"),
  plugins: [react()],
  resolve: {
    alias: {
      "@domain": r("./src/domain"),
      "@contracts": r("./src/contracts"),
      "@web": r("./src/web"),
    },
  },
  build: { outDir: r("./dist/web"), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
