import { defineConfig } from "@playwright/test";
import base, { E2E_PASSWORD } from "./playwright.config";

// End-to-end tests against two app servers on one PostgreSQL database (scripts/e2e-cluster.sh):
// server 1 on E2E_PORT, server 2 on E2E_PORT+1. Specs in e2e/cluster/ reach server 2 through
// E2E_SECOND_URL.
const PORT = Number(process.env.E2E_PORT ?? 3150);
process.env.E2E_SECOND_URL = `http://localhost:${PORT + 1}`;

export default defineConfig({
  ...base,
  testDir: "e2e/cluster",
  testIgnore: [],
  outputDir: `test-results/cluster-${PORT}`,
  use: { ...base.use, baseURL: `http://localhost:${PORT}` },
  webServer: {
    command: "bash scripts/e2e-cluster.sh",
    url: `http://localhost:${PORT + 1}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      E2E_PORT: String(PORT),
      E2E_PASSWORD,
      // Both servers answer under their own address; the shared secret makes a session valid on either.
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
      LIVE_HEARTBEAT_MS: "3000",
    },
  },
});
