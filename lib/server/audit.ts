import "server-only";
import type { Tx } from "@/lib/db";

export interface AuditInput {
  workspaceId: string | null;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  claimId?: string | null;
  articleId?: string | null;
  fields?: string[];
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row. Call it with the transaction that makes the change. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      entityType: input.entityType,
      entityId: input.entityId,
      action: input.action,
      claimId: input.claimId ?? null,
      articleId: input.articleId ?? null,
      fields: JSON.stringify(input.fields ?? []),
      before: input.before === undefined ? null : JSON.stringify(input.before),
      after: input.after === undefined ? null : JSON.stringify(input.after),
    },
  });
}

/** Field names whose values differ between two plain objects (compared as JSON). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): (keyof T & string)[] {
  return (Object.keys(after) as (keyof T & string)[]).filter(
    (k) => after[k] !== undefined && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
}
