import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Sign-in attempts are counted per account and per IP in the database, so the limit holds
// across several app servers. Every attempt is counted atomically BEFORE its password is checked
// (one UPDATE … SET failures = failures + 1 that returns the new count), so a burst of parallel
// guesses cannot slip past the limit: attempt number SIGNIN_MAX_FAILURES + 1 of a window is
// refused without looking at the password. A successful sign-in gives its attempt back (the IP's
// count goes down by one) and clears the account's count. A key's window lasts
// SIGNIN_WINDOW_MINUTES from its first counted attempt; rows whose window has passed are purged.

function keysFor(email: string, ip: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

function rateLimited(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError("RATE_LIMITED", `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

/** Counts one attempt for `key` and returns the row after the increment. */
async function countAttempt(key: string, now: Date, windowMs: number, max: number) {
  // A window that has passed starts again (conditional, so two servers cannot both reset it).
  await db.signInThrottle.updateMany({
    where: { key, windowStart: { lt: new Date(now.getTime() - windowMs) } },
    data: { failures: 0, windowStart: now, blockedUntil: null },
  });
  let row;
  try {
    row = await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1, windowStart: now },
      update: { failures: { increment: 1 } },
    });
  } catch (e) {
    // Two first attempts raced to create the row: the loser increments the winner's.
    if (!isUniqueViolation(e)) throw e;
    row = await db.signInThrottle.update({ where: { key }, data: { failures: { increment: 1 } } });
  }
  if (row.failures >= max && !row.blockedUntil) {
    const blockedUntil = new Date(row.windowStart.getTime() + windowMs);
    await db.signInThrottle.updateMany({ where: { key, blockedUntil: null }, data: { blockedUntil } });
    row = { ...row, blockedUntil };
  }
  return row;
}

/**
 * Counts this attempt against the account and the IP; throws RATE_LIMITED when either has
 * already used up its SIGNIN_MAX_FAILURES attempts in the current window.
 */
export async function countSignInAttempt(email: string, ip: string | null): Promise<void> {
  const { SIGNIN_MAX_FAILURES: max, SIGNIN_WINDOW_MINUTES } = env();
  const windowMs = SIGNIN_WINDOW_MINUTES * 60_000;
  const now = new Date();
  await purgeExpiredThrottleRows(now, windowMs);
  for (const key of keysFor(email, ip)) {
    const row = await countAttempt(key, now, windowMs, max);
    if (row.failures > max) throw rateLimited(new Date(row.windowStart.getTime() + windowMs), now);
  }
}

/** The password was right: the account starts afresh and the IP gets its attempt back. */
export async function clearSignInFailures(email: string, ip: string | null): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
  if (ip) await db.signInThrottle.updateMany({ where: { key: `ip:${ip}`, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

let lastPurge = 0;

/** Deletes rows whose window has passed (at most once a minute per server). */
export async function purgeExpiredThrottleRows(now = new Date(), windowMs = env().SIGNIN_WINDOW_MINUTES * 60_000, force = false): Promise<number> {
  if (!force && now.getTime() - lastPurge < 60_000) return 0;
  lastPurge = now.getTime();
  const { count } = await db.signInThrottle.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - windowMs) } } });
  return count;
}
