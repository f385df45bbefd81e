import "server-only";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";

/** Whether the database answers a trivial query, and how fast. */
export async function checkDatabase(): Promise<{ ok: boolean; provider: string; latencyMs: number; error?: string }> {
  const started = performance.now();
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true, provider: databaseProvider(), latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, provider: databaseProvider(), latencyMs: Math.round(performance.now() - started), error: (e as Error).message };
  }
}
