import { defineConfig } from "@playwright/test";

// End-to-end tests drive the production build in Debian's Chromium against a fresh SQLite
// database seeded with the demo (scripts/e2e-server.sh). E2E_PORT lets several runs coexist.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PASSWORD = process.env.E2E_PASSWORD ?? "e2e-Passw0rd-Factmark";
process.env.E2E_PASSWORD = E2E_PASSWORD;

export default defineConfig({
  testDir: "e2e",
  // Two-server specs run with playwright.cluster.config.ts.
  testIgnore: ["cluster/**"],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [["list"]],
  outputDir: `test-results/${PORT}`,
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium", // Debian package; never `playwright install`
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `http://localhost:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      E2E_PORT: String(PORT),
      E2E_PASSWORD,
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
      // Lets URL-import e2e tests fetch a page served by the test itself (test-only allowance).
      IMPORT_TEST_ALLOW_HOSTS: process.env.IMPORT_TEST_ALLOW_HOSTS ?? `127.0.0.1:${PORT + 1000}`,
    },
  },
});
