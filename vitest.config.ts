import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const alias = {
  "@domain": r("./src/domain"),
  "@contracts": r("./src/contracts"),
  "@server": r("./src/server"),
  "@web": r("./src/web"),
};

/**
 * Two projects: `unit` (pure code, fast) and `server` (HTTP app against a real database:
 * PGlite by default, PostgreSQL when TEST_DATABASE_URL is set).
 */
export default defineConfig({
  resolve: { alias },
  test: {
    passWithNoTests: false,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          exclude: ["src/server/features/**", "src/server/db/**", "src/server/http/**", "src/server/jobs/**", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "server",
          include: ["src/server/features/**/*.test.ts", "src/server/db/**/*.test.ts", "src/server/http/**/*.test.ts", "src/server/jobs/**/*.test.ts"],
          environment: "node",
          globalSetup: ["src/server/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          maxWorkers: 2,
        },
      },
    ],
  },
});
