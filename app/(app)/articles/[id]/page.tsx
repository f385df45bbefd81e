import type { Metadata } from "next";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClaimWorkspace } from "@/components/claims/claim-workspace";
import { ArticleDetailsDialog } from "@/components/articles/article-details-dialog";
import { ExportMenu } from "@/components/export/export-menu";
import { PublishDialog } from "@/components/reader/publish-dialog";
import { RevisionToolbar } from "@/components/revisions/revision-toolbar";
import { requireSessionActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { safeUrl } from "@/lib/document/escape";
import { formatDate } from "@/lib/format/format-date";
import { getAnnotationPage } from "@/lib/server/claims/get-annotation-page";
import { nonceOf } from "@/lib/http/app-csp";

type Props = { params: Promise<{ id: string }> };

// One load per request: generateMetadata and the page share it.
const load = cache(async (id: string) => {
  const actor = await requireSessionActor(`/articles/${id}`);
  try {
    return await getAnnotationPage({ actor, articleId: id });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const data = await load(id);
  return { title: data.article.title };
}

export default async function ArticlePage({ params }: Props) {
  const { id } = await params;
  const [data, requestHeaders] = await Promise.all([load(id), headers()]);
  const { article, details } = data;
  const source = safeUrl(article.sourceUrl);
  // Set by the browser on a navigation that loads a document; Next's own fetches say "empty".
  const fullLoad = requestHeaders.get("sec-fetch-dest") === "document";
  // The body is plain server HTML (first paint needs no editor); highlights are painted over it.
  return (
    <main className="mx-auto w-full max-w-screen-2xl px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
        <Link href="/articles" className="hover:text-foreground hover:underline">
          Articles
        </Link>
        <span aria-hidden="true"> / </span>
        <span className="text-foreground">Fact-check</span>
      </nav>
      <header className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="flex min-w-0 flex-col gap-2">
          <h1 className="max-w-4xl text-2xl font-bold leading-tight tracking-tight sm:text-3xl">{article.title}</h1>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
            {article.byline && <span>{article.byline}</span>}
            {article.siteName && <span>{article.siteName}</span>}
            {article.publishedAt && <time dateTime={article.publishedAt}>{formatDate(article.publishedAt, data.locale)}</time>}
            {source && (
              <a href={source} target="_blank" rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1 hover:text-foreground hover:underline">
                Original story <ExternalLink className="size-3" aria-hidden="true" />
              </a>
            )}
            <span className="rounded-full border border-border px-2 py-0.5 text-xs">{article.status === "PUBLISHED" ? "Published" : article.status === "WITHDRAWN" ? "Withdrawn" : "Not published"}</span>
            {!data.canEdit && <span className="rounded-full bg-muted px-2 py-0.5 text-xs">Read-only</span>}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2 print:hidden">
          {article.status === "PUBLISHED" && (
            <a href={`/r/${article.slug}`} target="_blank" rel="noopener" className="inline-flex h-9 items-center gap-1.5 rounded-md px-3 text-sm font-medium text-primary hover:bg-muted">
              Reader view <ExternalLink className="size-3.5" aria-hidden="true" />
            </a>
          )}
          {details && <ArticleDetailsDialog details={details} />}
          <ExportMenu articleId={article.id} slug={article.slug} canExportInternal={data.canEdit} />
          {data.canEdit && <PublishDialog articleId={article.id} slug={article.slug} status={article.status} visibility={article.visibility} />}
        </div>
      </header>
      <RevisionToolbar
        articleId={article.id}
        // The text only travels when a claim needs attention (its span is picked again in it).
        canonicalText={data.attention.length > 0 ? article.canonicalText : ""}
        revisionNumber={article.revisionNumber}
        sourceUrl={article.sourceUrl}
        published={article.status === "PUBLISHED"}
        attention={data.attention}
        canEdit={data.canEdit}
      />
      <ClaimWorkspace
        key={article.revisionNumber}
        articleId={article.id}
        // A full page load has the body in its HTML (found by key while it is server-rendered):
        // sending it in the page's data too would double ~100 KB. Every other request
        // (client navigation, refresh, server action) carries it.
        body={{ key: article.body.key, figureOffsets: article.body.figureOffsets, ...(fullLoad ? {} : { html: article.body.html }) }}
        claimIndex={data.claimIndex}
        liveAfter={data.liveAfter}
        nonce={nonceOf(requestHeaders.get("content-security-policy"))}
        ctx={{
          workspaceId: data.workspaceId,
          scale: data.scale,
          members: data.members,
          currentUser: data.currentUser,
          canEdit: data.canEdit,
          requireIndependentApproval: data.requireIndependentApproval,
        }}
      />
    </main>
  );
}
