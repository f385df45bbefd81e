import { describe, expect, it } from "vitest";
import { authenticateWithPassword, DEACTIVATED, WRONG_CREDENTIALS } from "@/lib/auth/authenticate";
import { loadActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "./factories";

const PASSWORD = "correct-horse-battery";
let ipCounter = 0;
const freshIp = () => `203.0.113.${(Date.now() + ipCounter++) % 250}-${Math.random().toString(36).slice(2, 6)}`;

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected the sign-in to fail");
}

describe("authenticateWithPassword", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await createUser({ password: PASSWORD });
    await expect(authenticateWithPassword(`  ${user.email.toUpperCase()} `, PASSWORD, freshIp())).resolves.toMatchObject({ id: user.id, email: user.email });
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    const user = await createUser({ password: PASSWORD });
    const wrongPassword = await failure(authenticateWithPassword(user.email, "not-the-password", freshIp()));
    const unknownEmail = await failure(authenticateWithPassword(`nobody-${Date.now()}@example.test`, PASSWORD, freshIp()));
    expect(wrongPassword).toMatchObject({ code: "UNAUTHORIZED", message: WRONG_CREDENTIALS });
    expect(unknownEmail).toMatchObject({ code: "UNAUTHORIZED", message: WRONG_CREDENTIALS });
    expect(wrongPassword.message).toBe(unknownEmail.message);
  });

  it("an account without a password (invited, OAuth) cannot sign in with one", async () => {
    const user = await createUser();
    expect(await failure(authenticateWithPassword(user.email, PASSWORD, freshIp()))).toMatchObject({ message: WRONG_CREDENTIALS });
  });

  it("a deactivated user with the right password is told the account is deactivated; a wrong password reveals nothing", async () => {
    const user = await createUser({ password: PASSWORD, active: false });
    expect(await failure(authenticateWithPassword(user.email, PASSWORD, freshIp()))).toMatchObject({ code: "UNAUTHORIZED", message: DEACTIVATED });
    expect(await failure(authenticateWithPassword(user.email, "wrong-password-123", freshIp()))).toMatchObject({ message: WRONG_CREDENTIALS });
    // An existing session of a deactivated user is refused: loadActor returns nobody.
    expect(await loadActor(user.id)).toBeNull();
  });

  it("asks for both fields when one is empty", async () => {
    expect(await failure(authenticateWithPassword("", "", freshIp()))).toMatchObject({ message: "Enter your email and password." });
  });
});

describe("sign-in throttle", () => {
  const max = env().SIGNIN_MAX_FAILURES;

  it("locks an account after SIGNIN_MAX_FAILURES failures, even from different IPs, and even for the right password", async () => {
    const user = await createUser({ password: PASSWORD });
    for (let i = 0; i < max; i++) {
      expect(await failure(authenticateWithPassword(user.email, `wrong-${i}-password`, freshIp()))).toMatchObject({ message: WRONG_CREDENTIALS });
    }
    const locked = await failure(authenticateWithPassword(user.email, PASSWORD, freshIp()));
    expect(locked.code).toBe("RATE_LIMITED");
    expect(locked.message).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/);
    const row = await db.signInThrottle.findUnique({ where: { key: `email:${user.email}` } });
    expect(row?.failures).toBe(max);
    expect(row?.blockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it("locks an IP after too many failures across different accounts, leaving other IPs alone", async () => {
    const ip = freshIp();
    const victim = await createUser({ password: PASSWORD });
    for (let i = 0; i < max; i++) {
      await failure(authenticateWithPassword(`guess-${i}-${Date.now()}@example.test`, "whatever-pass", ip));
    }
    expect(await failure(authenticateWithPassword(victim.email, PASSWORD, ip))).toMatchObject({ code: "RATE_LIMITED" });
    // The same account from another address still works: only the IP is locked.
    await expect(authenticateWithPassword(victim.email, PASSWORD, freshIp())).resolves.toMatchObject({ id: victim.id });
  });

  it("a successful sign-in below the limit clears the account's failure count", async () => {
    const user = await createUser({ password: PASSWORD });
    for (let i = 0; i < max - 1; i++) await failure(authenticateWithPassword(user.email, "wrong-password-x", freshIp()));
    await authenticateWithPassword(user.email, PASSWORD, freshIp());
    expect(await db.signInThrottle.findUnique({ where: { key: `email:${user.email}` } })).toBeNull();
    // So the next mistake starts a fresh count instead of locking the account.
    expect(await failure(authenticateWithPassword(user.email, "wrong-password-y", freshIp()))).toMatchObject({ message: WRONG_CREDENTIALS });
  });

  it("the lock ends when the window has passed", async () => {
    const user = await createUser({ password: PASSWORD });
    await db.signInThrottle.create({
      data: { key: `email:${user.email}`, failures: max, windowStart: new Date(Date.now() - 60 * 60_000), blockedUntil: new Date(Date.now() - 1000) },
    });
    await expect(authenticateWithPassword(user.email, PASSWORD, freshIp())).resolves.toMatchObject({ id: user.id });
  });
});
