import { db } from "@/lib/db";
import type { Actor } from "./actor";

/** Loads an active user as an Actor; deactivated or deleted users are nobody. */
export async function loadActor(userId: string | undefined | null): Promise<Actor | null> {
  if (!userId) return null;
  const user = await db.user.findFirst({ where: { id: userId, active: true } });
  return user ? { userId: user.id, email: user.email, name: user.name, isSuperAdmin: user.isSuperAdmin } : null;
}
