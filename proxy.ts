import { NextResponse, type NextRequest } from "next/server";
import { appCsp, newNonce } from "@/lib/http/app-csp";
import { forgedRequestProblem } from "@/lib/http/same-origin";

// Runs before the app's pages (and before API routes whose path holds a percent escape):
// - a path whose percent escapes don't decode (`/api/v1/claims/%ZZ`) is a 400, JSON under /api,
//   a page elsewhere (Next's router otherwise answers a plain-text 500);
// - app pages get a Content-Security-Policy with a fresh nonce and frame-ancestors 'self';
// - a form post to a page (a server action submitted without JavaScript) must come from our own
//   origin, like cookie-authenticated API writes (lib/http/same-origin.ts). Server actions sent
//   by the app's JavaScript carry a Next-Action header, which no other site can send without a
//   CORS preflight; Next checks their Origin itself.
// API routes are otherwise left out: proxy would buffer their bodies, and they check size and
// origin themselves (lib/http/api-route.ts).

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const PAGE_STYLE = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}";

function page(status: number, title: string, text: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Factmark</title><style>${PAGE_STYLE}</style></head><body><h1>${title}</h1><p>${text}</p><p><a href="/">Go to Factmark</a></p></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const api = pathname.startsWith("/api/");
  if (!decodes(pathname)) {
    const message = "The address contains a percent sign that is not a valid escape (like %ZZ). Check the link, or encode a literal % as %25.";
    return api
      ? NextResponse.json({ error: { code: "BAD_REQUEST", message } }, { status: 400 })
      : page(400, "Bad address", message);
  }
  if (api) return NextResponse.next();

  if (req.method !== "GET" && req.method !== "HEAD") {
    const problem = forgedRequestProblem(req, ["multipart/form-data"]);
    if (problem) return page(problem.code === "FORBIDDEN" ? 403 : 415, "Request refused", problem.message);
  }

  // The reader and embed pages are route handlers with their own strict policies.
  if (pathname.startsWith("/r/") || pathname.startsWith("/embed/")) return NextResponse.next();
  const nonce = newNonce();
  const csp = appCsp(nonce);
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static/|_next/image|icon\\.svg|favicon\\.ico).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
    // API routes only when the path holds a percent escape (to check that it decodes).
    "/api/:path(.*%.*)",
  ],
};
