import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { isSessionLive } from "@/lib/auth/sessions";
import { resolveApiToken } from "@/lib/server/tokens/resolve-api-token";

/**
 * How a long-lived stream re-checks the credential that opened it: the bearer token is still
 * valid, or the session row behind the cookie is still live (and the account active).
 */
export async function credentialCheck(req: NextRequest, actor: Actor): Promise<() => Promise<boolean>> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  if (bearer) {
    return () => resolveApiToken(bearer).then((a) => a.userId === actor.userId, () => false);
  }
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  const sid = typeof token?.sid === "string" ? token.sid : null;
  return async () => Boolean(sid && (await isSessionLive(sid, actor.userId)) && (await loadActor(actor.userId)));
}

/** The last event a reconnecting client saw: the Last-Event-ID header, else `after`. */
export function lastEventIdOf(req: NextRequest, after: number | undefined): number | null {
  const header = req.headers.get("last-event-id");
  if (header && /^\d{1,15}$/.test(header.trim())) return Number(header.trim());
  return after ?? null;
}

/** A Server-Sent Events response; proxies must neither buffer nor cache it. */
export function sseResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
