import "server-only";
import type { Actor, MaybeActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import type { ApiLinkedClaim } from "@/lib/schemas/claim-link";
import { loadReadableClaim } from "@/lib/server/claims/claim-access";
import { readableClaimWhere } from "@/lib/server/claims/claim-shape";

const other = { select: { id: true, articleId: true, statement: true, verdictKey: true, status: true, createdAt: true, article: { select: { title: true } } } } as const;

/** Claims linked to `claimId` in either direction that the actor may read (readers: published ones). */
export async function linkedClaimsTx(tx: Tx, actor: Actor, claimId: string): Promise<ApiLinkedClaim[]> {
  const readable = readableClaimWhere(actor);
  const [earlier, later] = await Promise.all([
    tx.claimLink.findMany({ where: { fromClaimId: claimId, to: readable }, include: { to: other }, orderBy: { createdAt: "asc" } }),
    tx.claimLink.findMany({ where: { toClaimId: claimId, from: readable }, include: { from: other }, orderBy: { createdAt: "asc" } }),
  ]);
  const shape = (c: (typeof earlier)[number]["to"], direction: ApiLinkedClaim["direction"]): ApiLinkedClaim => ({
    id: c.id,
    articleId: c.articleId,
    articleTitle: c.article.title,
    statement: c.statement,
    verdictKey: c.verdictKey,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    direction,
  });
  return [...earlier.map((l) => shape(l.to, "earlier")), ...later.map((l) => shape(l.from, "later"))];
}

/** "Checked before" links of a claim, both ways. */
export async function listClaimLinks({ actor: maybeActor, claimId }: { actor: MaybeActor; claimId: string }): Promise<ApiLinkedClaim[]> {
  const { actor } = await loadReadableClaim(db, maybeActor, claimId);
  return linkedClaimsTx(db, actor, claimId);
}
