#!/usr/bin/env node
// npm run cluster -- --servers N [--port P] [--no-migrate]
// Starts N stateless app servers (`next start` on ports P, P+1, …) on one PostgreSQL database,
// all with the same NEXTAUTH_SECRET: sessions, the sign-in throttle and live updates (LISTEN/
// NOTIFY) work across them. Put a load balancer in front (README: Production layout). Needs a
// production build (npm run build), DATABASE_URL (postgresql://…) and NEXTAUTH_SECRET (read from
// data/secrets.env when not set). Ctrl-C stops every server; if one dies, the others are stopped.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const servers = Number(opt("servers", "2"));
const port = Number(opt("port", process.env.PORT ?? "3000"));
if (!Number.isInteger(servers) || servers < 1 || servers > 32) fail("--servers must be a whole number from 1 to 32.");
if (!Number.isInteger(port) || port < 1 || port + servers > 65535) fail("--port must be a TCP port.");

function fail(message) {
  console.error(`cluster: ${message}`);
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DB_PROVIDER: "postgresql" };
if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? "")) fail("DATABASE_URL must point at PostgreSQL (postgresql://user@host:5432/db): SQLite serves one server only.");
if (!env.NEXTAUTH_SECRET && existsSync(path.join(root, "data/secrets.env"))) {
  const m = /^NEXTAUTH_SECRET=(.+)$/m.exec(readFileSync(path.join(root, "data/secrets.env"), "utf8"));
  if (m) env.NEXTAUTH_SECRET = m[1].trim();
}
if (!env.NEXTAUTH_SECRET) fail("NEXTAUTH_SECRET is not set (and data/secrets.env has none): every server needs the same one.");
const distDir = env.NEXT_DIST_DIR ?? ".next";
if (!existsSync(path.join(root, distDir, "BUILD_ID"))) fail(`no production build in ${distDir}: run npm run build first.`);

if (!args.includes("--no-migrate")) {
  console.log("cluster: applying migrations (prisma migrate deploy)");
  execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: root, env, stdio: "inherit" });
}

const children = [];
let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    process.exit(code);
  }, 5000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null))).then(() => process.exit(code));
}

for (let i = 0; i < servers; i++) {
  const p = port + i;
  const child = spawn(process.execPath, ["--require", "./scripts/client-ip.cjs", "node_modules/next/dist/bin/next", "start", "-p", String(p)], {
    cwd: root,
    env: { ...env, PORT: String(p), FACTMARK_SERVER: `s${i + 1}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = (stream, out) => {
    let rest = "";
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop();
      for (const line of lines) out.write(`[s${i + 1}:${p}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`cluster: server s${i + 1} on port ${p} exited (${signal ?? code}); stopping the others`);
    stopAll(1);
  });
  children.push(child);
}
console.log(`cluster: ${servers} server(s) on ports ${port}–${port + servers - 1}, database ${new URL(env.DATABASE_URL).pathname.slice(1)}`);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => stopAll(0));
