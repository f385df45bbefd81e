import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Unit tests sit beside their source (lib/**/*.test.ts). Integration tests (tests/integration)
// run against a real database: a throwaway SQLite file, or with DB_PROVIDER=postgresql a
// throwaway PostgreSQL database (tests/setup/global-db.ts creates and drops it).
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // lib/db and lib/server start with `import "server-only"`, which throws outside a server
      // bundle; tests run them on the server side, as Next does.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/db-env.ts"],
          // One database per run: files share it, so run them one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
