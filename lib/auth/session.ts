import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Actor } from "./actor";
import { loadActor } from "./load-actor";
import { authOptions, sessionActor } from "./options";

/** The signed-in actor for this request (server components, actions, route handlers), or null. */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const held = sessionActor(session);
  return held !== undefined ? held : loadActor(session?.user?.id);
});

/** The signed-in actor; sends anyone else to the sign-in page. */
export async function requireSessionActor(callbackUrl?: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  return actor;
}
