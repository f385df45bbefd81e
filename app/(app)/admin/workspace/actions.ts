"use server";

import { revalidatePath } from "next/cache";
import { getSessionActor } from "@/lib/auth/session";
import type { CreateWorkspaceFormInput, WorkspaceSettingsInput } from "@/lib/schemas/admin";
import { createWorkspaceAsAdmin } from "@/lib/server/workspaces/create-workspace-as-admin";
import { updateWorkspaceSettings } from "@/lib/server/workspaces/update-workspace";
import { runAction } from "../action-result";

export async function updateWorkspaceSettingsAction(workspaceId: string, input: WorkspaceSettingsInput) {
  const result = await runAction(async () => updateWorkspaceSettings({ actor: await getSessionActor(), workspaceId, input }));
  // The name shows in the header's workspace switcher on every page.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function createWorkspaceAction(input: CreateWorkspaceFormInput) {
  const result = await runAction(async () => {
    const workspace = await createWorkspaceAsAdmin({ actor: await getSessionActor(), input });
    return { id: workspace.id, slug: workspace.slug, name: workspace.name };
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
