import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

// Servers and databases for the reliability suite: a fresh database per provider, migrated and
// seeded with the demo accounts, and the production build served by `next start` in its own
// process group (so kill -9 takes the whole server down, as a crash would).

// npm runs scripts from the project root.
export const ROOT = process.cwd();
/** The production build to serve: the e2e build by default (`npm test` runs this suite after e2e). */
export const DIST_DIR = process.env.RELIABILITY_DIST_DIR ?? ".next";
export const PASSWORD = "reliability-Passw0rd-1";
const TMP = path.join(ROOT, ".tmp", "reliability");
const PG_ADMIN = process.env.PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type Provider = "sqlite" | "postgresql";

export interface Database {
  provider: Provider;
  env: Record<string, string>;
  /** SQLite file path, for the integrity check. */
  file?: string;
  url?: string;
  drop(): Promise<void>;
}

function run(cmd: string, args: string[], env: Record<string, string>, what: string) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${what} failed:\n${r.stdout}\n${r.stderr}`);
}

export async function createDatabase(provider: Provider): Promise<Database> {
  mkdirSync(TMP, { recursive: true });
  // RELIABILITY_DB_PREFIX keeps parallel runs' databases apart by name.
  const name = `${process.env.RELIABILITY_DB_PREFIX ?? "factmark_rel"}_${Date.now()}_${Math.random().toString(36).slice(2, 7)}`;
  let db: Database;
  if (provider === "sqlite") {
    const file = path.join(TMP, `${name}.db`);
    db = {
      provider,
      file,
      env: { DB_PROVIDER: "sqlite", SQLITE_URL: `file:${file}` },
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
      },
    };
  } else {
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(PG_ADMIN);
    url.pathname = `/${name}`;
    db = {
      provider,
      url: url.toString(),
      env: { DB_PROVIDER: "postgresql", DATABASE_URL: url.toString() },
      drop: async () => {
        const c = new pg.Client({ connectionString: PG_ADMIN });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
  run(bin("prisma"), ["migrate", "deploy"], db.env, "prisma migrate deploy");
  run(bin("tsx"), ["--conditions=react-server", "scripts/seed.ts"], { ...db.env, DEMO_PASSWORD: PASSWORD, SEED_DEMO_FACTCHECK: "0" }, "seed");
  return db;
}

export interface ServerOptions {
  /**
   * Log every event-loop stall longer than this many ms to the server's log, with the requests in
   * flight (scripts/loop-stall-trace.cjs); read back with serverStalls().
   */
  traceStallsMs?: number;
}

export interface Server {
  port: number;
  base: string;
  child: ChildProcess;
  /** The server's stdout and stderr. */
  logFile: string;
  options: ServerOptions;
  /** kill -9 of the whole process group. */
  crash(): void;
  stop(): Promise<void>;
}

export async function startServer(db: Database, port: number, options: ServerOptions = {}): Promise<Server> {
  const logFile = path.join(TMP, `server-${port}.log`);
  const log = openSync(logFile, "a");
  // RELIABILITY_FAST_HEALTH=0 leaves out scripts/fast-health.cjs, so Next's route answers the health checks (A/B).
  const fastHealth = process.env.RELIABILITY_FAST_HEALTH === "0" ? [] : ["scripts/fast-health.cjs"];
  const preloads = ["scripts/client-ip.cjs", ...fastHealth, ...(options.traceStallsMs ? ["scripts/loop-stall-trace.cjs"] : [])].flatMap((p) => ["--require", path.join(ROOT, p)]);
  // Diagnosis of the server alone, e.g. RELIABILITY_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.RELIABILITY_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...preloads, path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      ...db.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: "reliability-secret-0123456789abcdef",
      SIGNIN_MAX_FAILURES: "1000",
      ...(options.traceStallsMs ? { LOOP_STALL_MS: String(options.traceStallsMs) } : {}),
    },
  });
  const base = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  const server: Server = {
    port,
    base,
    child,
    logFile,
    options,
    crash: () => killGroup("SIGKILL"),
    stop: async () => {
      killGroup("SIGTERM");
      const timer = setTimeout(() => killGroup("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} exited during start (see .tmp/reliability/server-${port}.log)`);
    try {
      const res = await fetch(`${base}/api/v1/health`, { headers: { connection: "close" }, signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - started > 120_000) {
      server.crash();
      throw new Error(`the server on port ${port} did not answer /api/v1/health within 120 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return server;
}

/** A signed-in browser-like client: session cookie plus the app's Origin on every request. */
export class Client {
  /**
   * Send `Connection: close` (a fresh connection per request). The benchmarks set it: a pooled
   * connection left idle past the server's keep-alive timeout (5 s) while the benchmark process
   * was busy writing fixtures is closed by the server just as the next request is written on it,
   * and that request fails with "other side closed" (UND_ERR_SOCKET).
   */
  closeConnections = false;

  /** Sent with every request (e.g. x-trace-cpu for the server's per-request CPU log). */
  headers: Record<string, string> = {};

  constructor(readonly base: string, public cookie = "") {}

  static async signIn(base: string, email: string, { closeConnections = false } = {}): Promise<Client> {
    const client = new Client(base);
    client.closeConnections = closeConnections;
    const csrf = await client.request("GET", "/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" });
    const res = await client.request("POST", "/api/auth/callback/credentials", form.toString(), "application/x-www-form-urlencoded");
    if (!res.ok || !client.cookie.includes("session-token")) throw new Error(`sign-in as ${email} failed: ${res.status}`);
    return client;
  }

  async request(method: string, url: string, body?: string | null, contentType = "application/json", timeoutMs = 30_000): Promise<Response> {
    const headers: Record<string, string> = { ...this.headers, origin: this.base };
    if (this.closeConnections) headers.connection = "close";
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined && body !== null) headers["content-type"] = contentType;
    const res = await fetch(this.base + url, { method, headers, body: body ?? undefined, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    const set = res.headers.getSetCookie();
    if (set.length) {
      const jar = new Map(this.cookie.split("; ").filter(Boolean).map((c) => c.split("=", 2) as [string, string]));
      for (const line of set) {
        const [pair] = line.split(";");
        const at = pair.indexOf("=");
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      this.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    return res;
  }

  async json<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
    const res = await this.request(method, url, body === undefined ? undefined : JSON.stringify(body));
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}

export const ARTICLE_TEXT = [
  "Reliability Desk Checks the Numbers",
  "The council approved a budget of 4.2 million euros on Tuesday, the mayor said.",
  "Unemployment fell to 5 percent last year, according to the statistics office.",
  "The new bridge will open in March and carry 20,000 cars a day.",
  "Critics said the plan would raise taxes for most households in the city.",
].join("\n\n");

export const QUOTES = ["4.2 million euros", "fell to 5 percent", "20,000 cars a day", "raise taxes"];

/** An article with one claim per quote, created through the API as the client. */
export async function createFixture(client: Client, quotes: string[] = QUOTES): Promise<{ articleId: string; claimIds: string[] }> {
  const article = await client.json<{ id: string }>("POST", "/api/v1/articles", { text: ARTICLE_TEXT, workspace: "demo" });
  const claimIds: string[] = [];
  for (const exact of quotes) {
    const claim = await client.json<{ id: string }>("POST", `/api/v1/articles/${article.id}/claims`, {
      target: { selector: [{ type: "TextQuoteSelector", exact }] },
      statement: exact,
    });
    claimIds.push(claim.id);
  }
  return { articleId: article.id, claimIds };
}
