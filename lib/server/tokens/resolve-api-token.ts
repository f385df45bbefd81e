import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { hashApiToken, isWellFormedApiToken } from "@/lib/auth/api-token";
import { AppError } from "@/lib/errors";

/** The actor a bearer token stands for; a clear 401 for malformed, unknown, revoked or expired tokens. */
export async function resolveApiToken(token: string): Promise<Actor> {
  if (!isWellFormedApiToken(token)) {
    throw new AppError("UNAUTHORIZED", "The API token is malformed. Tokens start with fm_ and are 46 characters long.");
  }
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
  if (!row) throw new AppError("UNAUTHORIZED", "The API token is not recognised. Create a new one under Settings → API tokens.");
  if (row.revokedAt) throw new AppError("UNAUTHORIZED", "This API token has been revoked. Create a new one under Settings → API tokens.");
  if (row.expiresAt && row.expiresAt < new Date()) throw new AppError("UNAUTHORIZED", "This API token has expired.");
  if (!row.user.active) throw new AppError("UNAUTHORIZED", "The account this token belongs to has been deactivated.");
  // Touch at most once a minute: avoids a write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { userId: row.user.id, email: row.user.email, name: row.user.name, isSuperAdmin: row.user.isSuperAdmin };
}
