import { z } from "zod";

// Environment read once and validated. Every variable has a safe default for the demo;
// README.md documents each one.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DB_PROVIDER: z.enum(["sqlite", "postgresql", "postgres"]).optional(),
  DATABASE_URL: z.string().optional(),
  SQLITE_URL: z.string().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** Public origin used in published links and JSON-LD (defaults to NEXTAUTH_URL). */
  PUBLIC_BASE_URL: z.string().url().optional(),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  /** Max failed sign-ins per account or IP within SIGNIN_WINDOW_MINUTES before a lock-out. */
  SIGNIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Upload and URL-import size cap in bytes. */
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  IMPORT_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Time budget of one import's parsing and conversion (in a worker thread that is stopped after it). */
  IMPORT_TIME_LIMIT_MS: z.coerce.number().int().positive().default(8_000),
  /** Worker threads that run imports side by side. */
  IMPORT_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  /** Worker threads that render exports and reader pages (default: one less than the cores, at most 4). */
  RENDER_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  /** Folder where background exports keep their finished files until they are purged. */
  EXPORT_DIR: z.string().default("data/exports"),
  /** Finished background jobs (and their files) are purged this many hours after they end. */
  JOB_RETENTION_HOURS: z.coerce.number().positive().default(24),
  /**
   * Test-only: comma-separated host:port pairs that URL import may fetch even though they are
   * loopback/private. Refused unless NODE_ENV=test or FACTMARK_E2E=1.
   */
  IMPORT_TEST_ALLOW_HOSTS: z.string().optional(),
  FACTMARK_E2E: z.string().optional(),
  /**
   * How long a write may wait for its transaction to start (a pooled connection, or SQLite's
   * single writer) before it is refused with 503, and how long a transaction may run. A burst of
   * writes queues instead of failing; the defaults stay well under a client's patience.
   */
  DB_TRANSACTION_WAIT_MS: z.coerce.number().int().positive().default(10_000),
  DB_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Live updates (lib/server/live): heartbeat and access re-check interval of an event stream. */
  LIVE_HEARTBEAT_MS: z.coerce.number().int().positive().default(15_000),
  /** Bytes a client may leave unread on its event stream before it is dropped. */
  LIVE_MAX_BUFFER_BYTES: z.coerce.number().int().positive().default(256 * 1024),
  /** Days a deleted claim stays restorable in the trash before the purge deletes it for good. */
  TRASH_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /** PostgreSQL: most connections one app server opens (pg's pool size). */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) cached = envSchema.parse(process.env);
  return cached;
}

/** Origin for absolute links in published pages, exports and JSON-LD. */
export function publicBaseUrl(): string {
  const e = env();
  return (e.PUBLIC_BASE_URL ?? e.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
