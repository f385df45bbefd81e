import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "./actor";
import { pageSessionTokenIds } from "./session-token";
import { liveSessionActor } from "./sessions";

/**
 * The signed-in actor for this request (server components, actions, route handlers), or null.
 * What the session callback in lib/auth/options.ts decides (session row live, account active: one
 * query, every request), from the cookie decoded once per token instead of getServerSession's
 * key derivation, decryption and re-encoding on every page view.
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const ids = await pageSessionTokenIds(await cookies());
  return ids ? liveSessionActor(ids.sid, ids.userId) : null;
});

/** The signed-in actor; sends anyone else to the sign-in page. */
export async function requireSessionActor(callbackUrl?: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  return actor;
}
