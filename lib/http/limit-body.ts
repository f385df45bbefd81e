import { NextRequest } from "next/server";
import { errorResponse } from "./errors";
import { readBodyBytes } from "./request-body";

/**
 * For route handlers we don't write ourselves (next-auth's): the body is read with the byte cap
 * (413 in the usual JSON shape past it), then handed on as a fresh request.
 */
export function withBodyLimit<C>(
  handler: (req: NextRequest, ctx: C) => Promise<Response>,
  maxBytes: number,
): (req: NextRequest, ctx: C) => Promise<Response> {
  return async (req, ctx) => {
    if (req.method === "GET" || req.method === "HEAD") return handler(req, ctx);
    let body: Uint8Array;
    try {
      body = await readBodyBytes(req, maxBytes);
    } catch (e) {
      return errorResponse(e);
    }
    return handler(new NextRequest(req.url, { method: req.method, headers: req.headers, body: body as Uint8Array<ArrayBuffer> }), ctx);
  };
}
