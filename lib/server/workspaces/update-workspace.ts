import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { workspaceSettingsSchema, type WorkspaceSettingsInput } from "@/lib/schemas/admin";
import { requireActor, requireMembership } from "@/lib/server/access";
import { changedFields, recordAudit } from "@/lib/server/audit";
import { SETTINGS_SELECT, type WorkspaceSettings } from "./get-workspace-settings";

/** Updates the workspace's name, organisation (shown on published fact-checks), approval rule and date locale. */
export async function updateWorkspaceSettings({
  actor: maybeActor,
  workspaceId,
  input: rawInput,
}: {
  actor: MaybeActor;
  workspaceId: string;
  input: WorkspaceSettingsInput;
}): Promise<WorkspaceSettings> {
  const actor = requireActor(maybeActor);
  const input = workspaceSettingsSchema.parse(rawInput);
  const data = {
    name: input.name,
    organizationName: input.organizationName,
    organizationUrl: input.organizationUrl ?? null,
    requireIndependentApproval: input.requireIndependentApproval,
    ...(input.locale ? { locale: input.locale } : {}),
  };
  return db.$transaction(async (tx) => {
    await requireMembership(tx, actor, workspaceId, ["ADMIN"]);
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: SETTINGS_SELECT });
    const fields = changedFields(before, data);
    if (fields.length === 0) return before;
    const after = await tx.workspace.update({ where: { id: workspaceId }, data, select: SETTINGS_SELECT });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.userId,
      entityType: "Workspace",
      entityId: workspaceId,
      action: "workspace.update",
      fields,
      before: Object.fromEntries(fields.map((f) => [f, before[f]])),
      after: Object.fromEntries(fields.map((f) => [f, after[f]])),
    });
    return after;
  });
}
