import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import type { ApiHistoryEntry } from "@/lib/schemas/claim";
import { canEdit } from "@/lib/schemas/enums";
import { loadReadableClaim } from "./claim-access";

function parseJson<T>(value: string | null, fallback: T): T {
  if (value === null) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

/** Every change to a claim and its sources, oldest first: who, when, which fields, before and after. */
export async function getClaimHistory({ actor, claimId }: { actor: MaybeActor; claimId: string }): Promise<ApiHistoryEntry[]> {
  const { role } = await loadReadableClaim(db, actor, claimId);
  // History is newsroom-internal: readers never see it.
  if (!canEdit(role)) throw forbidden("Only editors and admins can see a claim's history.");
  const events = await db.auditEvent.findMany({
    where: { claimId, entityType: { in: ["Claim", "Source"] } },
    include: { actor: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    actor: e.actor,
    createdAt: e.createdAt.toISOString(),
    fields: parseJson<string[]>(e.fields, []),
    before: parseJson<Record<string, unknown> | null>(e.before, null),
    after: parseJson<Record<string, unknown> | null>(e.after, null),
  }));
}
