import "server-only";
import { anchor, describeRange, selectionProblem, trimRange } from "@/lib/anchoring";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { layoutDocument } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { defaultStatement } from "@/lib/statements/default-statement";
import { CLAIM_LIMITS, createClaimSchema, type ApiClaim, type CreateClaimInput } from "@/lib/schemas/claim";
import { EDITING_ROLES, type ClaimStatus } from "@/lib/schemas/enums";
import { requireActor, roleReadsArticle } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { loadArticleWithRole, loadClaimRowById } from "./claim-rows";
import { claimSnapshot, toApiClaim } from "./claim-shape";
import { assertAssignee, assertVerdictKey } from "./claim-validation";
import { assertApprovable, assertTransition } from "./claim-workflow";
import { sanitizeOptionalText, sanitizePlainText, sanitizeRichText } from "./sanitize";
import { recordClaimEvent } from "@/lib/server/live/record-event";

export const SELECTOR_NOT_FOUND =
  "The selected text was not found in the article. The article may have changed: reload it and select the text again.";


/**
 * Creates a claim on a span of the article's canonical text. The selectors must land exactly
 * (position verified against the quote, or the quote found with its context); the stored
 * selectors are recomputed from where they landed, trimmed of surrounding whitespace.
 */
export async function createClaim({
  actor: maybeActor,
  articleId,
  input: rawInput,
}: {
  actor: MaybeActor;
  articleId: string;
  input: CreateClaimInput;
}): Promise<ApiClaim> {
  const actor = requireActor(maybeActor);
  const input = createClaimSchema.parse(rawInput);
  return db.$transaction(async (tx) => {
    // The article and the actor's role in one query (readableArticleWhere, then the editing roles).
    const article = await loadArticleWithRole(tx, articleId, actor.userId, { withText: true });
    if (!article || !roleReadsArticle(article.role, article.status)) throw notFound("Article");
    if (!EDITING_ROLES.includes(article.role)) throw forbidden("Only editors and admins of this workspace can add claims.");

    const text = article.canonicalText!;
    const anchored = anchor(text, input.target.selector);
    // Creating needs the exact words: a fuzzy match would put the claim on text nobody selected.
    if (!anchored || anchored.method === "fuzzy") throw new AppError("UNPROCESSABLE", SELECTOR_NOT_FOUND);
    const problem = selectionProblem(layoutDocument(JSON.parse(article.document!) as DocNode), anchored);
    if (problem) throw new AppError("UNPROCESSABLE", problem);
    const range = trimRange(text, anchored);
    const { quote } = describeRange(text, range);

    const status: ClaimStatus = input.status ?? "DRAFT";
    const verdictKey = input.verdict ?? null;
    if (verdictKey) await assertVerdictKey(tx, article.workspaceId, verdictKey);
    if (input.assigneeId) await assertAssignee(tx, article.workspaceId, input.assigneeId);
    const rationale = input.rationale ? sanitizeRichText(input.rationale) : "";
    if (status !== "DRAFT") assertTransition("DRAFT", status === "APPROVED" ? "IN_REVIEW" : status);
    // A new claim has no sources yet, so asking for APPROVED explains what is missing.
    if (status === "APPROVED") assertApprovable({ verdictKey, rationale, sourceCount: 0 });

    // Without one, the statement starts as the whole sentence holding the quote (the editor rewords it).
    const statement = sanitizePlainText(input.statement ?? "") || defaultStatement(text, range.start, range.end).slice(0, CLAIM_LIMITS.statement);
    const claim = await tx.claim.create({
      data: {
        articleId: article.id,
        exact: quote.exact,
        prefix: quote.prefix ?? "",
        suffix: quote.suffix ?? "",
        start: range.start,
        end: range.end,
        statement,
        claimant: sanitizeOptionalText(input.claimant),
        verdictKey,
        rationale,
        status,
        assigneeId: input.assigneeId ?? null,
        createdById: actor.userId,
        updatedById: actor.userId,
      },
    });
    await recordAudit(tx, {
      workspaceId: article.workspaceId,
      actorId: actor.userId,
      entityType: "Claim",
      entityId: claim.id,
      claimId: claim.id,
      articleId: article.id,
      action: "claim.create",
      fields: Object.keys(claimSnapshot(claim)),
      after: claimSnapshot(claim),
    });
    await recordClaimEvent(tx, claim.id, "claim.created", actor.userId, { articleId: article.id, workspaceId: article.workspaceId, version: claim.version, status: claim.status });
    const row = await loadClaimRowById(tx, claim.id);
    return toApiClaim(row!, { internal: true, openThreadCount: 0 });
  });
}
