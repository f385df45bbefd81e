import Database from "better-sqlite3";
import pg from "pg";
import { Client, createFixture, startServer, type Database as Db, type Server } from "./harness";

// kill -9 of the server during 1,000 sequential writes (comments), at a random write while it is
// in flight, `rounds` times. After each crash: the database passes its integrity check, and
// after the restart every write the server had acknowledged (201) is there.

export interface CrashFigures {
  rounds: number;
  acknowledged: number;
  lost: number;
  integrityProblems: string[];
}

async function integrityCheck(db: Db): Promise<string[]> {
  if (db.provider === "sqlite") {
    const conn = new Database(db.file!);
    try {
      const problems: string[] = [];
      const integrity = conn.pragma("integrity_check") as Array<{ integrity_check: string }>;
      if (integrity.length !== 1 || integrity[0].integrity_check !== "ok") problems.push(`integrity_check: ${JSON.stringify(integrity).slice(0, 300)}`);
      const fk = conn.pragma("foreign_key_check") as unknown[];
      if (fk.length) problems.push(`foreign_key_check: ${fk.length} rows`);
      return problems;
    } finally {
      conn.close();
    }
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const problems: string[] = [];
    // amcheck verifies every B-tree index against its table.
    await client.query("CREATE EXTENSION IF NOT EXISTS amcheck");
    const indexes = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_am a ON a.oid = c.relam WHERE n.nspname = 'public' AND a.amname = 'btree'`,
    );
    for (const { name } of indexes.rows) {
      try {
        await client.query("SELECT bt_index_check($1::regclass, true)", [`public."${name}"`]);
      } catch (e) {
        problems.push(`index ${name}: ${(e as Error).message}`);
      }
    }
    const orphans = await client.query(`SELECT count(*)::int AS n FROM "Comment" c LEFT JOIN "Claim" k ON k.id = c."claimId" WHERE k.id IS NULL`);
    if (orphans.rows[0].n) problems.push(`${orphans.rows[0].n} comments without their claim`);
    return problems;
  } finally {
    await client.end();
  }
}

export async function runCrash(db: Db, server: Server, signIn: (base: string) => Promise<Client>, rounds = 3, writes = 1_000): Promise<{ figures: CrashFigures; server: Server }> {
  const figures: CrashFigures = { rounds, acknowledged: 0, lost: 0, integrityProblems: [] };
  let current = server;
  for (let round = 1; round <= rounds; round++) {
    const client = await signIn(current.base);
    const { claimIds } = await createFixture(client, ["raise taxes"]);
    const claimId = claimIds[0];
    const killAt = 50 + Math.floor(Math.random() * (writes - 100));
    const acknowledged: string[] = [];
    for (let i = 0; i < writes; i++) {
      const body = `round ${round} write ${i}`;
      const pending = client.request("POST", `/api/v1/claims/${claimId}/comments`, JSON.stringify({ body }));
      if (i === killAt) {
        // The write is on its way (or being committed) when the server dies.
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        current.crash();
        await pending.catch(() => null);
        break;
      }
      const res = await pending;
      if (res.status === 201) acknowledged.push(body);
      else throw new Error(`write ${i} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    }
    await new Promise((r) => current.child.exitCode !== null || current.child.signalCode !== null ? r(null) : current.child.once("exit", r));
    figures.integrityProblems.push(...(await integrityCheck(db)).map((p) => `round ${round}: ${p}`));
    current = await startServer(db, current.port, current.options);
    const reader = await signIn(current.base);
    const { comments } = await reader.json<{ comments: Array<{ body: string }> }>("GET", `/api/v1/claims/${claimId}/comments`);
    // Comments are stored as sanitized HTML (<p>…</p>).
    const present = new Set(comments.map((c) => c.body.replace(/<[^>]+>/g, "")));
    figures.acknowledged += acknowledged.length;
    figures.lost += acknowledged.filter((b) => !present.has(b)).length;
  }
  return { figures, server: current };
}
