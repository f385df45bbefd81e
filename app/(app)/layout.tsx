import { requireSessionActor } from "@/lib/auth/session";
import { getCurrentWorkspace } from "@/lib/auth/current-workspace";
import { listMyWorkspaces } from "@/lib/server/workspaces/list-my-workspaces";
import { AppHeader } from "@/components/layout/app-header";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireSessionActor();
  const [current, workspaces] = await Promise.all([getCurrentWorkspace(), listMyWorkspaces({ actor })]);
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader
        user={{ name: actor.name, email: actor.email }}
        current={current}
        workspaces={workspaces}
      />
      <div className="flex-1">{children}</div>
    </div>
  );
}
