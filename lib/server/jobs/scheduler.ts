import "server-only";
import { purgeStalePageCache } from "@/lib/server/publishing/purge-page-cache";
import { purgeExpiredTrash } from "@/lib/server/trash/purge-trash";
import { purgeEndedSessions } from "@/lib/auth/sessions";
import { startJobThread, wakeJobRunner } from "./job-thread";
import { purgeFinishedJobs } from "./purge-jobs";

// Started once per server process (instrumentation.ts): starts the job thread and has it pick up
// queued jobs (including those a stopped server left behind, once their lease runs out); purges finished jobs, stale
// cached pages, claims and articles deleted longer than the trash's retention ago, and ended
// sessions every hour.

const POLL_MS = 30_000;
const PURGE_MS = 60 * 60_000;

const g = globalThis as unknown as { __factmarkScheduler?: boolean };

export async function purgeNow(): Promise<void> {
  const jobs = await purgeFinishedJobs();
  const pages = await purgeStalePageCache();
  const trash = await purgeExpiredTrash();
  const sessions = await purgeEndedSessions();
  if (jobs.jobs || jobs.files || pages || trash.purged || trash.articles || sessions) {
    console.log(
      `Purged ${jobs.jobs} finished jobs, ${jobs.files} export files, ${pages} stale cached pages, ${trash.purged} claims and ${trash.articles} articles from the trash, ${sessions} ended sessions.`,
    );
  }
}

export function startScheduler(): void {
  if (g.__factmarkScheduler) return;
  g.__factmarkScheduler = true;
  const guard = (what: string, run: () => Promise<unknown>) => () => void run().catch((e) => console.error(`Scheduled ${what} failed:`, e));
  startJobThread();
  setTimeout(wakeJobRunner, 2_000).unref();
  setTimeout(guard("purge", purgeNow), 15_000).unref();
  setInterval(wakeJobRunner, POLL_MS).unref();
  setInterval(guard("purge", purgeNow), PURGE_MS).unref();
}
