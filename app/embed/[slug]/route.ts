import type { NextRequest } from "next/server";
import { renderStatusPage } from "@/lib/reader/render-reader";
import { isAppError } from "@/lib/errors";
import { getPublishedPage } from "@/lib/server/publishing/cached-page";
import type { WithdrawnDetails } from "@/lib/server/publishing/get-published-article";
import { cachedHtmlResponse, htmlResponse } from "@/lib/server/publishing/html-response";

// Compact, frameable view of a public fact-check for newsrooms' own sites:
// <iframe src="https://<host>/embed/<slug>" ...>. Anonymous on purpose: a members-only
// article is never embeddable (404 here, whoever asks).
export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await ctx.params;
  try {
    const { page } = await getPublishedPage({ actor: null, slug, variant: "embed" });
    return cachedHtmlResponse(req, page, { frameable: true, shared: true });
  } catch (e) {
    if (isAppError(e) && e.code === "GONE") {
      const details = e.details as WithdrawnDetails;
      return htmlResponse(renderStatusPage({ status: 410, title: details.title, message: e.message }), {
        status: 410,
        frameable: true,
      });
    }
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "UNAUTHORIZED")) {
      return htmlResponse(
        renderStatusPage({ status: 404, title: "This fact-check is not available", message: "It is not published, or not public." }),
        { status: 404, frameable: true },
      );
    }
    throw e;
  }
}
