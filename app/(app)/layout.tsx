import { requireSessionActor } from "@/lib/auth/session";
import { getCurrentWorkspace } from "@/lib/auth/current-workspace";
import { listMyWorkspaces } from "@/lib/server/workspaces/list-my-workspaces";
import { AppHeader } from "@/components/layout/app-header";
import { canEdit } from "@/lib/schemas/enums";
import { countReviewQueue } from "@/lib/server/claims/list-review-queue";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireSessionActor();
  const [current, workspaces] = await Promise.all([getCurrentWorkspace(), listMyWorkspaces({ actor })]);
  const review = current && canEdit(current.role) ? await countReviewQueue({ actor, workspaceId: current.id }) : null;
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader
        user={{ name: actor.name, email: actor.email }}
        current={current}
        workspaces={workspaces}
        reviewWaiting={review?.waitingForMe ?? null}
      />
      <div className="flex-1">{children}</div>
    </div>
  );
}
