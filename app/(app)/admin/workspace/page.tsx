import type { Metadata } from "next";
import { getWorkspaceSettings } from "@/lib/server/workspaces/get-workspace-settings";
import { requireAdminWorkspace } from "../admin-workspace";
import { CreateWorkspaceForm } from "./create-workspace-form";
import { WorkspaceSettingsForm } from "./workspace-settings-form";

export const metadata: Metadata = { title: "Workspace · Admin" };

export default async function WorkspaceSettingsPage() {
  const { actor, workspace } = await requireAdminWorkspace("/admin/workspace");
  const settings = await getWorkspaceSettings({ actor, workspaceId: workspace.id });
  return (
    <div className="flex flex-col gap-8">
      <WorkspaceSettingsForm settings={settings} />
      {actor.isSuperAdmin && <CreateWorkspaceForm />}
    </div>
  );
}
