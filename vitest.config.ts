import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const DURABILITY = "src/server/db/durability.test.ts";
const alias = {
  "@domain": r("./src/domain"),
  "@contracts": r("./src/contracts"),
  "@server": r("./src/server"),
  "@web": r("./src/web"),
};

/**
 * Three projects: `unit` (pure code, fast), `durability` (real server processes killed mid-write) and `server` (HTTP app against a real database:
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
          exclude: [DURABILITY, "node_modules/**"],
          environment: "node",
          globalSetup: ["src/server/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          maxWorkers: 2,
        },
      },
      {
        // Real server processes killed mid-write: run on their own after the server suite, so that
        // two busy test workers do not starve them (on a 2-core machine that made vitest's worker
        // RPC time out).
        resolve: { alias },
        test: {
          name: "durability",
          include: [DURABILITY],
          environment: "node",
          globalSetup: ["src/server/test/global-setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          pool: "forks",
          maxWorkers: 1,
        },
      },
    ],
  },
});
