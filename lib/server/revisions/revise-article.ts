import "server-only";
import type { Actor, MaybeActor } from "@/lib/auth/actor";
import { diffSegments } from "@/lib/anchoring";
import type { TextRange } from "@/lib/anchoring/types";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { EDITING_ROLES } from "@/lib/schemas/enums";
import { reviseArticleSchema, type ReviseArticleInput, type RevisionPreview, type RevisionResult } from "@/lib/schemas/revision";
import { editableArticleWhere, memberOf, requireActor, requireMembership } from "@/lib/server/access";
import { sha256 } from "@/lib/server/articles/create-article";
import { recordAudit } from "@/lib/server/audit";
import { approvalHash, approvedContentOf, reopenData } from "@/lib/server/claims/approval";
import { isApprovedStatus } from "@/lib/workflow/claim-workflow";
import { planClaims, reviewReasonFor, toClaimReanchor, type ClaimPlan } from "./plan-revision";
import { resolveRevisionContent, type RevisionContent, type RevisionUpload } from "./resolve-revision-content";
import { revisionSelect, toApiRevision } from "./revision-shape";
import { recordEvent } from "@/lib/server/live/record-event";

// Revising an article: a new immutable revision, and every claim (trashed ones too, so a
// restore lands on the current text) re-anchored in the same transaction. The new text is
// produced first (import, fetch), outside the transaction; the base revision is checked
// again inside it, so two revisions racing each other give one 409, never a lost text.

const claimFields = {
  id: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  status: true,
  anchorState: true,
  anchorScore: true,
  previousExact: true,
  deletedAt: true,
} as const;

async function loadEditableArticle(tx: Tx, actor: Actor, articleId: string) {
  const article = await tx.article.findFirst({ where: { id: articleId, ...editableArticleWhere(actor) } });
  if (!article) {
    // Readers who can see it learn they may not change it; strangers learn nothing.
    const visible = await tx.article.findFirst({ where: { id: articleId, deletedAt: null, workspace: memberOf(actor) }, select: { workspaceId: true } });
    if (visible) await requireMembership(tx, actor, visible.workspaceId, EDITING_ROLES);
    throw notFound("Article");
  }
  await requireMembership(tx, actor, article.workspaceId, EDITING_ROLES);
  return article;
}

function staleBase(current: number): AppError {
  return new AppError(
    "CONFLICT",
    `Someone revised this article meanwhile (it is now at revision ${current}). Reload it and make your change again.`,
    { revisionNumber: current },
  );
}

function proposedMap(input: ReviseArticleInput): ReadonlyMap<string, TextRange> | undefined {
  if (!input.proposed?.length) return undefined;
  return new Map(input.proposed.map((p) => [p.claimId, { start: p.start, end: Math.max(p.start, p.end) }]));
}

async function prepare(maybeActor: MaybeActor, articleId: string, raw: ReviseArticleInput, upload?: RevisionUpload) {
  const actor = requireActor(maybeActor);
  const input = reviseArticleSchema.parse(raw);
  const article = await loadEditableArticle(db, actor, articleId);
  if (article.revisionNumber !== input.baseRevision) throw staleBase(article.revisionNumber);
  const content = await resolveRevisionContent(input, article, upload);
  return { actor, input, content };
}

function assertChanged(article: { contentHash: string; document: string }, content: RevisionContent): void {
  if (sha256(content.canonicalText) === article.contentHash && JSON.stringify(content.document) === article.document) {
    throw new AppError("UNPROCESSABLE", "The new version is identical to the current text: no revision was made.", { identical: true });
  }
}

/** What a revision would do (word diff, claim by claim), without saving. */
export async function previewRevision({
  actor: maybeActor,
  articleId,
  input: raw,
  upload,
}: {
  actor: MaybeActor;
  articleId: string;
  input: ReviseArticleInput;
  upload?: RevisionUpload;
}): Promise<RevisionPreview> {
  const { actor, input, content } = await prepare(maybeActor, articleId, raw, upload);
  const article = await loadEditableArticle(db, actor, articleId);
  assertChanged(article, content);
  const claims = await db.claim.findMany({ where: { articleId, deletedAt: null }, select: claimFields, orderBy: { start: "asc" } });
  const { plans, summary } = planClaims(article.canonicalText, content.canonicalText, claims, proposedMap(input));
  return {
    baseRevision: article.revisionNumber,
    canonicalText: content.canonicalText,
    document: content.document as unknown as Record<string, unknown>,
    diff: diffSegments(article.canonicalText, content.canonicalText),
    summary,
    claims: plans.map(toClaimReanchor),
  };
}

/**
 * Makes a new revision of an article and re-anchors every claim. A reason is required once the
 * article is published (readers see it in the corrections log); a stale `baseRevision` is a 409.
 */
export async function reviseArticle({
  actor: maybeActor,
  articleId,
  input: raw,
  upload,
}: {
  actor: MaybeActor;
  articleId: string;
  input: ReviseArticleInput;
  upload?: RevisionUpload;
}): Promise<RevisionResult> {
  const { actor, input, content } = await prepare(maybeActor, articleId, raw, upload);
  const reason = input.reason?.trim() || null;
  const contentHash = sha256(content.canonicalText);
  const documentJson = JSON.stringify(content.document);

  return db.$transaction(
    async (tx) => {
      const article = await loadEditableArticle(tx, actor, articleId);
      if (article.revisionNumber !== input.baseRevision) throw staleBase(article.revisionNumber);
      assertChanged(article, content);
      if (!reason && article.status === "PUBLISHED") {
        throw new AppError("VALIDATION_ERROR", "reason: say why the text changed; readers see it in the corrections log of this published article.");
      }
      const number = article.revisionNumber + 1;
      const claims = await tx.claim.findMany({ where: { articleId }, select: claimFields });
      const { plans, summary } = planClaims(article.canonicalText, content.canonicalText, claims, proposedMap(input));

      // The version condition makes a racing revision (or metadata change) lose cleanly.
      const { count } = await tx.article.updateMany({
        where: { id: articleId, revisionNumber: article.revisionNumber, version: article.version },
        data: {
          document: documentJson,
          canonicalText: content.canonicalText,
          contentHash,
          revisionNumber: number,
          version: { increment: 1 },
          updatedById: actor.userId,
        },
      });
      if (count === 0) throw staleBase((await tx.article.findUniqueOrThrow({ where: { id: articleId } })).revisionNumber);

      const revision = await tx.articleRevision.create({
        data: {
          articleId,
          number,
          document: documentJson,
          canonicalText: content.canonicalText,
          contentHash,
          reason,
          kind: content.kind,
          anchorSummary: JSON.stringify(summary),
          createdById: actor.userId,
        },
        select: revisionSelect,
      });
      await writeClaims(tx, actor, article, plans, number);
      await recordAudit(tx, {
        workspaceId: article.workspaceId,
        actorId: actor.userId,
        entityType: "Article",
        entityId: articleId,
        articleId,
        action: "article.revise",
        fields: ["document"],
        before: { revisionNumber: article.revisionNumber, contentHash: article.contentHash },
        after: { revisionNumber: number, contentHash, reason, kind: content.kind, summary },
      });
      await recordEvent(tx, { workspaceId: article.workspaceId, articleId, type: "article.revised", actorId: actor.userId, payload: { revision: number } });
      return { revision: toApiRevision(revision, number), summary, claims: plans.map(toClaimReanchor) };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/**
 * Stores each claim's new selectors. Claims whose selectors and state did not change are
 * updated in one statement. The claim's version is bumped only when its status changes, so a
 * colleague editing a claim's fields meanwhile keeps their edit and the new span both.
 */
async function writeClaims(tx: Tx, actor: Actor, article: { id: string; workspaceId: string }, plans: ClaimPlan[], number: number) {
  const untouched: string[] = [];
  for (const p of plans) {
    const { claim, result } = p;
    const same =
      result.start === claim.start &&
      (p.state === "ORPHANED" ? claim.end === claim.start : result.end === claim.end) &&
      result.exact === claim.exact &&
      result.prefix === claim.prefix &&
      result.suffix === claim.suffix &&
      p.state === claim.anchorState &&
      p.previousExact === claim.previousExact &&
      !p.backToReview;
    if (same) {
      untouched.push(claim.id);
      continue;
    }
    const review = p.backToReview
      ? { ...reopenData(["span"]), reviewReason: reviewReasonFor(p, number), version: { increment: 1 } }
      : isApprovedStatus(claim.status) && !claim.deletedAt
        ? // Same words at a new place: the approval still holds, over the span as it is now.
          { approvedHash: await rehashApproval(tx, claim.id, { exact: result.exact, start: result.start, end: result.end }) }
        : {};
    await tx.claim.update({
      where: { id: claim.id },
      data: {
        start: result.start,
        // An orphan has no words in this revision: an empty span, so no highlight sits on other text.
        end: p.state === "ORPHANED" ? result.start : result.end,
        exact: result.exact,
        prefix: result.prefix,
        suffix: result.suffix,
        anchorState: p.state,
        anchorScore: p.score,
        previousExact: p.previousExact,
        anchoredRevision: number,
        ...review,
      },
    });
    if (p.state === "CHANGED" || p.state === "ORPHANED" || p.backToReview) {
      await recordAudit(tx, {
        workspaceId: article.workspaceId,
        actorId: actor.userId,
        entityType: "Claim",
        entityId: claim.id,
        claimId: claim.id,
        articleId: article.id,
        action: p.backToReview ? "claim.reanchor-review" : "claim.reanchor",
        fields: ["exact", "start", "end", "anchorState", ...(p.backToReview ? ["status"] : [])],
        before: { exact: claim.exact, start: claim.start, end: claim.end, anchorState: claim.anchorState, status: claim.status },
        after: { exact: result.exact, start: result.start, end: result.end, anchorState: p.state, status: p.backToReview ? "IN_REVIEW" : claim.status, revision: number },
      });
    }
  }
  if (untouched.length) {
    for (let i = 0; i < untouched.length; i += 500) {
      await tx.claim.updateMany({ where: { id: { in: untouched.slice(i, i + 500) } }, data: { anchoredRevision: number } });
    }
  }
}

async function rehashApproval(tx: Tx, claimId: string, span: { exact: string; start: number; end: number }): Promise<string> {
  const row = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    include: { sources: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] } },
  });
  return approvalHash(approvedContentOf({ ...row, ...span }));
}
