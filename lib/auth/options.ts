import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { authenticateWithPassword } from "./authenticate";
import { createSession, liveSessionActor, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

/**
 * The client address recorded by scripts/client-ip.cjs (the socket peer, or the address our
 * TRUSTED_PROXY_HOPS proxies saw). Client-supplied X-Forwarded-For is never read here. Without the
 * preload (a bare `next start` or `next dev`) there is no trustworthy address: null, so only the
 * per-account limit applies.
 */
export function clientIp(headers: Record<string, unknown> | undefined): string | null {
  if (process.env.FACTMARK_CLIENT_IP_HEADER !== "1") return null;
  const ip = headers?.["x-factmark-client-ip"];
  return typeof ip === "string" && ip ? ip : null;
}

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await authenticateWithPassword(
            credentials?.email ?? "",
            credentials?.password ?? "",
            clientIp(req?.headers as Record<string, unknown> | undefined),
          );
          return { id: user.id, email: user.email, name: user.name };
        } catch (e) {
          // next-auth passes the message to the sign-in form as `error`.
          throw new Error(isAppError(e) ? e.message : "Sign-in failed. Try again.");
        }
      },
    }),
  ];
  const { GITHUB_ID, GITHUB_SECRET } = env();
  if (GITHUB_ID && GITHUB_SECRET) {
    list.push(GitHubProvider({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET }));
  }
  return list;
}

export function enabledOAuthProviders(): Array<{ id: string; name: string }> {
  const { GITHUB_ID, GITHUB_SECRET } = env();
  return GITHUB_ID && GITHUB_SECRET ? [{ id: "github", name: "GitHub" }] : [];
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: providers(),
  callbacks: {
    // OAuth sign-in is invite-only: the verified email must belong to an active user.
    async signIn({ user, account }) {
      if (!account || account.provider === "credentials") return true;
      const email = user.email?.toLowerCase();
      if (!email) return "/sign-in?error=OAuthNoEmail";
      const existing = await db.user.findUnique({ where: { email } });
      return existing?.active ? true : "/sign-in?error=OAuthNotInvited";
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        if (account.provider === "credentials") {
          token.userId = user.id;
        } else {
          const existing = await db.user.findUnique({ where: { email: user.email!.toLowerCase() } });
          token.userId = existing?.id;
        }
        // A server-side session row, so the token can be revoked before it expires.
        if (token.userId) token.sid = await createSession(token.userId);
      }
      return token;
    },
    // /api/auth/session (pages read the cookie through lib/auth/session.ts, the same rule): a token
    // whose session row was revoked or has expired carries no user.
    async session({ session, token }) {
      // One query: the session row is live and its user active (deactivated users are nobody).
      const actor = typeof token.userId === "string" && typeof token.sid === "string" ? await liveSessionActor(token.sid, token.userId) : null;
      if (session.user) {
        if (actor) session.user.id = actor.userId;
        else delete session.user.id;
      }
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
};
