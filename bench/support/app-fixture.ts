import { spawn } from "node:child_process";
import { Client, createDatabase, startServer, type Database, type Provider, type Server } from "../../scripts/reliability/harness";
import { ensureBuild } from "./load";

// A production server on a fresh, seeded database for the HTTP benchmarks (reusing the
// reliability suite's harness), plus articles with many claims written straight to the database.
// lib/db binds to one database per process, so each provider runs in its own child process.

export interface App {
  provider: Provider;
  database: Database;
  server: Server;
  editor: Client;
  workspaceId: string;
  editorId: string;
  stop(): Promise<void>;
}

/** `serverEnv`: variables for the server process only (a preload in NODE_OPTIONS, say). */
export async function startApp(provider: Provider, port: number, serverEnv: Record<string, string> = {}): Promise<App> {
  ensureBuild();
  const database = await createDatabase(provider);
  // The factories below use lib/db, which reads these at first use.
  Object.assign(process.env, database.env);
  const saved = Object.fromEntries(Object.keys(serverEnv).map((k) => [k, process.env[k]]));
  Object.assign(process.env, serverEnv);
  const server = await startServer(database, port).finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  // Fresh connections for the benchmark's own requests (see Client.closeConnections).
  const editor = await Client.signIn(server.base, "editor@example.com", { closeConnections: true });
  const { db } = await import("../../lib/db");
  const ws = await db.workspace.findFirstOrThrow({ where: { slug: "demo" } });
  const user = await db.user.findFirstOrThrow({ where: { email: "editor@example.com" } });
  return {
    provider,
    database,
    server,
    editor,
    workspaceId: ws.id,
    editorId: user.id,
    stop: async () => {
      await server.stop();
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** An article of `sentences` sentences with one claim per sentence (status as given), written in bulk. */
export async function articleWithClaims(app: App, { claims, status, words = 0 }: { claims: number; status: "DRAFT" | "APPROVED"; words?: number }) {
  const { db } = await import("../../lib/db");
  const { createArticleRow } = await import("../../tests/integration/factories");
  const sentences = Array.from({ length: claims }, (_, i) => `Statement number ${i} is checked against the records.`);
  const filler = Math.max(0, Math.ceil((words - claims * 8) / Math.max(1, claims)));
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 20) {
    paragraphs.push(sentences.slice(i, i + 20).map((s) => (filler ? `${s} ${"word ".repeat(filler).trim()}.` : s)).join(" "));
  }
  const article = await createArticleRow({ workspaceId: app.workspaceId, createdById: app.editorId, paragraphs });
  const text = article.canonicalText;
  const prefix = `b${Date.now().toString(36)}`;
  let from = 0;
  const rows = sentences.map((sentence, i) => {
    const start = text.indexOf(sentence, from);
    from = start + sentence.length;
    return {
      id: `${prefix}x${i}`,
      articleId: article.id,
      exact: sentence,
      start,
      end: start + sentence.length,
      statement: `Claim ${i}`,
      verdictKey: "true",
      rationale: "<p>Checked against the <strong>records</strong>.</p>",
      status,
      ...(status === "APPROVED" ? { approvedById: app.editorId, approvedAt: new Date() } : {}),
      createdById: app.editorId,
      updatedById: app.editorId,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.claim.createMany({ data: rows.slice(i, i + 500) });
  const sources = rows.map((c) => ({ claimId: c.id, url: `https://records.example/${c.id}`, title: "Records", stance: "SUPPORTS", createdById: app.editorId }));
  for (let i = 0; i < sources.length; i += 500) await db.source.createMany({ data: sources.slice(i, i + 500) });
  return { article, claimIds: rows.map((r) => r.id) };
}

/** Parent side: runs this script again with `--child <arg>` and returns its last stdout line as JSON. */
export function runChild<T>(arg: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], ...process.argv.slice(2).filter((a) => a !== "--child"), "--child", arg], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !/^[[{]/.test(line)) reject(new Error(`the ${arg} run failed (exit ${code}): ${out.slice(-2000)}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}

export function childArg(): string | null {
  const at = process.argv.indexOf("--child");
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}
