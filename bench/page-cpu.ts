// Server CPU and SQL statements per article page view (issue 9, target 1), A/B: two builds of the
// app (NEXT_DIST_DIR folders) served side by side by `next start` on one SQLite database with a
// 0-claim 10,000-word article; an editor's session requests the page from each in turn (rounds
// alternate, so both see the same machine load). CPU is the server process's (all threads, from
// /proc); statements are those the main thread prepared (bench/support/count-statements.cjs).
//
//   PAGE_A=.next-base PAGE_B=.next BENCH_PORT=3750 npx tsx --conditions=react-server bench/page-cpu.ts
//   PAGE_VIEWS=20 (views per round and server), PAGE_ROUNDS=5, PAGE_PATH=/articles (another page).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { processCpuMs } from "./support/cpu";
import { prepareDatabase, seedArticles, sqliteBenchEnv } from "./viewer-fixture";

const PORT = Number(process.env.BENCH_PORT ?? 3190);
const BUILDS = [process.env.PAGE_A ?? ".next", process.env.PAGE_B ?? ".next"];
const VIEWS = Number(process.env.PAGE_VIEWS ?? 20);
const ROUNDS = Number(process.env.PAGE_ROUNDS ?? 5);
const PASSWORD = "bench-Passw0rd-Factmark";
const dbFile = path.resolve(".tmp", `bench-page-cpu-${PORT}.db`);
const env = sqliteBenchEnv(dbFile, PASSWORD);
Object.assign(process.env, env);

interface Server {
  build: string;
  origin: string;
  proc: ChildProcess;
  countFile: string;
}

function start(build: string, port: number): Server {
  const countFile = path.resolve(".tmp", `bench-page-cpu-${port}.count`);
  const origin = `http://localhost:${port}`;
  const proc = spawn("node", ["--require", "./bench/support/count-statements.cjs", "node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...env, NEXT_DIST_DIR: build, NEXTAUTH_URL: origin, STATEMENT_COUNT_FILE: countFile },
    detached: true,
    stdio: "ignore",
  });
  return { build, origin, proc, countFile };
}

async function statements(s: Server): Promise<number> {
  s.proc.kill("SIGUSR2");
  await new Promise((r) => setTimeout(r, 200));
  return Number(readFileSync(s.countFile, "utf8"));
}

async function signIn(origin: string): Promise<string> {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok) break;
    } catch {
      if (i > 480) throw new Error(`${origin} did not answer`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin },
    body: new URLSearchParams({ csrfToken, email: "editor@example.com", password: PASSWORD, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed: ${res.status}`);
  return session.split(";")[0];
}

/** `views` page views one after another: server CPU ms and statements per view. */
async function measure(s: Server, cookie: string, url: string, views: number) {
  const [cpu0, st0] = [processCpuMs(s.proc.pid!), await statements(s)];
  for (let i = 0; i < views; i++) {
    const res = await fetch(`${s.origin}${url}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    await res.arrayBuffer();
  }
  const st1 = await statements(s);
  return { cpu: (processCpuMs(s.proc.pid!) - cpu0) / views, statements: (st1 - st0) / views };
}

async function main() {
  mkdirSync(".tmp", { recursive: true });
  let articleId: string;
  if (!existsSync(dbFile)) {
    prepareDatabase(env);
    articleId = (await seedArticles([0], 10_000, console.log)).articles[0].id;
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
  } else {
    const { db, disconnectDb } = await import("@/lib/db");
    articleId = (await db.article.findFirstOrThrow({ where: { title: { not: "" } }, orderBy: { createdAt: "desc" } })).id;
    await disconnectDb();
  }
  const url = process.env.PAGE_PATH ?? `/articles/${articleId}`;
  const servers = BUILDS.map((b, i) => start(b, PORT + i));
  try {
    const cookies = await Promise.all(servers.map((s) => signIn(s.origin)));
    console.log(`GET ${url} as an editor, ${VIEWS} views × ${ROUNDS} rounds per server, alternating; load ${os.loadavg()[0].toFixed(1)}`);
    for (const [i, s] of servers.entries()) await measure(s, cookies[i], url, 10); // warm-up
    const results = servers.map(() => ({ cpu: [] as number[], statements: [] as number[] }));
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, s] of servers.entries()) {
        const m = await measure(s, cookies[i], url, VIEWS);
        results[i].cpu.push(m.cpu);
        results[i].statements.push(m.statements);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    for (const [i, s] of servers.entries()) {
      const { cpu, statements: st } = results[i];
      console.log(`  ${s.build}: ${median(cpu).toFixed(1)} ms CPU per view (rounds ${cpu.map((c) => c.toFixed(1)).join(" ")}), ${median(st).toFixed(1)} statements per view`);
    }
    console.log(`  load after: ${os.loadavg()[0].toFixed(1)}`);
  } finally {
    for (const s of servers) {
      try {
        process.kill(-s.proc.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
