import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { MaybeActor } from "@/lib/auth/actor";
import { sessionTokenIds } from "@/lib/auth/session-token";
import { liveSessionActor } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { resolveApiToken } from "@/lib/server/tokens/resolve-api-token";
import { errorResponse } from "./errors";
import { assertDeclaredLength, assertWellFormedStrings, JSON_BODY_MAX_BYTES, readBodyText } from "./request-body";
import { assertNotForged, hasSessionCookie } from "./same-origin";

export interface ApiContext<P> {
  req: NextRequest;
  params: P;
  actor: MaybeActor;
}

/** Bearer token when the request carries one, otherwise the session cookie. */
export async function actorFromRequest(req: NextRequest): Promise<MaybeActor> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new AppError("UNAUTHORIZED", "The Authorization header must be `Bearer <token>`.");
    return resolveApiToken(match[1]);
  }
  // No session cookie: anonymous, without next-auth's work (the reader page, public API reads).
  if (!hasSessionCookie(req)) return null;
  // What the session callback in lib/auth/options.ts decides, without getServerSession's work.
  const ids = await sessionTokenIds(req);
  return ids ? liveSessionActor(ids.sid, ids.userId) : null;
}

export interface ApiRouteOptions {
  /** Largest request body the route takes (checked against Content-Length before anything runs). */
  maxBodyBytes?: number | (() => number);
}

/**
 * Wraps a route handler: refuses an oversized declared body and forged cookie-authenticated
 * writes, resolves the actor, turns any thrown error into the JSON error shape, and serialises
 * a returned value as JSON (return a Response for anything else).
 */
export function apiRoute<P = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<unknown>,
  options: ApiRouteOptions = {},
): (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response> {
  return async (req, ctx) => {
    try {
      const max = typeof options.maxBodyBytes === "function" ? options.maxBodyBytes() : options.maxBodyBytes;
      assertDeclaredLength(req, max ?? JSON_BODY_MAX_BYTES);
      assertNotForged(req);
      const actor = await actorFromRequest(req);
      const result = await handler({ req, params: ctx?.params ? await ctx.params : ({} as P), actor });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/**
 * A hot read that may answer a request carrying only a session cookie before `route` resolves the
 * actor through Prisma: `read` gets the cookie's ids and answers (checking the session itself),
 * or returns null and `route` answers as always (refusals, other callers, its errors).
 */
export function withSessionFastPath<P>(
  read: (req: NextRequest, params: P, ids: { userId: string; sid: string }) => Promise<Response | null>,
  route: (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>,
): (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response> {
  return async (req, ctx) => {
    if (!req.headers.has("authorization") && hasSessionCookie(req) && req.headers.get("content-length") === null) {
      try {
        assertNotForged(req);
        const ids = await sessionTokenIds(req);
        const answer = ids && ctx?.params ? await read(req, await ctx.params, ids) : null;
        if (answer) return answer;
      } catch (e) {
        return errorResponse(e);
      }
    }
    return route(req, ctx);
  };
}

export function created(body: unknown): NextResponse {
  return NextResponse.json(body, { status: 201 });
}

/**
 * Parses a JSON body against a zod schema: 413 past `maxBytes` (counted while reading), 400 for
 * malformed UTF-8 or JSON, strings that are not valid Unicode, unknown or invalid fields.
 */
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S, { maxBytes = JSON_BODY_MAX_BYTES } = {}): Promise<z.infer<S>> {
  const text = await readBodyText(req, maxBytes);
  let raw: unknown;
  try {
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch (e) {
    throw new AppError("BAD_REQUEST", `The request body is not valid JSON (${(e as Error).message}). Send a JSON object.`);
  }
  assertWellFormedStrings(raw);
  return schema.parse(raw);
}

/** Parses URL query parameters against a zod schema. */
export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(req.nextUrl.searchParams.entries()));
}
