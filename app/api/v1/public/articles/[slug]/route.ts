import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { getPublishedArticle } from "@/lib/server/publishing/get-published-article";
import { toPublicArticle } from "@/lib/server/publishing/public-article";

// The published snapshot only (never live claims). Members-only articles need a session or token.
export const GET = apiRoute<{ slug: string }>(async ({ params, actor }) => {
  const published = await getPublishedArticle({ actor, slug: params.slug });
  return NextResponse.json(toPublicArticle(published), {
    headers: { "Cache-Control": published.visibility === "PUBLIC" ? "public, no-cache" : "private, no-store" },
  });
});
