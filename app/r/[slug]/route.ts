import type { NextRequest } from "next/server";
import { renderStatusPage } from "@/lib/reader/render-reader";
import { actorFromRequest } from "@/lib/http/api-route";
import { isAppError } from "@/lib/errors";
import { getPublishedPage } from "@/lib/server/publishing/cached-page";
import type { WithdrawnDetails } from "@/lib/server/publishing/get-published-article";
import { cachedHtmlResponse, htmlResponse } from "@/lib/server/publishing/html-response";
import { isVersionNotFound, parseRevisionParam } from "@/lib/server/publishing/published-revision";

// The published reader view, /r/<slug>. A route handler rather than a page so that it can
// answer 410 for a withdrawn fact-check (a Next page can only produce 200/404/redirects) and
// serve a complete document with a hash-based CSP and no framework scripts: the text, the
// claims and the corrections are all in the HTML and readable without JavaScript.
export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await ctx.params;
  const asked = req.nextUrl.searchParams.get("revision");
  try {
    const actor = await actorFromRequest(req).catch(() => null);
    // An earlier published text version: /r/<slug>?revision=<n>, linked from the corrections log.
    const revision = parseRevisionParam(asked);
    // Rendered once per publication (PageCache), with an ETag: unchanged pages answer 304.
    const { page, head } = await getPublishedPage({ actor, slug, variant: "reader", revision });
    return cachedHtmlResponse(req, page, { shared: head.visibility === "PUBLIC" && !actor });
  } catch (e) {
    if (isAppError(e) && e.code === "UNAUTHORIZED") {
      const back = `/r/${slug}${asked === null ? "" : `?revision=${encodeURIComponent(asked)}`}`;
      const target = new URL(`/sign-in?callbackUrl=${encodeURIComponent(back)}`, req.nextUrl.origin);
      return Response.redirect(target, 303);
    }
    if (isAppError(e) && e.code === "GONE") {
      const details = e.details as WithdrawnDetails;
      return htmlResponse(
        renderStatusPage({
          status: 410,
          title: details.title,
          message: e.message,
        }),
        { status: 410 },
      );
    }
    if (isVersionNotFound(e)) {
      return htmlResponse(
        renderStatusPage({
          status: 404,
          title: "We can't find that version",
          message: "That version of the article was never published. Earlier versions are linked from the corrections log of the fact-check.",
          links: [{ href: `/r/${encodeURIComponent(slug)}`, label: "Read the current fact-check" }],
        }),
        { status: 404 },
      );
    }
    if (isAppError(e) && e.code === "NOT_FOUND") {
      return htmlResponse(
        renderStatusPage({
          status: 404,
          title: "We can't find that fact-check",
          message: "The address may be mistyped, or the fact-check is not published (or not shared with you).",
          links: [{ href: "/", label: "Go to Factmark" }],
        }),
        { status: 404 },
      );
    }
    throw e;
  }
}
