import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Actor } from "./actor";
import { signalAccessChange } from "@/lib/server/live/signal-access";

// Server-side sessions behind next-auth's JWT: the token carries a session id (`sid`) whose row
// must exist, be unrevoked and unexpired on every request (one primary-key lookup, done once per
// request because getSessionActor is cached per request). Sign-out, a password change, a site
// admin's deactivation of the account end sessions at once by revoking their rows.

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function createSession(userId: string, info: { userAgent?: string | null; ip?: string | null } = {}): Promise<string> {
  const row = await db.session.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: info.userAgent?.slice(0, 300) ?? null,
      ip: info.ip ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

/** True when the session exists for this user, is not revoked and has not expired. */
export async function isSessionLive(sid: string, userId: string): Promise<boolean> {
  const row = await db.session.findUnique({ where: { id: sid }, select: { userId: true, revokedAt: true, expiresAt: true } });
  return Boolean(row && row.userId === userId && !row.revokedAt && row.expiresAt > new Date());
}

/**
 * The session's user as an Actor when the session is live (as isSessionLive) and the account
 * active (as loadActor), in one query: what every signed-in request checks.
 */
export async function liveSessionActor(sid: string, userId: string): Promise<Actor | null> {
  // Raw SQL: one query (Prisma's nested select ran two), on every signed-in request.
  const [row] = await db.$queryRaw<{ userId: string; revokedAt: Date | null; expiresAt: Date; email: string; name: string; isSuperAdmin: boolean; active: boolean }[]>(
    Prisma.sql`SELECT s."userId", s."revokedAt", s."expiresAt", u."email", u."name", u."isSuperAdmin", u."active" FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ${sid}`,
  );
  if (!row || row.userId !== userId || row.revokedAt || row.expiresAt <= new Date() || !row.active) return null;
  return { userId: row.userId, email: row.email, name: row.name, isSuperAdmin: row.isSuperAdmin };
}

export async function revokeSession(sid: string): Promise<void> {
  const row = await db.session.findUnique({ where: { id: sid }, select: { userId: true, revokedAt: true } });
  if (!row || row.revokedAt) return;
  await db.session.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: new Date() } });
  // Live event streams opened with this session end now, not at their next heartbeat.
  await signalAccessChange(db, row.userId);
}

/** Deletes the rows of sessions that ended (expired or revoked) more than a day ago; returns how many. */
export async function purgeEndedSessions(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const { count } = await db.session.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] } });
  return count;
}

/** Ends every session of a user (inside the caller's transaction when given one). */
export async function revokeUserSessions(userId: string, tx: Tx = db, exceptSid?: string): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptSid ? { id: { not: exceptSid } } : {}) },
    data: { revokedAt: new Date() },
  });
  if (count) await signalAccessChange(tx, userId);
  return count;
}
