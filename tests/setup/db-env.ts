import { inject } from "vitest";

// Runs in each integration worker before the test file is imported, so lib/db connects to
// the throwaway database that global-db.ts created.
Object.assign(process.env, inject("dbEnv"), { NODE_ENV: "test" });
