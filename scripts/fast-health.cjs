// Preloaded into the server process (`node --require ./scripts/fast-health.cjs … next start`, see
// package.json "start"): answers GET /api/v1/health before Next's router, with the same body as
// app/api/v1/health/route.ts ({ status, database: { ok, provider, latencyMs, error? } }, 200 or 503).
// Why: a health check must stay fast while the server is under load (issue 10: ≤ 100 ms while
// 4 fuzz requests are always in flight). Through Next, a check paid Next's route runtime and a
// Prisma query, and each of its async steps queued behind the other requests' work on the event
// loop. Here it is one step: SQLite is pinged synchronously on its own connection, PostgreSQL
// with one query on its own connection (never behind the app's pool). It shares the event loop
// with the app, so a blocked server still shows as a slow or missing answer.
// Until Next has answered one health check itself, checks go to Next: "ok" also means the app
// is up (next start listens before the app is ready). `next dev` has no preload: the route answers.
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node --require)
const http = require("node:http");

const PATH = "/api/v1/health";
const TIMEOUT_MS = 5_000;

// The provider and SQLite file as lib/db/provider.ts reads them; read at the first check, after
// Next has loaded the .env files into process.env.
function provider() {
  const explicit = process.env.DB_PROVIDER;
  if (explicit === "postgresql" || explicit === "postgres") return "postgresql";
  if (explicit === "sqlite") return "sqlite";
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL || "") ? "postgresql" : "sqlite";
}

let sqlite = null;
let ping = null;
function pingSqlite() {
  if (!sqlite) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only on SQLite
    const Database = require("better-sqlite3");
    const file = (process.env.SQLITE_URL || "file:./data/factmark.db").replace(/^file:/, "").replace(/\?.*$/, "");
    sqlite = new Database(file, { fileMustExist: true, timeout: TIMEOUT_MS });
    // Reads the schema page, so the file itself is read, not just the library.
    ping = sqlite.prepare("SELECT count(*) FROM sqlite_master");
  }
  ping.get();
}

let pgClient = null;
async function pingPostgres() {
  if (!pgClient) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only on PostgreSQL
    const pg = require("pg");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS });
    // A dropped connection is replaced at the next check.
    client.on("error", () => pgClient === connecting && (pgClient = null));
    const connecting = client.connect().then(() => client);
    pgClient = connecting;
    connecting.catch(() => pgClient === connecting && (pgClient = null));
  }
  const client = await pgClient;
  await client.query("SELECT 1");
}

async function checkDatabase() {
  const name = provider();
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  try {
    if (name === "postgresql") await pingPostgres();
    else pingSqlite();
    return { ok: true, provider: name, latencyMs: latencyMs() };
  } catch (e) {
    if (name === "sqlite" && sqlite) {
      sqlite.close();
      sqlite = ping = null;
    }
    return { ok: false, provider: name, latencyMs: latencyMs(), error: e instanceof Error ? e.message : String(e) };
  }
}

// The headers Next gives the route's answer (next.config.js adds the last two to every answer).
const HEADERS = {
  "content-type": "application/json",
  "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

async function answer(req, res) {
  const database = await checkDatabase();
  const body = JSON.stringify({ status: database.ok ? "ok" : "degraded", database });
  res.writeHead(database.ok ? 200 : 503, { ...HEADERS, "content-length": Buffer.byteLength(body) });
  res.end(req.method === "HEAD" ? undefined : body);
}

function install() {
  if (http.Server.prototype.__factmarkFastHealth) return;
  let appReady = false;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res) {
    if (event === "request" && req && res && (req.method === "GET" || req.method === "HEAD") && req.url.split("?")[0] === PATH) {
      if (appReady) {
        answer(req, res).catch(() => res.destroy());
        return true;
      }
      res.once("finish", () => (appReady = appReady || res.statusCode === 200));
    }
    return emit.apply(this, arguments);
  };
  http.Server.prototype.__factmarkFastHealth = true;
}

module.exports = { install, checkDatabase };
if (require.main !== module && !process.env.VITEST) install();
