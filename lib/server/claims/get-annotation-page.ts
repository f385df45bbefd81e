import "server-only";
import type { Actor, MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/sqlite/client";
import { encodeClaimIndex, INDEX_STATEMENT_MAX, statementReader, summaryOf, type ClaimIndex, type ClaimSummary } from "@/lib/claims/claim-index";
import type { ApiClaim, ApiPerson, ApiScale } from "@/lib/schemas/claim";
import { canEdit, type Role } from "@/lib/schemas/enums";
import { requireActor } from "@/lib/server/access";
import type { ApiArticleDetails } from "@/lib/schemas/article-details";
import { renderArticleBody, type ArticleBody } from "@/lib/server/articles/article-body";
import { toApiDetails } from "@/lib/server/articles/update-article-details";
import { editorOf, loadPageArticle, selectMemberRows, selectScale, selectSummaryRows, type SummaryRow } from "./annotation-page-rows";
import { selectClaimRows } from "./claim-rows";
import { toApiClaim } from "./claim-shape";
import { listClaims } from "./list-claims";

export interface AnnotationPageData {
  article: {
    id: string;
    title: string;
    byline: string | null;
    sourceUrl: string | null;
    siteName: string | null;
    publishedAt: string | null;
    status: string;
    visibility: "PUBLIC" | "MEMBERS";
    slug: string;
    /** The body as HTML with its figure offsets (rendered once per document, not per view). */
    body: ArticleBody;
    canonicalText: string;
    /** The current revision (send it back as baseRevision when revising). */
    revisionNumber: number;
  };
  role: Role;
  canEdit: boolean;
  /** The details form's data (editors only). */
  details: ApiArticleDetails | null;
  currentUser: ApiPerson;
  workspaceId: string;
  /** Every claim, summarised (details load when a claim is opened). */
  claimIndex: ClaimIndex;
  /** Claims whose text changed or vanished in a revision (editors only), in full. */
  attention: ApiClaim[];
  scale: ApiScale;
  members: ApiPerson[];
  requireIndependentApproval: boolean;
  /** The workspace's BCP 47 locale for dates. */
  locale: string;
  /** The newest live event when the page was read: the live stream starts after it. */
  liveAfter: number;
}

/** Everything the article annotation page needs, checked for the actor (NOT_FOUND if unseen). */
export async function getAnnotationPage({ actor: maybeActor, articleId }: { actor: MaybeActor; articleId: string }): Promise<AnnotationPageData> {
  const actor = requireActor(maybeActor);
  // The article, the actor's role and the workspace's settings in one query (annotation-page-rows.ts).
  const article = await loadPageArticle(db, articleId, actor.userId);
  if (!article) throw notFound("Article");
  const { role, workspaceId } = article;
  const editor = canEdit(role);
  const scope = { articleId, workspaceId, userId: actor.userId };
  const [summaries, attention, scale, members] = await Promise.all([
    editor ? selectSummaryRows(db, scope).then((rows) => rows.map(summaryFor(article.canonicalText))) : readerSummaries(actor, articleId, article.canonicalText),
    editor
      ? selectClaimRows(db, {
          where: Prisma.sql`c."articleId" = ${articleId} AND c."deletedAt" IS NULL AND a."deletedAt" IS NULL AND c."anchorState" IN ('CHANGED', 'ORPHANED')
            AND ${editorOf(actor.userId, workspaceId)}`,
          order: Prisma.sql`ORDER BY c."start", c."end", c."createdAt", c."id"`,
        })
      : Promise.resolve([]),
    selectScale(db, workspaceId),
    editor ? selectMemberRows(db, scope) : Promise.resolve([]),
  ]);
  if (!scale) throw notFound("Rating scale");
  return {
    article: {
      id: article.id,
      title: article.title,
      byline: article.byline,
      sourceUrl: article.sourceUrl,
      siteName: article.siteName,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      status: article.status,
      visibility: article.visibility === "MEMBERS" ? "MEMBERS" : "PUBLIC",
      slug: article.slug,
      body: renderArticleBody(article.document),
      canonicalText: article.canonicalText,
      revisionNumber: article.revisionNumber,
    },
    role,
    canEdit: editor,
    details: editor ? toApiDetails(article) : null,
    currentUser: { id: actor.userId, name: actor.name },
    workspaceId,
    claimIndex: encodeClaimIndex(summaries),
    attention: attention.map((row) => toApiClaim(row, { internal: true })),
    scale,
    members,
    requireIndependentApproval: article.requireIndependentApproval,
    locale: article.locale,
    liveAfter: article.liveAfter,
  };
}

/**
 * A summary row as the page's claim index has it; a statement that is the default one of its span
 * is left out (the page derives it from `text`, the article's canonical text).
 */
function summaryFor(text: string) {
  const read = statementReader(text);
  return (r: SummaryRow): ClaimSummary => ({
    id: r.id,
    start: r.start,
    end: r.end,
    verdict: r.verdictKey,
    status: r.status,
    statement: r.statement === read({ statement: null, start: r.start, end: r.end }) ? null : r.statement.slice(0, INDEX_STATEMENT_MAX),
    claimant: r.claimant,
    assigneeId: r.assigneeId,
    sourceCount: r.sourceCount,
    openThreadCount: r.openThreadCount,
    version: r.version,
  });
}

/** Readers: the published claims as published (listClaims), summarised. */
async function readerSummaries(actor: Actor, articleId: string, text: string): Promise<ClaimSummary[]> {
  const read = statementReader(text);
  return (await listClaims({ actor, articleId })).map((c) => {
    const summary = summaryOf(c);
    return c.statement === read({ statement: null, start: c.start, end: c.end }) ? { ...summary, statement: null } : summary;
  });
}
