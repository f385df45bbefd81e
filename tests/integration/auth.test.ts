import { createServer, request, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword, DEACTIVATED, WRONG_CREDENTIALS } from "@/lib/auth/authenticate";
import { loadActor } from "@/lib/auth/load-actor";
import { authOptions, clientIp } from "@/lib/auth/options";
import { createSession, isSessionLive } from "@/lib/auth/sessions";
import { changePassword } from "@/lib/server/users/change-password";
import { purgeExpiredThrottleRows } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { actorOf, createUser } from "./factories";

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
    // Every attempt is counted, the refused one too.
    expect(row?.failures).toBe(max + 1);
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

describe("sign-in attempts are counted atomically before the password check", () => {
  const max = env().SIGNIN_MAX_FAILURES;

  it("20 parallel failures count 20, and only SIGNIN_MAX_FAILURES passwords are checked", async () => {
    const user = await createUser({ password: PASSWORD });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => failure(authenticateWithPassword(user.email, `wrong-${i}-password`, freshIp()))),
    );
    const row = await db.signInThrottle.findUnique({ where: { key: `email:${user.email}` } });
    expect(row?.failures).toBe(20);
    const checked = results.filter((r) => r.message === WRONG_CREDENTIALS).length;
    const refused = results.filter((r) => r.code === "RATE_LIMITED").length;
    console.log(`[sign-in] 20 parallel failures: counted ${row?.failures}, passwords checked ${checked}, refused unchecked ${refused} (limit ${max})`);
    expect(checked).toBe(max);
    expect(refused).toBe(20 - max);
  });

  it("a successful sign-in gives the IP its attempt back", async () => {
    const ip = freshIp();
    const user = await createUser({ password: PASSWORD });
    for (let i = 0; i < max + 3; i++) await authenticateWithPassword(user.email, PASSWORD, ip);
    expect((await db.signInThrottle.findUnique({ where: { key: `ip:${ip}` } }))?.failures ?? 0).toBe(0);
  });

  it("rows whose window has passed are purged", async () => {
    const key = `ip:${freshIp()}`;
    await db.signInThrottle.create({ data: { key, failures: 3, windowStart: new Date(Date.now() - 2 * env().SIGNIN_WINDOW_MINUTES * 60_000) } });
    expect(await purgeExpiredThrottleRows(new Date(), env().SIGNIN_WINDOW_MINUTES * 60_000, true)).toBeGreaterThanOrEqual(1);
    expect(await db.signInThrottle.findUnique({ where: { key } })).toBeNull();
  });
});

describe("client address for the per-IP limit", () => {
  const max = env().SIGNIN_MAX_FAILURES;
  // The preload that `npm start` runs the server with, installed on this process's http servers.
  const preload = createRequire(import.meta.url)("../../scripts/client-ip.cjs") as {
    install(): void;
    clientIp(socket: string | undefined, forwardedFor: string | undefined, hops: number): string | null;
  };
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    preload.install();
    // Each request is one sign-in attempt with a fresh email, like a password sprayer's.
    server = createServer((req, res) => {
      const email = `spray-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
      authenticateWithPassword(email, "not-the-password", clientIp(req.headers as Record<string, unknown>)).then(
        () => res.end("OK"),
        (e: { code?: string }) => res.end(e.code ?? "ERROR"),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const attempt = (headers: Record<string, string>) =>
    new Promise<string>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve(body));
      });
      req.on("error", reject);
      req.end();
    });

  it("rotating X-Forwarded-For (or forging the internal header) does not bypass the per-IP limit", async () => {
    await db.signInThrottle.deleteMany({ where: { key: "ip:127.0.0.1" } });
    const codes: string[] = [];
    for (let i = 0; i < max + 3; i++) {
      codes.push(await attempt({ "X-Forwarded-For": `198.51.100.${i}`, "X-Real-IP": `198.51.100.${i}`, "X-Factmark-Client-Ip": `192.0.2.${i}` }));
    }
    expect(codes.slice(0, max)).toEqual(Array(max).fill("UNAUTHORIZED"));
    expect(codes.slice(max)).toEqual(Array(3).fill("RATE_LIMITED"));
    expect((await db.signInThrottle.findUnique({ where: { key: "ip:127.0.0.1" } }))?.failures).toBe(max + 3);
    await db.signInThrottle.deleteMany({ where: { key: "ip:127.0.0.1" } });
  });

  it("TRUSTED_PROXY_HOPS picks the address our own proxies saw, counted from the right", () => {
    expect(preload.clientIp("::ffff:10.0.0.5", "6.6.6.6", 0)).toBe("10.0.0.5");
    expect(preload.clientIp("10.0.0.5", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(preload.clientIp("10.0.0.5", "6.6.6.6, 203.0.113.7, 10.0.0.4", 2)).toBe("203.0.113.7");
    expect(preload.clientIp("10.0.0.5", undefined, 1)).toBe("10.0.0.5");
  });

  it("without the preload the header is not trusted", () => {
    const saved = process.env.FACTMARK_CLIENT_IP_HEADER;
    delete process.env.FACTMARK_CLIENT_IP_HEADER;
    try {
      expect(clientIp({ "x-factmark-client-ip": "192.0.2.1", "x-forwarded-for": "192.0.2.2" })).toBeNull();
    } finally {
      process.env.FACTMARK_CLIENT_IP_HEADER = saved;
    }
  });
});

describe("revocable sessions", () => {
  const sessionFor = async (token: { userId?: string; sid?: string }) => {
    const session = await authOptions.callbacks!.session!({ session: { user: { name: "x" }, expires: "" }, token } as never);
    return (session as { user?: { id?: string } }).user?.id;
  };

  it("a token carries a session id whose row must be live; sign-out ends it at once", async () => {
    const user = await createUser({ password: PASSWORD });
    const token = await authOptions.callbacks!.jwt!({ token: {}, user: { id: user.id }, account: { provider: "credentials" } } as never);
    expect(typeof token.sid).toBe("string");
    expect(await sessionFor(token)).toBe(user.id);
    // A token without a session id (or someone else's) is nobody.
    expect(await sessionFor({ userId: user.id })).toBeUndefined();
    const other = await createUser();
    expect(await sessionFor({ userId: other.id, sid: token.sid })).toBeUndefined();
    await authOptions.events!.signOut!({ token, session: {} } as never);
    expect(await sessionFor(token)).toBeUndefined();
  });

  it("a password change ends the user's other sessions, keeps the current one, and needs the current password", async () => {
    const user = await createUser({ password: PASSWORD });
    const [current, other] = await Promise.all([createSession(user.id), createSession(user.id)]);
    const actor = actorOf(user);
    await expect(changePassword({ actor, input: { currentPassword: "not-it-at-all", newPassword: "a-new-password-2" } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(changePassword({ actor, input: { currentPassword: PASSWORD, newPassword: "a-new-password-2" }, currentSid: current })).resolves.toEqual({ sessionsEnded: 1 });
    expect(await isSessionLive(current, user.id)).toBe(true);
    expect(await isSessionLive(other, user.id)).toBe(false);
    await expect(authenticateWithPassword(user.email, "a-new-password-2", freshIp())).resolves.toMatchObject({ id: user.id });
  });

  it("an expired session is refused", async () => {
    const user = await createUser();
    const sid = await createSession(user.id);
    await db.session.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await isSessionLive(sid, user.id)).toBe(false);
  });
});
