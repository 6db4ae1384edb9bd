/**
 * The file each worker thread starts from. The server runs TypeScript through tsx without a build
 * step, and a worker thread does not inherit the loader of every host (vitest transforms test
 * files itself), so the thread loads its task module through tsx's API with the project's
 * tsconfig: the same path aliases (@domain, @contracts, @server) resolve as on the main thread.
 */
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const tasks = await tsImport("./tasks.ts", {
  parentURL: import.meta.url,
  tsconfig: fileURLToPath(new URL("../../../tsconfig.json", import.meta.url)),
});

export default tasks.default;
