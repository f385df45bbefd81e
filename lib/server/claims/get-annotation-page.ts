import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { encodeClaimIndex, type ClaimIndex } from "@/lib/claims/claim-index";
import type { ApiClaim, ApiPerson, ApiScale } from "@/lib/schemas/claim";
import { canEdit, type Role } from "@/lib/schemas/enums";
import { readableArticleWhere, requireActor } from "@/lib/server/access";
import type { ApiArticleDetails } from "@/lib/schemas/article-details";
import { renderArticleBody, type ArticleBody } from "@/lib/server/articles/article-body";
import { toApiDetails } from "@/lib/server/articles/update-article-details";
import { getScale } from "@/lib/server/scale/get-scale";
import { claimInclude, toApiClaim, withCommentCounts } from "./claim-shape";
import { listClaimSummaries } from "./list-claim-summaries";

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
}

/** Everything the article annotation page needs, checked for the actor (NOT_FOUND if unseen). */
export async function getAnnotationPage({ actor: maybeActor, articleId }: { actor: MaybeActor; articleId: string }): Promise<AnnotationPageData> {
  const actor = requireActor(maybeActor);
  // The actor's membership comes with the article (one round trip instead of two).
  const article = await db.article.findFirst({
    where: { id: articleId, ...readableArticleWhere(actor) },
    include: {
      workspace: {
        select: {
          requireIndependentApproval: true,
          locale: true,
          memberships: { where: { userId: actor.userId, active: true, user: { active: true } }, select: { role: true }, take: 1 },
        },
      },
    },
  });
  if (!article) throw notFound("Article");
  const membership = article.workspace.memberships[0];
  if (!membership) throw notFound("Workspace");
  const role = membership.role as Role;
  const editor = canEdit(role);
  const [summaries, attention, scale, members] = await Promise.all([
    listClaimSummaries({ actor, articleId, editor, text: article.canonicalText }),
    editor
      ? db.claim
          .findMany({
            where: { articleId, deletedAt: null, anchorState: { in: ["CHANGED", "ORPHANED"] } },
            include: claimInclude,
            orderBy: [{ start: "asc" }, { end: "asc" }],
          })
          .then((rows) => withCommentCounts(db, rows))
      : Promise.resolve([]),
    getScale({ actor, workspaceId: article.workspaceId }),
    editor
      ? db.membership.findMany({
          where: { workspaceId: article.workspaceId, active: true, user: { active: true } },
          select: { user: { select: { id: true, name: true } } },
          orderBy: { user: { name: "asc" } },
        })
      : Promise.resolve([]),
  ]);
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
    workspaceId: article.workspaceId,
    claimIndex: encodeClaimIndex(summaries),
    attention: attention.map((row) => toApiClaim(row, { internal: true })),
    scale,
    members: members.map((m) => m.user),
    requireIndependentApproval: article.workspace.requireIndependentApproval,
    locale: article.workspace.locale,
  };
}
