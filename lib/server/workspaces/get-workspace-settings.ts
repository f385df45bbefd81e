import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { requireActor, requireMembership } from "@/lib/server/access";

export interface WorkspaceSettings {
  id: string;
  slug: string;
  name: string;
  organizationName: string;
  organizationUrl: string | null;
  requireIndependentApproval: boolean;
  locale: string;
}

export const SETTINGS_SELECT = {
  id: true,
  slug: true,
  name: true,
  organizationName: true,
  organizationUrl: true,
  requireIndependentApproval: true,
  locale: true,
} as const;

/** The workspace's editable settings (admins only). */
export async function getWorkspaceSettings({ actor: maybeActor, workspaceId }: { actor: MaybeActor; workspaceId: string }): Promise<WorkspaceSettings> {
  const actor = requireActor(maybeActor);
  await requireMembership(db, actor, workspaceId, ["ADMIN"]);
  return db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: SETTINGS_SELECT });
}

