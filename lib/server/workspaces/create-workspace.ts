import "server-only";
import type { Tx } from "@/lib/db";
import { DEFAULT_SCALE } from "@/lib/scale/default-scale";
import { recordAudit } from "@/lib/server/audit";

export interface CreateWorkspaceInput {
  name: string;
  slug: string;
  organizationName: string;
  organizationUrl?: string | null;
  ownerUserId: string;
}

/** Creates a workspace with the default rating scale and its owner as ADMIN (inside `tx`). */
export async function createWorkspaceTx(tx: Tx, input: CreateWorkspaceInput) {
  const workspace = await tx.workspace.create({
    data: {
      name: input.name,
      slug: input.slug,
      organizationName: input.organizationName,
      organizationUrl: input.organizationUrl ?? null,
      memberships: { create: { userId: input.ownerUserId, role: "ADMIN" } },
      ratingScale: {
        create: {
          name: DEFAULT_SCALE.name,
          bestRating: DEFAULT_SCALE.bestRating,
          worstRating: DEFAULT_SCALE.worstRating,
          verdicts: { create: DEFAULT_SCALE.verdicts.map((v, order) => ({ ...v, order })) },
        },
      },
    },
  });
  await recordAudit(tx, {
    workspaceId: workspace.id,
    actorId: input.ownerUserId,
    entityType: "Workspace",
    entityId: workspace.id,
    action: "workspace.create",
    after: { name: workspace.name, slug: workspace.slug },
  });
  return workspace;
}
