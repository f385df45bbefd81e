// `npm run cli -- trash purge [--older-than-days <n>]`: deletes for good the claims and articles deleted more
// than n days ago (default TRASH_RETENTION_DAYS, 30), as the app servers' scheduled purge does.
import { purgeExpiredTrash } from "@/lib/server/trash/purge-trash";
import { parseArgs } from "./args";

export async function run(args: string[]): Promise<void> {
  const { positional, flags } = parseArgs(args);
  if (positional[0] !== "purge") throw new Error("Usage: npm run cli -- trash purge [--older-than-days <n>]");
  const days = flags["older-than-days"];
  if (days !== undefined && !/^\d+$/.test(days)) throw new Error("--older-than-days must be a whole number of days");
  const { purged, articles, cutoff } = await purgeExpiredTrash(days === undefined ? {} : { retentionDays: Number(days) });
  console.log(`Purged ${purged} claim${purged === 1 ? "" : "s"} and ${articles} article${articles === 1 ? "" : "s"} deleted before ${cutoff}.`);
}
