import "server-only";
import { databaseProvider } from "@/lib/db/provider";
import type { LiveBus } from "./live-types";
import { PgLiveBus } from "./pg-live-bus";
import { PollLiveBus } from "./poll-live-bus";

// One bus per server process, kept on globalThis: Next bundles route handlers separately, and
// every bundle must share the one LISTEN connection and the one set of subscribers.
const g = globalThis as unknown as { __factmarkLiveBus?: LiveBus };

export function getLiveBus(): LiveBus {
  if (!g.__factmarkLiveBus) {
    g.__factmarkLiveBus = databaseProvider() === "postgresql" ? new PgLiveBus(process.env.DATABASE_URL) : new PollLiveBus();
  }
  return g.__factmarkLiveBus;
}

/** Closes the bus (tests and scripts). */
export async function closeLiveBus(): Promise<void> {
  const bus = g.__factmarkLiveBus;
  delete g.__factmarkLiveBus;
  await bus?.close();
}
