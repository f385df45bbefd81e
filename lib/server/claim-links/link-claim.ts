import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ApiClaim } from "@/lib/schemas/claim";
import { linkClaimSchema, type ApiLinkedClaim, type LinkClaimInput } from "@/lib/schemas/claim-link";
import { recordAudit } from "@/lib/server/audit";
import { loadEditableClaim } from "@/lib/server/claims/claim-access";
import { claimAuditScope } from "@/lib/server/claims/claim-audit-scope";
import { loadClaimRowById } from "@/lib/server/claims/claim-rows";
import { claimSnapshot, toApiClaim, type ClaimRow } from "@/lib/server/claims/claim-shape";
import { assertVerdictKey } from "@/lib/server/claims/claim-validation";
import { bumpClaimVersion } from "@/lib/server/claims/update-claim";
import { linkedClaimsTx } from "./list-claim-links";

/**
 * Links a claim to an earlier claim of the same workspace ("checked before"). With `copy`, the
 * earlier claim's verdict, rationale and sources become this claim's starting point; it stays in
 * its current (draft or review) status and still needs approval. One transaction, audited.
 */
export async function linkClaim({
  actor: maybeActor,
  claimId,
  input: rawInput,
}: {
  actor: MaybeActor;
  claimId: string;
  input: LinkClaimInput;
}): Promise<{ claim: ApiClaim; links: ApiLinkedClaim[] }> {
  const input = linkClaimSchema.parse(rawInput);
  return db.$transaction(async (tx) => {
    const { actor, row } = await loadEditableClaim(tx, maybeActor, claimId);
    if (input.toClaimId === claimId) throw new AppError("UNPROCESSABLE", "A claim cannot be linked to itself: choose an earlier claim.");
    const earlier = await tx.claim.findFirst({
      where: { id: input.toClaimId, deletedAt: null, article: { deletedAt: null, workspaceId: row.article.workspaceId } },
      include: { sources: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] } },
    });
    if (!earlier) throw notFound("Earlier claim");
    const scope = claimAuditScope(row, actor);

    const existing = await tx.claimLink.findFirst({
      where: { OR: [{ fromClaimId: claimId, toClaimId: earlier.id }, { fromClaimId: earlier.id, toClaimId: claimId }] },
    });
    if (!existing) {
      await tx.claimLink.create({ data: { fromClaimId: claimId, toClaimId: earlier.id, createdById: actor.userId } });
      await recordAudit(tx, { ...scope, entityType: "Claim", entityId: claimId, action: "claim.link", after: { linkedTo: earlier.id } });
    }

    if (input.copy) {
      if (row.status !== "DRAFT" && row.status !== "IN_REVIEW") {
        throw new AppError("UNPROCESSABLE", "Copy an earlier check only into a claim that is a draft or in review; this one is already approved or published.");
      }
      if (earlier.verdictKey) await assertVerdictKey(tx, row.article.workspaceId, earlier.verdictKey);
      const before = claimSnapshot(row);
      await bumpClaimVersion(tx, claimId, row.version, actor.userId, { verdictKey: earlier.verdictKey, rationale: earlier.rationale });
      const known = new Set(row.sources.map((s) => s.url));
      const copied = earlier.sources.filter((s) => !known.has(s.url));
      let position = row.sources.reduce((m, s) => Math.max(m, s.position + 1), 0);
      for (const s of copied) {
        await tx.source.create({
          data: {
            claimId,
            url: s.url,
            title: s.title,
            publisher: s.publisher,
            publishedOn: s.publishedOn,
            accessedOn: s.accessedOn,
            excerpt: s.excerpt,
            stance: s.stance,
            archiveUrl: s.archiveUrl,
            position: position++,
            createdById: actor.userId,
          },
        });
      }
      const after = claimSnapshot({ ...row, verdictKey: earlier.verdictKey, rationale: earlier.rationale });
      await recordAudit(tx, {
        ...scope,
        entityType: "Claim",
        entityId: claimId,
        action: "claim.copy-earlier-check",
        fields: ["verdict", "rationale", ...(copied.length ? ["sources"] : [])],
        before: { verdict: before.verdict, rationale: before.rationale },
        after: { verdict: after.verdict, rationale: after.rationale, copiedFrom: earlier.id, sourcesCopied: copied.length },
      });
    }
    const updated = (await loadClaimRowById(tx, claimId)) as ClaimRow;
    return { claim: toApiClaim(updated, { internal: true }), links: await linkedClaimsTx(tx, actor, claimId) };
  });
}

/** Removes the link between two claims (either direction). */
export async function unlinkClaim({ actor: maybeActor, claimId, otherClaimId }: { actor: MaybeActor; claimId: string; otherClaimId: string }): Promise<ApiLinkedClaim[]> {
  return db.$transaction(async (tx) => {
    const { actor, row } = await loadEditableClaim(tx, maybeActor, claimId);
    const { count } = await tx.claimLink.deleteMany({
      where: { OR: [{ fromClaimId: claimId, toClaimId: otherClaimId }, { fromClaimId: otherClaimId, toClaimId: claimId }] },
    });
    if (count === 0) throw notFound("Link");
    await recordAudit(tx, { ...claimAuditScope(row, actor), entityType: "Claim", entityId: claimId, action: "claim.unlink", before: { linkedTo: otherClaimId } });
    return linkedClaimsTx(tx, actor, claimId);
  });
}
