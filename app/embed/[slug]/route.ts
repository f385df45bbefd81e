import type { NextRequest } from "next/server";
import { renderEmbedPage, renderStatusPage } from "@/components/reader/render-reader";
import { isAppError } from "@/lib/errors";
import { getPublishedArticle, type WithdrawnDetails } from "@/lib/server/publishing/get-published-article";
import { htmlResponse } from "@/lib/server/publishing/html-response";

// Compact, frameable view of a public fact-check for newsrooms' own sites:
// <iframe src="https://<host>/embed/<slug>" ...>. Anonymous on purpose: a members-only
// article is never embeddable (404 here, whoever asks).
export const dynamic = "force-dynamic";

export async function GET(_req: NextRequest, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await ctx.params;
  try {
    const published = await getPublishedArticle({ actor: null, slug });
    return htmlResponse(renderEmbedPage(published.bundle), { frameable: true, cacheable: true });
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
