import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { getPublishedArticle } from "@/lib/server/publishing/get-published-article";
import { toPublicArticle } from "@/lib/server/publishing/public-article";
import { parseRevisionParam } from "@/lib/server/publishing/published-revision";

// The published snapshot only (never live claims). Members-only articles need a session or token.
// ?revision=<n>: an earlier published text version with its claims as published then, as
// readers see it at /r/<slug>?revision=<n> (404 when that revision was never published).
export const GET = apiRoute<{ slug: string }>(async ({ req, params, actor }) => {
  const revision = parseRevisionParam(req.nextUrl.searchParams.get("revision"));
  const published = await getPublishedArticle({ actor, slug: params.slug, revision });
  return NextResponse.json(toPublicArticle(published), {
    headers: { "Cache-Control": published.visibility === "PUBLIC" ? "public, no-cache" : "private, no-store" },
  });
});
