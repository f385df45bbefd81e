import type { NextRequest } from "next/server";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { LruMap } from "@/lib/lru";

// next-auth decodes the session cookie on every request by deriving its key from the secret
// (HKDF) and decrypting the token: with getServerSession's re-encoding of the token, the costliest
// part of a signed-in API request after the database. A token decodes to the same claims until it
// expires, so the decoded claims are kept by token (bounded, expiry checked on every use); whether
// the session is still live is asked of the database on every request, as before.

/** jose's default for next-auth's tokens: an expiry this close is still accepted. */
const CLOCK_TOLERANCE_S = 15;
const decoded = new LruMap<string, JWT>(1_000);

async function decodeOnce(params: JWTDecodeParams): Promise<JWT | null> {
  const token = params.token;
  if (!token) return null;
  const hit = decoded.get(token);
  if (hit) {
    if (typeof hit.exp === "number" && hit.exp + CLOCK_TOLERANCE_S > Date.now() / 1000) return hit;
    decoded.delete(token);
  }
  const claims = await decode(params);
  if (claims && typeof claims.exp === "number") decoded.set(token, claims);
  return claims;
}

type TokenIds = { userId: string; sid: string };
const idsOf = (token: JWT | null): TokenIds | null =>
  typeof token?.userId === "string" && typeof token.sid === "string" ? { userId: token.userId, sid: token.sid } : null;
const secret = () => process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;

/**
 * The user and server-side session ids the request's session cookie carries, or null (no cookie,
 * not ours, expired). The same cookie, secret and checks as getServerSession, without its
 * re-encoding of the token (a route handler cannot send the renewed cookie back anyway).
 */
export async function sessionTokenIds(req: NextRequest): Promise<TokenIds | null> {
  return idsOf(await getToken({ req, secret: secret(), decode: decodeOnce }));
}

/**
 * sessionTokenIds for pages, layouts and server actions, from the request's cookies. Only the
 * cookie counts (no Authorization header), as with getServerSession, which in the app router
 * never renews the cookie either (it cannot set cookies from a server component).
 */
export async function pageSessionTokenIds(cookies: { getAll(): { name: string; value: string }[] }): Promise<TokenIds | null> {
  const req = { cookies: Object.fromEntries(cookies.getAll().map((c) => [c.name, c.value])), headers: {} };
  return idsOf(await getToken({ req: req as unknown as NextRequest, secret: secret(), decode: decodeOnce }));
}
