// The peer of GET /api/v1/articles/:id/claims in bench/api.bench.ts: a plain node:http server
// over the same database that returns the same rows as JSON, with no framework, session or
// shaping. Runs in its own process, like the app server.
//   node raw-claims-server.cjs <sqlite|postgresql> <sqlite file | postgres url> <port>
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node script */
const http = require("node:http");

const [provider, target, port] = process.argv.slice(2);
const SQL = `SELECT * FROM "Claim" WHERE "articleId" = $1 AND "deletedAt" IS NULL ORDER BY "start", "id" LIMIT $2`;

let query;
if (provider === "sqlite") {
  const Database = require("better-sqlite3");
  const db = new Database(target, { readonly: true });
  const stmt = db.prepare(SQL.replace("$1", "?").replace("$2", "?"));
  query = async (articleId, limit) => stmt.all(articleId, limit);
} else {
  const { Pool } = require("pg");
  const pool = new Pool({ connectionString: target, max: 10 });
  query = async (articleId, limit) => (await pool.query(SQL, [articleId, limit])).rows;
}

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    const m = /^\/claims\/([^/]+)$/.exec(url.pathname);
    if (!m) return res.writeHead(404).end();
    const rows = await query(m[1], Number(url.searchParams.get("limit") ?? 100));
    const body = JSON.stringify({ items: rows });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  })
  .listen(Number(port), () => console.log("ready"));
