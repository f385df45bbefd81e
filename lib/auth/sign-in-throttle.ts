import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Failed sign-ins are counted per account and per IP in the database, so the limit holds
// across several app servers. A key locks for one window after SIGNIN_MAX_FAILURES failures.

function keysFor(email: string, ip: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

export async function assertSignInAllowed(email: string, ip: string | null): Promise<void> {
  const now = new Date();
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keysFor(email, ip) } } });
  const blocked = rows.find((r) => r.blockedUntil && r.blockedUntil > now);
  if (blocked?.blockedUntil) {
    const minutes = Math.max(1, Math.ceil((blocked.blockedUntil.getTime() - now.getTime()) / 60_000));
    throw new AppError(
      "RATE_LIMITED",
      `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
}

export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  const { SIGNIN_MAX_FAILURES, SIGNIN_WINDOW_MINUTES } = env();
  const windowMs = SIGNIN_WINDOW_MINUTES * 60_000;
  const now = new Date();
  for (const key of keysFor(email, ip)) {
    await db.$transaction(async (tx) => {
      const row = await tx.signInThrottle.findUnique({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStart.getTime() > windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const blockedUntil = failures >= SIGNIN_MAX_FAILURES ? new Date(now.getTime() + windowMs) : null;
      await tx.signInThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, blockedUntil },
        update: { failures, windowStart: fresh ? now : row.windowStart, blockedUntil },
      });
    });
  }
}

export async function clearSignInFailures(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
