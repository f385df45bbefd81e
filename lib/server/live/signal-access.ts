import "server-only";
import { db, type Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import { getLiveBus } from "./live-bus";
import { LIVE_CHANNEL } from "./live-types";

/**
 * Tells every server that a user's access changed (session or token revoked, membership
 * removed, deactivated or demoted), so their open streams re-check it at once. Called with
 * the changing transaction: on PostgreSQL the NOTIFY goes out only if it commits.
 */
export async function signalAccessChange(tx: Tx | typeof db, userId: string): Promise<void> {
  if (databaseProvider() === "postgresql") {
    await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ access: { userId } })})`;
    return;
  }
  // SQLite (one server): after the commit, the streams re-read the access themselves.
  setTimeout(() => void getLiveBus().signalAccess({ userId }), 20).unref?.();
}
