import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Forged-request protection for writes authenticated by the session cookie. The cookie is
// SameSite=Lax, which browsers still send from any page on the same site, another port of the
// same host included; so a write must also prove it comes from a page of this origin:
// - an Origin header naming this origin (browsers send it on every POST, PATCH and DELETE), or,
//   when a browser left it out, Sec-Fetch-Site: same-origin;
// - a body only as JSON or multipart/form-data, which a cross-origin page cannot send without a
//   CORS preflight this server never approves (text/plain and urlencoded forms can be sent).
// Requests with `Authorization: Bearer` carry no ambient credential and are exempt.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins this app is served from: the request's own host, and the configured public URLs. */
function isOwnOrigin(origin: string, host: string | null): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (host && url.host === host.toLowerCase()) return true;
  const e = env();
  return [e.NEXTAUTH_URL, e.PUBLIC_BASE_URL].some((configured) => {
    if (!configured) return false;
    try {
      return new URL(configured).origin === url.origin;
    } catch {
      return false;
    }
  });
}

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function hasBody(req: Request): boolean {
  const length = req.headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  return req.headers.has("transfer-encoding");
}

/** next-auth's session cookie (chunked as .0, .1… when large; __Secure- prefixed over HTTPS). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

export function hasSessionCookie(req: Request): boolean {
  return SESSION_COOKIE.test(req.headers.get("cookie") ?? "");
}

/**
 * Why this cookie-authenticated write looks forged, or null when it comes from our own pages
 * (or carries no session cookie at all: then there is no ambient credential to abuse, and the
 * request is simply anonymous).
 */
export function forgedRequestProblem(req: Request, accepted: readonly string[] = ["application/json", "multipart/form-data"]): AppError | null {
  if (!isUnsafeMethod(req.method) || req.headers.has("authorization") || !hasSessionCookie(req)) return null;
  const origin = req.headers.get("origin");
  const fetchSite = req.headers.get("sec-fetch-site");
  const sameOrigin = origin !== null ? isOwnOrigin(origin, req.headers.get("host")) : fetchSite === "same-origin";
  if (!sameOrigin) {
    return new AppError(
      "FORBIDDEN",
      origin !== null || fetchSite !== null
        ? "This request came from another site, so it was refused. Use Factmark's own pages, or call the API with an API token (Authorization: Bearer <token>)."
        : "Requests signed in with the session cookie must come from Factmark's pages (with an Origin header). Scripts should use an API token (Authorization: Bearer <token>).",
    );
  }
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  // A Content-Type names a body even when the length is not declared.
  if ((hasBody(req) || type !== "") && !accepted.includes(type)) {
    return new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send the request body as ${accepted.join(" or ")}${type ? `, not ${type}` : " (set the Content-Type header)"}.`,
    );
  }
  return null;
}

export function assertNotForged(req: Request): void {
  const problem = forgedRequestProblem(req);
  if (problem) throw problem;
}
