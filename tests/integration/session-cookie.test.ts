import { NextRequest } from "next/server";
import { encode, type JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { actorFromRequest } from "@/lib/http/api-route";
import { actorOf, createUser } from "./factories";

// The API reads the session cookie itself (lib/auth/session-token.ts) instead of through
// getServerSession: the same cookie must mean the same user, and every way a cookie stops
// being good must still make the request anonymous.

let secret = "";
beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-secret-0123456789abcdef";
  secret = process.env.NEXTAUTH_SECRET;
});

const cookieOf = async (token: JWT, opts: { maxAge?: number; secret?: string } = {}) =>
  `next-auth.session-token=${await encode({ token, secret: opts.secret ?? secret, maxAge: opts.maxAge })}`;
const actorFor = (cookie: string) => actorFromRequest(new NextRequest("http://localhost:3000/api/v1/me", { headers: { cookie } }));

describe("the session cookie on API requests", () => {
  it("a live session's cookie is its user, on every request", async () => {
    const user = await createUser();
    const cookie = await cookieOf({ userId: user.id, sid: await createSession(user.id) });
    await expect(actorFor(cookie)).resolves.toEqual(actorOf(user));
    // Again: the decoded token is reused, the session row is checked again.
    await expect(actorFor(cookie)).resolves.toEqual(actorOf(user));
  });

  it("a revoked session, a deactivated account, another user's session and a token without a session id are nobody", async () => {
    const user = await createUser();
    const sid = await createSession(user.id);
    const cookie = await cookieOf({ userId: user.id, sid });
    await expect(actorFor(cookie)).resolves.not.toBeNull();
    await revokeSession(sid);
    await expect(actorFor(cookie)).resolves.toBeNull();

    const deactivated = await createUser();
    const live = await cookieOf({ userId: deactivated.id, sid: await createSession(deactivated.id) });
    await expect(actorFor(live)).resolves.not.toBeNull();
    await db.user.update({ where: { id: deactivated.id }, data: { active: false } });
    await expect(actorFor(live)).resolves.toBeNull();

    const other = await createUser();
    await expect(actorFor(await cookieOf({ userId: other.id, sid: await createSession(user.id) }))).resolves.toBeNull();
    await expect(actorFor(await cookieOf({ userId: other.id }))).resolves.toBeNull();
  });

  it("an expired, tampered or foreign-signed token is nobody", async () => {
    const user = await createUser();
    const sid = await createSession(user.id);
    await expect(actorFor(await cookieOf({ userId: user.id, sid }, { maxAge: -60 }))).resolves.toBeNull();
    await expect(actorFor(await cookieOf({ userId: user.id, sid }, { secret: "another-secret-0123456789abcdef" }))).resolves.toBeNull();
    const good = await cookieOf({ userId: user.id, sid });
    await expect(actorFor(good)).resolves.not.toBeNull();
    const at = good.length - 30;
    const tampered = good.slice(0, at) + (good[at] === "A" ? "B" : "A") + good.slice(at + 1);
    await expect(actorFor(tampered)).resolves.toBeNull();
    await expect(actorFor("next-auth.session-token=whatever")).resolves.toBeNull();
  });
});
